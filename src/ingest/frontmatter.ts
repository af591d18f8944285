/** Optional YAML front matter (`---` fenced at the start of a `.txt` or `.md` file). */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { TextRange } from '../model.js';
import { toIsoDate } from './dates.js';
import type { StatedMetadata } from './document.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** One schema per key, so that one bad key does not throw away the good ones. */
const FIELDS = {
  title: nonEmpty,
  outlet: nonEmpty,
  url: z.url({ message: 'must be an absolute URL' }),
  published: z
    .union([z.string(), z.date()])
    .transform((value, ctx) => {
      const date = typeof value === 'string' ? toIsoDate(value) : value.toISOString().slice(0, 10);
      if (date === null) {
        ctx.addIssue({ code: 'custom', message: 'must be a date such as 2025-07-04' });
        return z.NEVER;
      }
      return date;
    }),
} satisfies Record<keyof StatedMetadata, z.ZodType<string, unknown>>;

export interface FrontMatter {
  /** From the opening `---` to the end of the closing fence line. */
  range: TextRange;
  stated: StatedMetadata;
  warnings: string[];
}

const FENCE = /^---[ \t]*\r?\n/u;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/mu;

/** Finds and validates front matter; null when the file does not start with a `---` fence that is closed. */
export function readFrontMatter(text: string): FrontMatter | null {
  const open = FENCE.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return null;
  const yamlSource = rest.slice(0, close.index);
  const range = { start: 0, end: open[0].length + close.index + close[0].length };
  const warnings: string[] = [];
  const stated: StatedMetadata = {};

  let data: unknown;
  try {
    data = parseYaml(yamlSource);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { range, stated, warnings: [`front matter is not valid YAML (${detail}); ignored`] };
  }
  if (data === null || data === undefined) return { range, stated, warnings };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { range, stated, warnings: ['front matter is not a YAML mapping; ignored'] };
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    if (!(key in record) || record[key] === null) continue;
    const result = FIELDS[key].safeParse(record[key]);
    if (result.success) stated[key] = result.data;
    else warnings.push(`front matter "${key}": ${result.error.issues[0]?.message ?? "invalid"}; ignored`);
  }
  return { range, stated, warnings };
}
