/** Where a plan applies; shared by the sidecar, the plan document and the page front matter. */
import { z } from 'zod';

export const jurisdictionSchema = z.strictObject({
  /** The name as the plan uses it: 许昌市, XX投资区. */
  name: z.string().min(1),
  province: z.string().optional(),
  city: z.string().optional(),
  county: z.string().optional(),
  /** 省 | 市 | 区 | 县 | 投资区 | 开发区 … */
  level: z.string().optional(),
});

export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
