import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const plans = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/plans' }), schema: z.object({ title: z.string() }) });
export const collections = { plans };
