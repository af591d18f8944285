/** The scale runs' report: one column per size (the packages once, then repeated to ~N passages), and their JSON figures. */
import os from 'node:os';
import type { LatencyResult } from './latency.js';
import type { LoadResult } from './load.js';
import { formatCount, formatMb, formatMs, table } from './measure.js';
import { machine } from './report.js';
import type { ScaleBuildResult, ScaleCorpus } from './scale.js';

/** Targets at ~1M passages on a 2-core machine (issue 9). */
export const SCALE_TARGETS = { indexS: 180, peakRssGb: 4, loadS: 3, rssAfterLoadGb: 2.5, askP99Ms: 20 };

export interface ScaleSize {
  copies: number;
  build: ScaleBuildResult;
  /** Loaded without the spelling index. */
  load: LoadResult;
  /** Loaded again and the spelling index made; null when that process failed (out of memory). */
  spelling: LoadResult | null;
  timing: LatencyResult;
}

export interface ScaleRun {
  targetPassages: number;
  packages: ScaleCorpus['packages'];
  /** The packages once, then repeated. */
  sizes: ScaleSize[];
  warmupRounds: number;
}

const GB = 1024 ** 3;
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

export function scaleReport(run: ScaleRun): string {
  const lines: string[] = [];
  const out = (line = ''): void => void lines.push(line);
  const sizes = run.sizes;
  const large = sizes[sizes.length - 1]!;
  out(`Quoth bench at scale, ${new Date().toISOString()}`);
  out(machine());
  out();
  out(
    `corpus: ${run.packages.map((entry) => `${entry.debianPackage} (${entry.corpus}, ${formatCount(entry.files)} files)`).join(', ')}, side by side in one folder;`,
  );
  out(`        then that folder repeated with copyK/ prefixes to ~${formatCount(run.targetPassages)} passages (hard links: every copy is read from disk and`);
  out('        indexed as a file of its own). Each size is indexed as `npm run index` does (the index worker reads and digests file by');
  out('        file, then assembles, encodes and saves; the main thread decodes what it sent), then loaded and asked, each in a fresh process.');
  out();
  const column = (size: ScaleSize): string => (size.copies === 1 ? 'packages ×1' : `×${size.copies}`);
  const row = (label: string, value: (size: ScaleSize) => string, target = ''): string[] => [label, ...sizes.map(value), target];
  const seconds = (value: number): string => formatMs(value);
  out(
    table([
      ['', ...sizes.map(column), `target at ~1M (×${large.copies})`],
      row('files', (size) => formatCount(size.build.files)),
      row('passages', (size) => formatCount(size.build.passages)),
      row(
        'index: files → saved index, decoded',
        (size) => seconds(size.build.indexMs),
        `≤ ${SCALE_TARGETS.indexS / 60} min: ${verdict(large.build.indexMs / 1000 <= SCALE_TARGETS.indexS)}`,
      ),
      row('  read, parse, digest file by file', (size) => seconds(size.build.steps.readMs)),
      row('    of which digest (passages, copy signature)', (size) => seconds(size.build.steps.digestMs)),
      row('  assemble (copies, repeated passages, term counts)', (size) => seconds(size.build.steps.assembleMs)),
      row('  encode columns', (size) => seconds(size.build.steps.encodeMs)),
      row('  save (deflate, sha-256, write)', (size) => seconds(size.build.steps.saveMs)),
      row('  decode on the main thread', (size) => seconds(size.build.steps.decodeMs)),
      row('  rest (starting the worker, handing the index over)', (size) => seconds(size.build.indexMs - stepsMs(size.build))),
      row('  passages / s', (size) => formatCount(size.build.passages / (size.build.indexMs / 1000))),
      row(
        'peak rss while indexing',
        (size) => formatMb(size.build.afterBuild.maxRss),
        `≤ ${SCALE_TARGETS.peakRssGb} GB: ${verdict(large.build.afterBuild.maxRss / GB <= SCALE_TARGETS.peakRssGb)}`,
      ),
      row('index file', (size) => formatMb(size.build.indexBytes)),
      row("  passages' text (UTF-8)", (size) => formatMb(size.build.textBytes)),
      row('load (read, check, decode)', (size) => seconds(size.load.loadMs), `≤ ${SCALE_TARGETS.loadS} s: ${verdict(large.load.loadMs / 1000 <= SCALE_TARGETS.loadS)}`),
      row(
        'rss after load ¹',
        (size) => formatMb(size.load.afterLoad.rss),
        `≤ ${SCALE_TARGETS.rssAfterLoadGb} GB: ${verdict(large.load.afterLoad.rss / GB <= SCALE_TARGETS.rssAfterLoadGb)}`,
      ),
      row('spelling index (first misspelt word, or in the background)', (size) => (size.spelling?.spellingMs == null ? 'failed' : seconds(size.spelling.spellingMs))),
      row('rss once the spelling index is made ¹', (size) => (size.spelling?.afterSpelling == null ? 'failed' : formatMb(size.spelling.afterSpelling.rss))),
      row('peak rss of that process', (size) => (size.spelling == null ? 'failed' : formatMb(size.spelling.afterSpelling?.maxRss ?? size.spelling.afterLoad.maxRss))),
      row('ask p50', (size) => ms(size.timing.ask.p50)),
      row('ask p90', (size) => ms(size.timing.ask.p90)),
      row('ask p99', (size) => ms(size.timing.ask.p99), `≤ ${SCALE_TARGETS.askP99Ms} ms: ${verdict(large.timing.ask.p99 <= SCALE_TARGETS.askP99Ms)}`),
      row('ask max', (size) => ms(size.timing.ask.max)),
      row('  retrieve (impact index, top 20) p50 / p99', (size) => `${ms(size.timing.retrieve.p50)} / ${ms(size.timing.retrieve.p99)}`),
      row('  samples (questions × rounds)', (size) => `${formatCount(size.timing.ask.count)} (${size.timing.rounds} rounds)`),
      row('  answered', (size) => `${size.timing.answered}/${size.timing.questions.length}`),
    ]),
  );
  out(`¹ after two forced GCs. Latency: the bench's ${large.timing.questions.length} questions, after ${run.warmupRounds} warm-up rounds.`);
  for (const size of sizes) if (size.timing.roundsNote !== null) out(`  ${column(size)}: ${size.timing.roundsNote}`);
  return `${lines.join('\n')}\n`;
}

/** The scale runs as JSON: `scale` holds one object per size, figures named as in the main object. */
export function scaleFigures(run: ScaleRun): Record<string, unknown> {
  const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);
  const s = (value: number): number => round(value / 1000, 3);
  return {
    scale_target_passages: run.targetPassages,
    scale_packages: run.packages.map((entry) => entry.debianPackage),
    scale: run.sizes.map(({ copies, build, load, spelling, timing }) => ({
      copies,
      files: build.files,
      sources: build.sources,
      passages: build.passages,
      index_s: s(build.indexMs),
      read_s: s(build.steps.readMs),
      digest_s: s(build.steps.digestMs),
      assemble_s: s(build.steps.assembleMs),
      encode_s: s(build.steps.encodeMs),
      save_s: s(build.steps.saveMs),
      decode_s: s(build.steps.decodeMs),
      peak_rss_build_mb: mb(build.afterBuild.maxRss),
      index_bytes: build.indexBytes,
      text_bytes: build.textBytes,
      load_s: s(load.loadMs),
      rss_after_load_mb: mb(load.afterLoad.rss),
      spelling_index_s: spelling?.spellingMs == null ? null : s(spelling.spellingMs),
      rss_after_spelling_mb: spelling?.afterSpelling == null ? null : mb(spelling.afterSpelling.rss),
      ask_p50_ms: round(timing.ask.p50, 3),
      ask_p90_ms: round(timing.ask.p90, 3),
      ask_p99_ms: round(timing.ask.p99, 3),
      ask_max_ms: round(timing.ask.max, 3),
      ask_samples: timing.ask.count,
      retrieve_p50_ms: round(timing.retrieve.p50, 3),
      retrieve_p99_ms: round(timing.retrieve.p99, 3),
      answered: timing.answered,
    })),
    scale_load_average_1m: round(os.loadavg()[0] ?? Number.NaN, 2),
  };
}

function stepsMs(build: ScaleBuildResult): number {
  const { readMs, assembleMs, encodeMs, saveMs, decodeMs } = build.steps;
  return readMs + assembleMs + encodeMs + saveMs + decodeMs;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
