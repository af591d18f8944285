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

/** Reads an envelope parsed from JSON. Throws IndexFormatError naming what is wrong. */
export function fromEnvelope(json: unknown): Corpus {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new IndexFormatError(`schema version ${String(version)}, expected ${SCHEMA_VERSION}`);
  }
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
    const sentences = [];
    for (let i = 0; i + 1 < offsets.length; i += 2) sentences.push({ start: start + offsets[i]!, end: start + offsets[i + 1]! });
    return { id, sourceId: source.source.id, start, end, text, sentences, heading };
  });
  if (search.documentCount !== passages.length) {
    throw new IndexFormatError(`index holds ${search.documentCount} passages, envelope lists ${passages.length}`);
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
