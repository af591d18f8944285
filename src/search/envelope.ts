/** The saved index: a versioned envelope around the MiniSearch JSON, validated by zod on load. */
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { assemble, type Corpus } from './corpus.js';
import { deserializeImpacts, serializeImpacts } from './impacts.js';
import { INDEX_OPTIONS, type PassageDocument } from './options.js';

/** Bump whenever the envelope, the passage cutting or the term pipeline changes meaning. */
export const SCHEMA_VERSION = 8;

const sourceRef = z.object({
  id: z.string(),
  title: z.string().nullable(),
  path: z.string(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
});

const envelopeSchema = z.object({
  schemaVersion: z.number(),
  builtAt: z.string(),
  counts: z.object({ sources: z.number(), passages: z.number(), skipped: z.number() }),
  sources: z.array(z.object({ source: sourceRef, sha256: z.string(), passages: z.number(), story: z.string() })),
  skipped: z.array(z.object({ path: z.string(), reason: z.string(), sha256: z.string().optional() })),
  /** [sourceIndex, start, end, heading, sentence offsets relative to start (start0, end0, start1, end1, …), text] */
  passages: z.array(z.tuple([z.number(), z.number(), z.number(), z.string(), z.array(z.number()), z.string()])),
  impacts: z.object({ terms: z.array(z.string()), offsets: z.string(), ids: z.string(), scores: z.string() }),
  index: z.record(z.string(), z.unknown()),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

export function toEnvelope(corpus: Corpus): Envelope {
  const sourceIndex = new Map(corpus.sources.map((indexed, index) => [indexed.source.id, index]));
  return {
    schemaVersion: SCHEMA_VERSION,
    builtAt: corpus.builtAt,
    counts: { sources: corpus.sources.length, passages: corpus.passages.length, skipped: corpus.skipped.length },
    sources: corpus.sources,
    skipped: corpus.skipped,
    passages: corpus.passages.map((passage) => [
      sourceIndex.get(passage.sourceId)!,
      passage.start,
      passage.end,
      passage.heading,
      passage.sentences.flatMap((sentence) => [sentence.start - passage.start, sentence.end - passage.start]),
      passage.text,
    ]),
    impacts: serializeImpacts(corpus.impacts),
    index: corpus.search.toJSON() as unknown as Record<string, unknown>,
  };
}

/** The schema version a file declares, told apart from the expected one even when it prints the same ("8" vs 8). */
function describeVersion(version: unknown): string {
  if (version === undefined) return 'no schema version';
  if (typeof version === 'number') return `schema version ${version}`;
  return `schema version ${JSON.stringify(version) ?? String(version)} (a ${version === null ? 'null' : typeof version}, not a number)`;
}

/**
 * Why a passage's offsets cannot describe its text, or null. A passage is a slice of its article, so its text is
 * exactly `end - start` characters long and its sentences lie inside it, in order. (Whether the text is the slice
 * of the article it claims is vouched for by the file's checksum and the sources' hashes, not re-read here.)
 */
function passageProblem(start: number, end: number, offsets: number[], text: string): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return `bad range ${start}–${end}`;
  if (text.length !== end - start) return `text of ${text.length} characters for the range ${start}–${end}`;
  if (offsets.length % 2 !== 0) return 'odd number of sentence offsets';
  let previous = 0;
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset < previous || offset > text.length) return `sentence offset ${offset} outside 0–${text.length} or out of order`;
    previous = offset;
  }
  return null;
}

/** Reads an envelope parsed from JSON. Throws IndexFormatError naming what is wrong. */
export function fromEnvelope(json: unknown): Corpus {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) throw new IndexFormatError(`${describeVersion(version)}, expected schema version ${SCHEMA_VERSION}`);
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexFormatError(`malformed index at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`);
  }
  const envelope = parsed.data;
  let search: MiniSearch<PassageDocument>;
  try {
    search = MiniSearch.loadJS(envelope.index as unknown as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
  } catch (error) {
    throw new IndexFormatError(`unreadable search index: ${(error as Error).message}`);
  }
  const passages = envelope.passages.map(([sourceIndex, start, end, heading, offsets, text], id) => {
    const source = envelope.sources[sourceIndex];
    if (source === undefined) throw new IndexFormatError(`passage ${id} names source #${sourceIndex}, which is not in the index`);
    const problem = passageProblem(start, end, offsets, text);
    if (problem !== null) throw new IndexFormatError(`passage ${id} of ${source.source.id}: ${problem}`);
    const sentences = [];
    for (let i = 0; i + 1 < offsets.length; i += 2) sentences.push({ start: start + offsets[i]!, end: start + offsets[i + 1]! });
    return { id, sourceId: source.source.id, start, end, text, sentences, heading };
  });
  if (search.documentCount !== passages.length) {
    throw new IndexFormatError(`index holds ${search.documentCount} passages, envelope lists ${passages.length}`);
  }
  const counted = new Map<string, number>();
  for (const passage of passages) counted.set(passage.sourceId, (counted.get(passage.sourceId) ?? 0) + 1);
  for (const { source, passages: listed } of envelope.sources) {
    if ((counted.get(source.id) ?? 0) !== listed) {
      throw new IndexFormatError(`source ${source.id} lists ${listed} passages, the index holds ${counted.get(source.id) ?? 0}`);
    }
  }
  let impacts;
  try {
    impacts = deserializeImpacts(envelope.impacts, passages.length);
  } catch (error) {
    throw new IndexFormatError(`unreadable impact index: ${(error as Error).message}`);
  }
  return assemble({
    builtAt: envelope.builtAt,
    sources: envelope.sources,
    passages,
    search,
    impacts,
    skipped: envelope.skipped,
  });
}
