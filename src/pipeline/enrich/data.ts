/**
 * Declarations of what the enrich steps leave in file.data; parsePlan() copies them into the
 * PlanDocument. Kept apart so that each enrich plugin's file stays about one concern.
 */
import type { Channel, Goal, Milestone } from '../types.ts';

declare module 'vfile' {
  interface DataMap {
    goals: Goal[];
    milestones: Milestone[];
    channels: Channel[];
  }
}
export {};
