/**
 * The saved index in columns: a small JSON header (schema version, build time, sources with their content hashes,
 * skipped files, the list of columns), typed-array columns (passage offsets, sentence bounds, headings, the term
 * table), and the passages' text as one UTF-8 block. Decoding checks that the columns fit together and makes no
 * passage object: passages are made on first read (lazyarray.ts). Pure: store.ts frames, compresses and writes it.
 */
import { isAscii } from 'node:buffer';
import { z } from 'zod';
import type { FileStamp, Passage } from '../model.js';
import { assemble, isFormatCopy, reusedPassagesOf, type Corpus } from './corpus.js';
import { COPY_SIGNATURE_HASHES, type CopySignature } from './copies.js';
import { impactsOf } from './impacts.js';
import { lazyArray } from './lazyarray.js';
import type { Counts, TermTable } from './termtable.js';

/** Bump whenever the columns, the passage cutting or the term pipeline change meaning. */
export const SCHEMA_VERSION = 17;

const sourceRef = z.object({
  id: z.string(),
  title: z.string().nullable(),
  path: z.string(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
});

const ARRAY_TYPES = { Int32: Int32Array, Uint8: Uint8Array, Uint16: Uint16Array, Uint32: Uint32Array, Float64: Float64Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;
export type Column = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array;
interface ColumnOf {
  Int32: Int32Array;
  Uint8: Uint8Array;
  Uint16: Uint16Array;
  Uint32: Uint32Array;
  Float64: Float64Array;
}

const headerSchema = z.object({
  schemaVersion: z.number(),
  builtAt: z.string(),
  counts: z.object({ sources: z.number(), passages: z.number(), repeated: z.number(), skipped: z.number(), terms: z.number(), postings: z.number() }),
  sources: z.array(z.object({ source: sourceRef, sha256: z.string(), passages: z.number(), dropped: z.number(), story: z.string() })),
  skipped: z.array(z.object({ path: z.string(), reason: z.string(), sha256: z.string().optional() })),
  /** [path, size, modification time in nanoseconds] of each file hashed for the index. */
  fileStamps: z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.string().regex(/^\d+$/)])),
  /** The columns in the order their bytes follow one another, each padded to 8 bytes. */
  columns: z.array(z.object({ name: z.string(), type: z.enum(Object.keys(ARRAY_TYPES) as [ArrayType, ...ArrayType[]]), length: z.number().int().nonnegative() })),
});

export type IndexHeader = z.infer<typeof headerSchema>;

/** A corpus in saved form: the header, the columns' bytes (one buffer) and the passages' text. */
export interface EncodedCorpus {
  header: IndexHeader;
  columns: Uint8Array;
  text: Uint8Array;
}

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

const COLUMN_ALIGNMENT = 8;

type Allocate = (length: number) => Uint8Array;
const plainBytes: Allocate = (length) => new Uint8Array(length);
const sharedBytes: Allocate = (length) => new Uint8Array(new SharedArrayBuffer(length));
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export interface EncodeOptions {
  /** The stamps of the files it was built from (by default those it holds). */
  fileStamps?: ReadonlyMap<string, FileStamp>;
  /**
   * Columns and text in shared memory: posted to another thread, they are shared rather than copied or moved, so the
   * thread that encoded them keeps them too (to save and to build on). No thread writes to them once encoded.
   */
  shared?: boolean;
}

/** The corpus in saved form. */
export function encodeCorpus(corpus: Corpus, options: EncodeOptions = {}): EncodedCorpus {
  const { passages, table } = corpus;
  const fileStamps = options.fileStamps ?? corpus.fileStamps ?? new Map<string, FileStamp>();
  const allocate = options.shared === true ? sharedBytes : plainBytes;
  const sourceIndex = new Map(corpus.sources.map((indexed, index) => [indexed.source.id, index]));
  const headings = new Map<string, number>();
  const reused = reusedPassagesOf(corpus);
  const previous = reused === undefined ? undefined : decodedFrom.get(reused.previous);
  const indexed =
    reused === undefined || previous === undefined
      ? passageColumns(passages, sourceIndex, headings, allocate)
      : passageColumnsReusing(passages, reused.previousIds, previousPassages(previous, sourceIndex), sourceIndex, headings, allocate);
  const repeated = passageColumns(
    corpus.repeated.map((entry) => entry.passage),
    sourceIndex,
    headings,
  );
  const headingList = stringList([...headings.keys()]);
  // The terms of the corpus it was assembled from, the very list (mergeTables gives it when no term came or went): their bytes as encoded there.
  const termList = (reused !== undefined && previous !== undefined && reused.previous.table.terms === table.terms ? previousTermList(previous) : undefined) ?? stringList(table.terms);
  const columns: [string, Column][] = [
    ['passageSource', indexed.source],
    ['passageStart', indexed.start],
    ['passageEnd', indexed.end],
    ['passageHeading', indexed.heading],
    ['passageCode', indexed.code],
    ['sentenceOffsets', indexed.sentenceOffsets],
    ['sentenceBounds', indexed.bounds],
    ['textOffsets', indexed.text.offsets],
    ['textKeys', corpus.textKeys.passages],
    ['repeatedSource', repeated.source],
    ['repeatedPosition', Int32Array.from(corpus.repeated, (entry) => entry.position)],
    ['repeatedStart', repeated.start],
    ['repeatedEnd', repeated.end],
    ['repeatedHeading', repeated.heading],
    ['repeatedCode', repeated.code],
    ['repeatedSentenceOffsets', repeated.sentenceOffsets],
    ['repeatedSentenceBounds', repeated.bounds],
    ['repeatedTextOffsets', repeated.text.offsets],
    ['repeatedText', repeated.text.bytes],
    ['repeatedTextKeys', corpus.textKeys.repeated],
    ['headingOffsets', headingList.offsets],
    ['headingText', headingList.bytes],
    ['termOffsets', termList.offsets],
    ['termText', termList.bytes],
    ['postingOffsets', table.offsets],
    // Ids ascend within a term: their gaps are small numbers, which compress far better than the ids.
    ['postingGaps', gaps(table)],
    ['countText', table.counts.text],
    ['countHeading', table.counts.heading],
    ['countTitle', table.counts.title],
    ['lengthText', table.lengths.text],
    ['lengthHeading', table.lengths.heading],
    ['lengthTitle', table.lengths.title],
    ['wordsText', table.words.text],
    ['wordsHeading', table.words.heading],
    ['signatureHashes', concatenateSignatures(corpus.signatures)],
    ['signatureSizes', Int32Array.from(corpus.signatures, (signature) => signature.size)],
    ['copySignatureHashes', concatenateSignatures(corpus.copySignatures)],
    ['copySignatureSizes', Int32Array.from(corpus.copySignatures, (signature) => signature.size)],
  ];
  const header: IndexHeader = {
    schemaVersion: SCHEMA_VERSION,
    builtAt: corpus.builtAt,
    counts: {
      sources: corpus.sources.length,
      passages: passages.length,
      repeated: corpus.repeated.length,
      skipped: corpus.skipped.length,
      terms: table.terms.length,
      postings: table.ids.length,
    },
    sources: corpus.sources,
    skipped: corpus.skipped,
    fileStamps: [...fileStamps].map(([path, stamp]) => [path, stamp.size, stamp.mtimeNs]),
    columns: columns.map(([name, column]) => ({ name, type: typeName(column), length: column.length })),
  };
  return { header, columns: concatenate(columns.map(([, column]) => column), allocate), text: indexed.text.bytes };
}

/** A list of passages as columns, one entry per passage. */
interface PassageFields {
  source: Int32Array;
  start: Int32Array;
  end: Int32Array;
  heading: Int32Array;
  /** 1 where the passage was cut from a code block. */
  code: Uint8Array;
  /** Sentences of passage i are bounds[sentenceOffsets[i] … sentenceOffsets[i + 1]), start and end by turns, from the passage's start. */
  sentenceOffsets: Int32Array;
  bounds: Int32Array;
}

interface PassageColumns extends PassageFields {
  text: { bytes: Uint8Array; offsets: Int32Array };
}

/** Passages in columns; their headings are numbered into `headings` (shared by every list of passages). */
function passageColumns(passages: readonly Passage[], sourceIndex: ReadonlyMap<string, number>, headings: Map<string, number>, allocate: Allocate = plainBytes): PassageColumns {
  const n = passages.length;
  const columns = { source: new Int32Array(n), start: new Int32Array(n), end: new Int32Array(n), heading: new Int32Array(n), code: new Uint8Array(n), sentenceOffsets: new Int32Array(n + 1) };
  passages.forEach((passage, id) => (columns.sentenceOffsets[id + 1] = columns.sentenceOffsets[id]! + 2 * passage.sentences.length));
  const bounds = new Int32Array(columns.sentenceOffsets[n]!);
  const texts: string[] = [];
  passages.forEach((passage, id) => {
    columns.source[id] = sourceIndex.get(passage.sourceId)!;
    columns.start[id] = passage.start;
    columns.end[id] = passage.end;
    columns.heading[id] = headingNumber(headings, passage.heading);
    if (passage.code === true) columns.code[id] = 1;
    let at = columns.sentenceOffsets[id]!;
    for (const sentence of passage.sentences) {
      bounds[at++] = sentence.start - passage.start;
      bounds[at++] = sentence.end - passage.start;
    }
    texts.push(passage.text);
  });
  return { ...columns, bounds, text: stringList(texts, allocate) };
}

/** The number of `heading` in `headings`, numbered in order of first use (shared by every list of passages). */
function headingNumber(headings: Map<string, number>, heading: string): number {
  let number = headings.get(heading);
  if (number === undefined) headings.set(heading, (number = headings.size));
  return number;
}

/** The passage columns of a decoded corpus, its headings, and its sources' places in the corpus being encoded. */
interface PreviousPassages extends PassageFields {
  textOffsets: Int32Array;
  text: Uint8Array;
  headings: string[];
  /** Per source of the decoded corpus, its index in the corpus being encoded (-1: not in it). */
  newSource: Int32Array;
}

function previousPassages(encoded: EncodedCorpus, sourceIndex: ReadonlyMap<string, number>): PreviousPassages {
  // Decoded already, so checked: read as they are.
  const columns = readColumns(encoded.header, encoded.columns);
  const int32 = (name: string): Int32Array => columns.get(name) as Int32Array;
  return {
    source: int32('passageSource'),
    start: int32('passageStart'),
    end: int32('passageEnd'),
    heading: int32('passageHeading'),
    code: columns.get('passageCode') as Uint8Array,
    sentenceOffsets: int32('sentenceOffsets'),
    bounds: int32('sentenceBounds'),
    textOffsets: int32('textOffsets'),
    text: encoded.text,
    headings: readStrings('heading', int32('headingOffsets'), columns.get('headingText') as Uint8Array),
    newSource: Int32Array.from(encoded.header.sources, (indexed) => sourceIndex.get(indexed.source.id) ?? -1),
  };
}

/** The term list of an encoded corpus as its columns hold it (decoded already, so checked). */
function previousTermList(encoded: EncodedCorpus): { bytes: Uint8Array; offsets: Int32Array } | undefined {
  const columns = readColumns(encoded.header, encoded.columns);
  const offsets = columns.get('termOffsets');
  const bytes = columns.get('termText');
  return offsets instanceof Int32Array && bytes instanceof Uint8Array ? { bytes, offsets } : undefined;
}

/**
 * `passageColumns`, with the columns of each passage that has a previous id (`previousIds`, -1 for none) copied from
 * the previous corpus's (`previous`) instead of made from its passage object, which is not read: the same columns.
 */
function passageColumnsReusing(
  passages: readonly Passage[],
  previousIds: Int32Array,
  previous: PreviousPassages,
  sourceIndex: ReadonlyMap<string, number>,
  headings: Map<string, number>,
  allocate: Allocate,
): PassageColumns {
  const n = passages.length;
  const columns = { source: new Int32Array(n), start: new Int32Array(n), end: new Int32Array(n), heading: new Int32Array(n), code: new Uint8Array(n), sentenceOffsets: new Int32Array(n + 1) };
  const textOffsets = new Int32Array(n + 1);
  /** Per heading number of the previous corpus, its number here (-1: not met yet). */
  const renumbered = new Int32Array(previous.headings.length).fill(-1);
  const texts = new Map<number, string>();
  for (let id = 0; id < n; id++) {
    const from = previousIds[id]!;
    if (from >= 0) {
      columns.source[id] = previous.newSource[previous.source[from]!]!;
      columns.start[id] = previous.start[from]!;
      columns.end[id] = previous.end[from]!;
      const heading = previous.heading[from]!;
      if (renumbered[heading] === -1) renumbered[heading] = headingNumber(headings, previous.headings[heading]!);
      columns.heading[id] = renumbered[heading]!;
      columns.code[id] = previous.code[from]!;
      columns.sentenceOffsets[id + 1] = columns.sentenceOffsets[id]! + previous.sentenceOffsets[from + 1]! - previous.sentenceOffsets[from]!;
      textOffsets[id + 1] = textOffsets[id]! + previous.textOffsets[from + 1]! - previous.textOffsets[from]!;
      continue;
    }
    const passage = passages[id]!;
    columns.source[id] = sourceIndex.get(passage.sourceId)!;
    columns.start[id] = passage.start;
    columns.end[id] = passage.end;
    columns.heading[id] = headingNumber(headings, passage.heading);
    if (passage.code === true) columns.code[id] = 1;
    columns.sentenceOffsets[id + 1] = columns.sentenceOffsets[id]! + 2 * passage.sentences.length;
    texts.set(id, passage.text);
    textOffsets[id + 1] = textOffsets[id]! + Buffer.byteLength(passage.text, 'utf8');
  }
  const bounds = new Int32Array(columns.sentenceOffsets[n]!);
  const bytes = allocate(textOffsets[n]!);
  for (let id = 0; id < n; ) {
    const from = previousIds[id]!;
    if (from < 0) {
      const passage = passages[id]!;
      let at = columns.sentenceOffsets[id]!;
      for (const sentence of passage.sentences) {
        bounds[at++] = sentence.start - passage.start;
        bounds[at++] = sentence.end - passage.start;
      }
      utf8.encodeInto(texts.get(id)!, bytes.subarray(textOffsets[id]!, textOffsets[id + 1]!));
      id += 1;
      continue;
    }
    // A run of passages that follow one another in the previous corpus too: their bounds and text copied at once.
    let end = id + 1;
    while (end < n && previousIds[end] === from + (end - id)) end += 1;
    const last = from + (end - id);
    bounds.set(previous.bounds.subarray(previous.sentenceOffsets[from]!, previous.sentenceOffsets[last]!), columns.sentenceOffsets[id]!);
    bytes.set(previous.text.subarray(previous.textOffsets[from]!, previous.textOffsets[last]!), textOffsets[id]!);
    id = end;
  }
  return { ...columns, bounds, text: { bytes, offsets: textOffsets } };
}

function concatenateSignatures(signatures: readonly CopySignature[]): Uint32Array {
  const hashes = new Uint32Array(signatures.length * COPY_SIGNATURE_HASHES);
  signatures.forEach((signature, index) => hashes.set(signature.hashes, index * COPY_SIGNATURE_HASHES));
  return hashes;
}

/** The strings as one UTF-8 block with offsets, encoded straight into the block (no buffer per string). */
function stringList(strings: readonly string[], allocate: Allocate = plainBytes): { bytes: Uint8Array; offsets: Int32Array } {
  const offsets = new Int32Array(strings.length + 1);
  strings.forEach((string, index) => (offsets[index + 1] = offsets[index]! + Buffer.byteLength(string, 'utf8')));
  const bytes = allocate(offsets[strings.length]!);
  strings.forEach((string, index) => utf8.encodeInto(string, bytes.subarray(offsets[index]!, offsets[index + 1]!)));
  return { bytes, offsets };
}

function gaps(table: TermTable): Int32Array {
  const result = new Int32Array(table.ids.length);
  for (let term = 0; term < table.terms.length; term++) {
    let previous = 0;
    for (let at = table.offsets[term]!; at < table.offsets[term + 1]!; at++) {
      result[at] = table.ids[at]! - previous;
      previous = table.ids[at]!;
    }
  }
  return result;
}

function typeName(column: Column): ArrayType {
  if (column instanceof Int32Array) return 'Int32';
  if (column instanceof Uint16Array) return 'Uint16';
  if (column instanceof Uint32Array) return 'Uint32';
  if (column instanceof Float64Array) return 'Float64';
  return 'Uint8';
}

const padded = (bytes: number): number => Math.ceil(bytes / COLUMN_ALIGNMENT) * COLUMN_ALIGNMENT;

function concatenate(columns: Column[], allocate: Allocate): Uint8Array {
  const buffer = allocate(columns.reduce((sum, column) => sum + padded(column.byteLength), 0));
  let at = 0;
  for (const column of columns) {
    buffer.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), at);
    at += padded(column.byteLength);
  }
  return buffer;
}

/** The bytes, copied when they do not start at a multiple of the column alignment (typed arrays need it). */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % COLUMN_ALIGNMENT === 0 ? bytes : bytes.slice();
}

/** The schema version a header declares, told apart from the expected one even when it prints the same ("9" vs 9). */
function describeVersion(version: unknown): string {
  if (version === undefined) return 'no schema version';
  if (typeof version === 'number') return `schema version ${version}`;
  return `schema version ${JSON.stringify(version) ?? String(version)} (a ${version === null ? 'null' : typeof version}, not a number)`;
}

/** Checks a header parsed from JSON: the schema version first (its message is the one users see after an upgrade). */
export function readHeader(json: unknown): IndexHeader {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) throw new IndexFormatError(`${describeVersion(version)}, expected schema version ${SCHEMA_VERSION}`);
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexFormatError(`malformed index header at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

/** The named columns of the buffer, as typed arrays over its bytes (no copy: writing to one edits the encoding). */
/** How many bytes the columns a header lists take, padded as they are laid one after the other. */
export function columnsByteLength(header: IndexHeader): number {
  return header.columns.reduce((sum, { type, length }) => sum + padded(length * ARRAY_TYPES[type].BYTES_PER_ELEMENT), 0);
}

export function readColumns(header: IndexHeader, bytes: Uint8Array): Map<string, Column> {
  bytes = aligned(bytes);
  const columns = new Map<string, Column>();
  let at = 0;
  for (const { name, type, length } of header.columns) {
    const Type = ARRAY_TYPES[type];
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.byteLength) throw new IndexFormatError(`column ${name} runs past the end of the columns (${bytes.byteLength} bytes)`);
    columns.set(name, new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length));
    at += padded(byteLength);
  }
  if (at !== bytes.byteLength) throw new IndexFormatError(`the columns hold ${bytes.byteLength} bytes, the header lists ${at}`);
  return columns;
}

/**
 * The encoded form each decoded corpus was decoded from: its postings since turned from gaps into ids, in place,
 * unless the corpus was given its term table (`DecodeOptions.table`): those columns still hold gaps.
 */
const decodedFrom = new WeakMap<Corpus, EncodedCorpus & { postings: 'ids' | 'gaps' }>();

/** Each passage's source (its index in `corpus.sources`) and heading, as the columns of a decoded corpus hold them. */
export interface PassageHeadings {
  sources: Int32Array;
  /** Per passage, its heading's index in `names`. */
  headings: Int32Array;
  names: readonly string[];
}

const passageHeadings = new WeakMap<Corpus, PassageHeadings>();

/**
 * The source and heading of every passage of a decoded corpus, read from its columns: what a walk over every passage
 * needs of them without making each passage (a loaded index makes a passage only when read). Undefined for a corpus
 * that was built, not decoded.
 */
export function passageHeadingsOf(corpus: Corpus): PassageHeadings | undefined {
  const known = passageHeadings.get(corpus);
  if (known !== undefined) return known;
  const encoded = decodedFrom.get(corpus);
  if (encoded === undefined) return undefined;
  // Decoded already, so checked: read as they are.
  const columns = readColumns(encoded.header, encoded.columns);
  const made = {
    sources: columns.get('passageSource') as Int32Array,
    headings: columns.get('passageHeading') as Int32Array,
    names: readStrings('heading', columns.get('headingOffsets') as Int32Array, columns.get('headingText') as Uint8Array),
  };
  passageHeadings.set(corpus, made);
  return made;
}

/**
 * The encoded form `corpus` was decoded from, as a fresh copy that decodes again (postings as gaps): what a thread
 * that holds a loaded index hands to an index worker, instead of the worker reading the saved file again. Undefined
 * for a corpus that was built, not decoded.
 */
export function encodedFormOf(corpus: Corpus): EncodedCorpus | undefined {
  const encoded = decodedFrom.get(corpus);
  if (encoded === undefined) return undefined;
  const columns = encoded.columns.slice();
  const named = readColumns(encoded.header, columns);
  if (encoded.postings === 'ids') writeGaps(named.get('postingGaps') as Int32Array, named.get('postingOffsets') as Int32Array);
  return { header: encoded.header, columns, text: encoded.text };
}

/** Turns ascending ids into gaps within each term's postings, in place. */
function writeGaps(ids: Int32Array, offsets: Int32Array): void {
  for (let term = 0; term + 1 < offsets.length; term++) {
    for (let at = offsets[term + 1]! - 1; at > offsets[term]!; at--) ids[at] = ids[at]! - ids[at - 1]!;
  }
}

export interface DecodeOptions {
  /** Score the impacts now (default): false when the corpus is only the base of an incremental build. */
  score?: boolean;
  /**
   * Check that every passage's columns fit its text (default). False for an encoding `encodeCorpus` made in this
   * process and handed over in memory (the index worker's): no file, nothing damaged it on the way.
   */
  check?: boolean;
  /** The term table the corpus was encoded from, in this process: taken as it is, not decoded from the columns again. */
  table?: TermTable;
}

/**
 * Reads an encoded corpus. Throws IndexFormatError naming what does not fit: a column missing or of the wrong
 * length, a passage whose offsets cannot describe its text, postings out of order, counts that do not add up.
 * (Whether a passage's text is the slice of the article it claims is vouched for by the file's checksum and the
 * sources' hashes, not re-read here.)
 */
export function decodeCorpus(encoded: EncodedCorpus, options: DecodeOptions = {}): Corpus {
  const { header, text } = encoded;
  const columnBytes = aligned(encoded.columns);
  const columns = readColumns(header, columnBytes);
  const { passages: n, terms: termCount, postings } = header.counts;
  if (header.sources.length !== header.counts.sources || header.skipped.length !== header.counts.skipped) {
    throw new IndexFormatError(`the header lists ${header.sources.length} sources and ${header.skipped.length} skipped files, its counts say ${header.counts.sources} and ${header.counts.skipped}`);
  }
  const column = <T extends ArrayType>(name: string, length: number, ...types: T[]): ColumnOf[T] => {
    const found = columns.get(name);
    if (found === undefined) throw new IndexFormatError(`column ${name} is missing`);
    if (!types.some((type) => found instanceof ARRAY_TYPES[type])) throw new IndexFormatError(`column ${name} is not ${types.join(' or ')}`);
    if (found.length !== length) throw new IndexFormatError(`column ${name} holds ${found.length} values, expected ${length}`);
    return found as ColumnOf[T];
  };
  const counts = (name: string, length: number): Counts => column(name, length, 'Uint8', 'Uint16', 'Uint32');

  const headingOffsets = columns.get('headingOffsets');
  if (headingOffsets === undefined) throw new IndexFormatError('column headingOffsets is missing');
  const headingText = column('headingText', headingOffsets.at(-1) ?? 0, 'Uint8');
  const headings = readStrings('heading', column('headingOffsets', headingOffsets.length, 'Int32'), headingText);
  const terms = options.table?.terms ?? readStrings('term', column('termOffsets', termCount + 1, 'Int32'), column('termText', columns.get('termText')?.length ?? 0, 'Uint8'));
  const check = options.check ?? true;
  const sourceIds = header.sources.map((indexed) => indexed.source.id);

  const passageAt = readPassages({ what: 'passage', count: n, text, headings, sourceIds, code: () => column('passageCode', n, 'Uint8'), check }, (name, length) => column(name, length, 'Int32'), {
    source: 'passageSource',
    start: 'passageStart',
    end: 'passageEnd',
    heading: 'passageHeading',
    sentenceOffsets: 'sentenceOffsets',
    bounds: 'sentenceBounds',
    textOffsets: 'textOffsets',
  });
  const perSource = new Int32Array(header.sources.length);
  for (const source of passageAt.sources) perSource[source] = perSource[source]! + 1;
  header.sources.forEach(({ source, passages: listed }, index) => {
    if (perSource[index] !== listed) throw new IndexFormatError(`source ${source.id} lists ${listed} passages, the index holds ${perSource[index]}`);
  });

  const r = header.counts.repeated;
  const repeatedTextOffsets = column('repeatedTextOffsets', r + 1, 'Int32');
  const repeatedAt = readPassages(
    { what: 'repeated passage', count: r, text: column('repeatedText', repeatedTextOffsets[r] ?? 0, 'Uint8'), headings, sourceIds, code: () => column('repeatedCode', r, 'Uint8'), check },
    (name, length) => column(name, length, 'Int32'),
    {
      source: 'repeatedSource',
      start: 'repeatedStart',
      end: 'repeatedEnd',
      heading: 'repeatedHeading',
      sentenceOffsets: 'repeatedSentenceOffsets',
      bounds: 'repeatedSentenceBounds',
      textOffsets: 'repeatedTextOffsets',
    },
  );
  const repeatedPosition = column('repeatedPosition', r, 'Int32');
  // In source and cut order, as many per source as its `dropped`, each at a place among its cut passages.
  const perSourceRepeated = new Int32Array(header.sources.length);
  for (let at = 0; at < r; at++) {
    const source = repeatedAt.sources[at]!;
    const position = repeatedPosition[at]!;
    const indexed = header.sources[source]!;
    const follows = at === 0 || repeatedAt.sources[at - 1]! < source || (repeatedAt.sources[at - 1] === source && repeatedPosition[at - 1]! < position);
    if (!follows || position < 0 || position >= indexed.passages + indexed.dropped) {
      throw new IndexFormatError(`repeated passage ${at} of ${indexed.source.id} is out of order or at position ${position} of ${indexed.passages + indexed.dropped}`);
    }
    perSourceRepeated[source] = perSourceRepeated[source]! + 1;
  }
  header.sources.forEach(({ source, dropped }, index) => {
    if (perSourceRepeated[index] !== dropped) throw new IndexFormatError(`source ${source.id} lists ${dropped} repeated passages, the index holds ${perSourceRepeated[index]}`);
  });
  const repeated = lazyArray(r, (at) => ({ source: repeatedAt.sources[at]!, position: repeatedPosition[at]!, passage: { ...repeatedAt.passage(at), id: repeatedPosition[at]! } }));

  // Columns in shared memory are another thread's too (the index worker that encoded them saves and builds on them):
  // the postings' ids are restored into a copy of their gaps, not over them.
  const shared = columnBytes.buffer instanceof SharedArrayBuffer;
  const table: TermTable = options.table ?? {
    size: n,
    terms,
    offsets: column('postingOffsets', termCount + 1, 'Int32'),
    ids: shared ? column('postingGaps', postings, 'Int32').slice() : column('postingGaps', postings, 'Int32'),
    counts: { text: counts('countText', postings), heading: counts('countHeading', postings), title: counts('countTitle', postings) },
    lengths: { text: counts('lengthText', n), heading: counts('lengthHeading', n), title: counts('lengthTitle', n) },
    words: { text: counts('wordsText', n), heading: counts('wordsHeading', n) },
  };
  if (options.table === undefined) restorePostings(table);

  const signaturesOf = (prefix: 'signature' | 'copySignature', count: number): CopySignature[] => {
    const hashes = column(`${prefix}Hashes`, count * COPY_SIGNATURE_HASHES, 'Uint32');
    const sizes = column(`${prefix}Sizes`, count, 'Int32');
    return Array.from({ length: count }, (_, index) => ({ hashes: hashes.subarray(index * COPY_SIGNATURE_HASHES, (index + 1) * COPY_SIGNATURE_HASHES), size: sizes[index]! }));
  };
  const signatures = signaturesOf('signature', header.sources.length);
  const copySignatures = signaturesOf('copySignature', header.skipped.filter(isFormatCopy).length);

  const corpus = assemble({
    builtAt: header.builtAt,
    sources: header.sources,
    signatures,
    copySignatures,
    passages: lazyArray(n, passageAt.passage),
    repeated,
    textKeys: { passages: column('textKeys', n, 'Float64'), repeated: column('repeatedTextKeys', r, 'Float64') },
    table,
    skipped: header.skipped,
    fileStamps: new Map(header.fileStamps.map(([path, size, mtimeNs]) => [path, { size, mtimeNs }])),
    ...(options.score === false ? {} : { impacts: impactsOf(table) }),
  });
  decodedFrom.set(corpus, { header, columns: columnBytes, text, postings: options.table === undefined && !shared ? 'ids' : 'gaps' });
  return corpus;
}

interface PassageColumnNames {
  source: string;
  start: string;
  end: string;
  heading: string;
  sentenceOffsets: string;
  bounds: string;
  textOffsets: string;
}

/**
 * Checks a list of passages in columns (see `passageColumns`), unless `list.check` is false, and gives each passage's
 * source and a maker of its passage object. Throws IndexFormatError at the first passage whose columns do not fit.
 */
function readPassages(
  list: { what: string; count: number; text: Uint8Array; headings: readonly string[]; sourceIds: readonly string[]; code: () => Uint8Array; check: boolean },
  column: (name: string, length: number) => Int32Array,
  names: PassageColumnNames,
): { sources: Int32Array; passage(id: number): Passage } {
  const { what, count: n, text, headings, sourceIds } = list;
  const passageSource = column(names.source, n);
  const passageStart = column(names.start, n);
  const passageEnd = column(names.end, n);
  const passageHeading = column(names.heading, n);
  const sentenceOffsets = column(names.sentenceOffsets, n + 1);
  const sentenceBounds = column(names.bounds, sentenceOffsets[n] ?? 0);
  const textOffsets = column(names.textOffsets, n + 1);
  const code = list.code();
  // Decoded in place (no view made per passage); the bytes are valid UTF-8, as TextEncoder wrote them.
  const textBytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  if (list.check) {
    checkOffsets(names.textOffsets, textOffsets, text.length);
    checkOffsets(names.sentenceOffsets, sentenceOffsets, sentenceBounds.length);
  }
  for (let id = 0; list.check && id < n; id++) {
    const source = passageSource[id]!;
    if (source < 0 || source >= sourceIds.length) throw new IndexFormatError(`${what} ${id} names source #${source}, which is not in the index`);
    const heading = passageHeading[id]!;
    if (heading < 0 || heading >= headings.length) throw new IndexFormatError(`${what} ${id} names heading #${heading}, which is not in the index`);
    const problem = passageProblem(id, passageStart, passageEnd, sentenceOffsets, sentenceBounds, textOffsets, text);
    if (problem !== null) throw new IndexFormatError(`${what} ${id} of ${sourceIds[source]!}: ${problem}`);
  }
  return {
    sources: passageSource,
    passage(id) {
      const start = passageStart[id]!;
      const sentences = [];
      for (let at = sentenceOffsets[id]!; at < sentenceOffsets[id + 1]!; at += 2) sentences.push({ start: start + sentenceBounds[at]!, end: start + sentenceBounds[at + 1]! });
      return {
        id,
        sourceId: sourceIds[passageSource[id]!]!,
        start,
        end: passageEnd[id]!,
        text: textBytes.toString('utf8', textOffsets[id]!, textOffsets[id + 1]!),
        sentences,
        heading: headings[passageHeading[id]!]!,
        ...(code[id] === 1 ? { code: true as const } : {}),
      };
    },
  };
}

function readStrings(what: string, offsets: Int32Array, bytes: Uint8Array): string[] {
  checkOffsets(`${what} offsets`, offsets, bytes.length);
  const count = offsets.length - 1;
  const strings = new Array<string>(count);
  // The block decoded at once and cut where each string's bytes start, counted in UTF-16 units: a lead byte starts a
  // character, one of four bytes a pair of units (one decoding call per string took ten times as long).
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let unit = 0;
  let byte = 0;
  for (let index = 0; index < count; index++) {
    const start = unit;
    for (const end = offsets[index + 1]!; byte < end; byte++) {
      const lead = bytes[byte]!;
      if ((lead & 0xc0) !== 0x80) unit += lead >= 0xf0 ? 2 : 1;
    }
    strings[index] = whole.slice(start, unit);
  }
  if (unit === whole.length) return strings;
  // Bytes that are no UTF-8 (an edited file): decoded string by string, as they always decode.
  for (let index = 0; index < count; index++) strings[index] = utf8Decoder.decode(bytes.subarray(offsets[index]!, offsets[index + 1]!));
  return strings;
}

/** Offsets must start at 0, never decrease and end at `total`. */
function checkOffsets(name: string, offsets: Int32Array, total: number): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== total) throw new IndexFormatError(`${name} do not span 0–${total}`);
  for (let index = 1; index < offsets.length; index++) {
    if (offsets[index]! < offsets[index - 1]!) throw new IndexFormatError(`${name} decrease at ${index}`);
  }
}

/**
 * Why a passage's offsets cannot describe its text, or null. A passage is a slice of its article, so its text is
 * exactly `end - start` UTF-16 units long and its sentences lie inside it, in order.
 */
function passageProblem(
  id: number,
  starts: Int32Array,
  ends: Int32Array,
  sentenceOffsets: Int32Array,
  bounds: Int32Array,
  textOffsets: Int32Array,
  text: Uint8Array,
): string | null {
  const start = starts[id]!;
  const end = ends[id]!;
  if (start < 0 || end < start) return `bad range ${start}–${end}`;
  const length = utf16Length(text, textOffsets[id]!, textOffsets[id + 1]!);
  if (length !== end - start) return `text of ${length} characters for the range ${start}–${end}`;
  if ((sentenceOffsets[id + 1]! - sentenceOffsets[id]!) % 2 !== 0) return 'odd number of sentence offsets';
  let previous = 0;
  for (let at = sentenceOffsets[id]!; at < sentenceOffsets[id + 1]!; at++) {
    const offset = bounds[at]!;
    if (offset < previous || offset > length) return `sentence offset ${offset} outside 0–${length} or out of order`;
    previous = offset;
  }
  return null;
}

/** UTF-16 units of the UTF-8 bytes [from, to): one per leading byte, two for a 4-byte sequence. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  // Most passages are ASCII: one unit a byte, told by a native check far faster than the loop below.
  if (isAscii(bytes.subarray(from, to))) return to - from;
  let units = 0;
  for (let at = from; at < to; at++) {
    const byte = bytes[at]!;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** Turns the saved gaps back into ids, checking the postings: terms sorted, ids ascending and in range. */
function restorePostings(table: TermTable): void {
  const { terms, offsets, ids, size } = table;
  checkOffsets('postingOffsets', offsets, ids.length);
  for (let term = 0; term < terms.length; term++) {
    if (term > 0 && !(terms[term - 1]! < terms[term]!)) throw new IndexFormatError(`terms out of order at ${term}`);
    let id = 0;
    for (let at = offsets[term]!; at < offsets[term + 1]!; at++) {
      const gap = ids[at]!;
      if (gap <= 0 && at > offsets[term]!) throw new IndexFormatError(`postings of ${terms[term]} out of order`);
      id += gap;
      if (id < 0 || id >= size) throw new IndexFormatError(`postings of ${terms[term]} name passage ${id} of ${size}`);
      ids[at] = id;
    }
  }
}
