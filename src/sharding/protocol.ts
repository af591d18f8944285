/**
 * Messages between the sharding manager and its shard processes, over the IPC channel discord.js's ShardingManager
 * opens to each shard (which also carries discord.js's own messages: those are not ours and parse to null).
 */
import { z } from 'zod';
import type { ReindexReport } from '../service.js';

const reportShape = z.custom<ReindexReport>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { builtAt?: unknown }).builtAt === 'string',
);

/** A shard asks for a reindex, and says whether it switched to an announced index (problem: why not). */
const fromShard = z.discriminatedUnion('quoth', [
  z.object({ quoth: z.literal('reindex'), requestId: z.string() }),
  z.object({ quoth: z.literal('switched'), builtAt: z.string(), problem: z.string().nullable() }),
]);

/** The manager answers a reindex request, and announces each new index (by its build time) to every shard. */
const fromManager = z.discriminatedUnion('quoth', [
  z.object({ quoth: z.literal('reindexed'), requestId: z.string(), report: reportShape }),
  z.object({ quoth: z.literal('reindex-failed'), requestId: z.string(), publicReason: z.string() }),
  z.object({ quoth: z.literal('index'), builtAt: z.string() }),
]);

export type ShardMessage = z.infer<typeof fromShard>;
export type ManagerMessage = z.infer<typeof fromManager>;

/** The message when it is one of ours from a shard, else null. */
export function parseShardMessage(value: unknown): ShardMessage | null {
  const parsed = fromShard.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The message when it is one of ours from the manager, else null. */
export function parseManagerMessage(value: unknown): ManagerMessage | null {
  const parsed = fromManager.safeParse(value);
  return parsed.success ? parsed.data : null;
}
