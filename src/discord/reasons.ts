/** What a Discord user may be told about a fault: the problem, never the server's paths or a stack trace. */
import { SeedsFolderError } from '../ingest/errors.js';
import { ShardedReindexError, ShardsNotSwitchedError } from '../sharding/errors.js';

/** Why a `/reindex` failed, in words fit for the channel; the full error goes to the log. */
export function publicReindexReason(error: unknown): string {
  if (error instanceof SeedsFolderError) return `Quoth: ${error.reason}.`;
  if (error instanceof ShardedReindexError || error instanceof ShardsNotSwitchedError) return error.publicReason;
  return 'An unexpected error stopped the rebuild; the details are in the bot’s log.';
}
