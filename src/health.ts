/**
 * Liveness for process supervisors (Docker HEALTHCHECK, systemd, Kubernetes): the running bot rewrites a small
 * heartbeat file in DATA_DIR while its gateway connection is ready, and `quoth health` says whether it is fresh.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const HEARTBEAT_FILE = 'heartbeat.json';
/** How often the bot writes the heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** Older than this, the bot is taken for stuck or gone. */
export const HEARTBEAT_MAX_AGE_MS = 60_000;

const heartbeat = z.object({ at: z.iso.datetime(), ready: z.boolean(), pid: z.number().int(), pingMs: z.number().nullable() });
export type Heartbeat = z.infer<typeof heartbeat>;

/** Writes the heartbeat atomically (a reader never sees half a file). */
export async function writeHeartbeat(dataDir: string, state: Heartbeat): Promise<void> {
  const file = path.join(dataDir, HEARTBEAT_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, file);
}

export type HealthVerdict = { healthy: true; detail: string } | { healthy: false; detail: string };

/** Pure: is this heartbeat fresh and ready at `now`? */
export function judgeHeartbeat(state: Heartbeat, now: number, maxAgeMs = HEARTBEAT_MAX_AGE_MS): HealthVerdict {
  const ageMs = now - Date.parse(state.at);
  if (ageMs > maxAgeMs) return { healthy: false, detail: `last heartbeat ${Math.round(ageMs / 1000)} s ago (pid ${state.pid})` };
  if (!state.ready) return { healthy: false, detail: 'the Discord gateway connection is not ready' };
  return { healthy: true, detail: `ready, heartbeat ${Math.round(ageMs / 1000)} s ago${state.pingMs === null ? '' : `, gateway ping ${state.pingMs} ms`}` };
}

export async function checkHealth(dataDir: string, now = Date.now()): Promise<HealthVerdict> {
  const file = path.join(dataDir, HEARTBEAT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { healthy: false, detail: `no heartbeat at ${file} (is the bot running with this DATA_DIR?)` };
  }
  let parsed: z.ZodSafeParseResult<Heartbeat>;
  try {
    parsed = heartbeat.safeParse(JSON.parse(text));
  } catch {
    return { healthy: false, detail: `${file} is not JSON` };
  }
  return parsed.success ? judgeHeartbeat(parsed.data, now) : { healthy: false, detail: `${file} is not a heartbeat` };
}
