/** The bench's report: plain text for a terminal or a README, every figure labelled. */
import os from 'node:os';
import { formatCount, formatMb, formatMs, table, type Summary } from './measure.js';
import { MAX_AUTO_REPEAT, type BuildBareResult, type BuildBreakdown, type BuildQuothResult } from './build.js';
import type { LatencyResult } from './latency.js';
import type { LoadResult } from './load.js';
import type { PeerResult } from './peers.js';
import type { ReindexResult } from './reindex.js';
import { QUESTIONS } from './questions.js';

/** Targets at ~100k passages on a 2-core machine. */
export const TARGETS = { askP50Ms: 2, askP99Ms: 10 };

export interface ReportInput {
  corpus: { label: string; note: string | null };
  repeat: number | 'auto';
  warmupRounds: number;
  targetPassages: number;
  build: BuildQuothResult;
  breakdown: BuildBreakdown | null;
  bareBuild: BuildBareResult;
  load: LoadResult;
  bareLoad: LoadResult;
  timing: LatencyResult;
  reindex: ReindexResult;
  /** Empty unless --peers. */
  peers: PeerResult[];
  elapsedMs: number;
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const clip = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
};

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown cpu';
  return (
    `machine: ${model}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ` +
    `${os.type()} ${os.release()} ${os.arch()}, node ${process.version}; ` +
    `load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')} (other processes skew timings)`
  );
}

function latencyRows(label: string, quoth: Summary, bare: Summary): string[][] {
  return [
    [`${label} p50`, ms(quoth.p50), ms(bare.p50), ratio(quoth.p50, bare.p50)],
    [`${label} p90`, ms(quoth.p90), ms(bare.p90), ratio(quoth.p90, bare.p90)],
    [`${label} p99`, ms(quoth.p99), ms(bare.p99), ratio(quoth.p99, bare.p99)],
    [`${label} max`, ms(quoth.max), ms(bare.max), ratio(quoth.max, bare.max)],
    [`${label} mean`, ms(quoth.mean), ms(bare.mean), ratio(quoth.mean, bare.mean)],
  ];
}

export function report(input: ReportInput): string {
  const { build, bareBuild, load, bareLoad, timing } = input;
  const lines: string[] = [];
  const out = (line = ''): void => {
    lines.push(line);
  };
  const passagesPerSecond = (count: number, buildMs: number): string => formatCount(count / (buildMs / 1000));

  out(`Quoth bench, ${new Date().toISOString()}`);
  out(machine());
  out();
  out(`corpus: ${input.corpus.label}`);
  if (input.corpus.note !== null) out(`        ${input.corpus.note}`);
  out(
    `        ${build.files} files → ${build.articles} articles (${build.skipped} skipped, ${build.warnings} warnings) → ` +
      `${formatCount(build.originalPassages)} passages`,
  );
  if (build.repeat > 1) {
    const why =
      input.repeat !== 'auto'
        ? `as asked (--repeat ${build.repeat})`
        : `to reach ~${formatCount(input.targetPassages)} passages (--repeat ${build.repeat}${build.repeat === MAX_AUTO_REPEAT ? `, the most chosen automatically` : ''})`;
    out(`        replicated ${build.repeat}× ${why}: copy k (k = 1…${build.repeat - 1}) of each source has ids prefixed copyK/,`);
    out(`        so each passage is there ${build.repeat}× and every search matches ${build.repeat}× as many passages`);
  }
  out(`        indexed: ${formatCount(build.passages)} passages from ${formatCount(build.sources)} sources`);
  out(
    `questions: ${QUESTIONS.length} (${count('python')} Python, ${count('off-topic')} off-topic, ${count('long')} long/stopword-heavy) × ` +
      `${timing.rounds} rounds = ${formatCount(timing.ask.count)} Quoth samples (${formatCount(timing.bare.count)} bare), after ${input.warmupRounds} warm-up rounds; ` +
      `${timing.answered}/${QUESTIONS.length} answered`,
  );
  if (timing.roundsNote !== null) out(`        ${timing.roundsNote}`);
  out();

  out(
    table([
      ['', 'Quoth', 'bare MiniSearch', 'Quoth/bare'],
      ['ingest (read + parse files)', formatMs(build.ingestMs), '(same passages)', ''],
      ['build', formatMs(build.buildMs), formatMs(bareBuild.buildMs), ratio(build.buildMs, bareBuild.buildMs)],
      ['  passages / s', passagesPerSecond(build.passages, build.buildMs), passagesPerSecond(build.passages, bareBuild.buildMs), ''],
      ['save (JSON.stringify + write)', formatMs(build.saveMs), formatMs(bareBuild.saveMs), ratio(build.saveMs, bareBuild.saveMs)],
      ['index file size', formatMb(build.indexBytes), formatMb(bareBuild.indexBytes), ratio(build.indexBytes, bareBuild.indexBytes)],
      ['  passages\' text (UTF-8)', formatMb(build.textBytes), '', `file ${ratio(build.indexBytes, build.textBytes)} text`],
      ['load (read + parse + restore)', formatMs(load.loadMs), formatMs(bareLoad.loadMs), ratio(load.loadMs, bareLoad.loadMs)],
      ['rss after build ¹', formatMb(build.afterBuild.rss), formatMb(bareBuild.afterBuild.rss), ratio(build.afterBuild.rss, bareBuild.afterBuild.rss)],
      ['heapUsed after build ¹', formatMb(build.afterBuild.heapUsed), formatMb(bareBuild.afterBuild.heapUsed), ratio(build.afterBuild.heapUsed, bareBuild.afterBuild.heapUsed)],
      ['peak rss of the build process', formatMb(build.afterBuild.maxRss), formatMb(bareBuild.afterBuild.maxRss), ''],
      ['rss after load ²', formatMb(load.afterLoad.rss), formatMb(bareLoad.afterLoad.rss), ratio(load.afterLoad.rss, bareLoad.afterLoad.rss)],
      ['heapUsed after load ²', formatMb(load.afterLoad.heapUsed), formatMb(bareLoad.afterLoad.heapUsed), ratio(load.afterLoad.heapUsed, bareLoad.afterLoad.heapUsed)],
      ['peak rss of the load process', formatMb(load.afterLoad.maxRss), formatMb(bareLoad.afterLoad.maxRss), ''],
      ['rss once the spelling index is made', load.afterSpelling === null ? '' : formatMb(load.afterSpelling.rss), '', ''],
      ...latencyRows('ask vs search', timing.ask, timing.bare),
    ]),
  );
  out(
    `¹ after two forced GCs, in a fresh process; Quoth's holds the corpus (passages, index, term stats), bare's the index ` +
      `and the passage texts. Process baseline before building: rss ${formatMb(build.before.rss)} / ${formatMb(bareBuild.before.rss)}.`,
  );
  out(
    `² after two forced GCs, in a fresh process; Quoth's holds the whole corpus, bare's the index only. ` +
      `Baseline: rss ${formatMb(load.before.rss)} / ${formatMb(bareLoad.before.rss)}, heapUsed ${formatMb(load.before.heapUsed)} / ${formatMb(bareLoad.before.heapUsed)}.`,
  );
  out();
  out(
    `reindex (library, worker thread, saved): full build ${formatMs(input.reindex.fullBuildMs)}; one changed file (${input.reindex.changedFile}) ` +
      `${formatMs(input.reindex.reindexMs)} (median of ${input.reindex.reindexSamplesMs.map(formatMs).join(', ')}), ${input.reindex.filesRead} file(s) read, ${input.reindex.filesHashed} hashed, ${formatCount(input.reindex.passages)} passages ` +
      `(the first reindex after the build: ${formatMs(input.reindex.firstReindexMs)}, ${input.reindex.firstFilesHashed} hashed, the files written just before it)`,
  );
  out();
  if (input.peers.length > 0) {
    out('peers (same passages, each in a fresh process; query = the first 5 hits for each bench question; Quoth: its retrieval):');
    out(
      table([
        ['', 'build', 'index', 'load', 'rss after load', 'query p50', 'query p99', 'top-5 retrieval'],
        ...peerRows(input).map((row) => [
          `${row.peer} ${row.version}`,
          row.buildMs === null ? '' : formatMs(row.buildMs),
          row.indexBytes === null ? '' : formatMb(row.indexBytes),
          row.loadMs === null ? '' : formatMs(row.loadMs),
          formatMb(row.rssAfterLoad),
          ms(row.p50),
          ms(row.p99),
          `${row.top5}/${row.questions}`,
        ]),
      ], '  '),
    );
    out('  top-5 retrieval: answerable python-docs dev questions (../shared/eval) with an expected source among the first 5 passages');
    out();
  }
  out(`ask p50: ${ms(timing.ask.p50)} vs bare search ${ms(timing.bare.p50)} (ratio ${ratio(timing.ask.p50, timing.bare.p50)})`);
  out();

  const { stages } = timing;
  const postRanking = timing.ask.p50 - stages.cumulativeViews.p50;
  out('where ask spends its time (p50 of each stage, same questions and rounds):');
  out(
    table(
      [
        ['analyze question + term weights', ms(stages.analyze.p50), `p99 ${ms(stages.analyze.p99)}`],
        ['retrieve: topPassages over the impact index, top 20', ms(stages.retrieve.p50), `p99 ${ms(stages.retrieve.p99)}`],
        ['sentence views: tokenize + term hits + short answer', ms(stages.views.p50), `p99 ${ms(stages.views.p99)}`],
        ['  = analyze + retrieve + views', ms(stages.cumulativeViews.p50), `p99 ${ms(stages.cumulativeViews.p99)}`],
        ['full ask', ms(timing.ask.p50), `p99 ${ms(timing.ask.p99)}`],
        ['≈ ranking rest + duplicates + corroboration + conflicts (ask − views)', ms(postRanking), ''],
      ],
      '  ',
    ),
  );
  out(`  retrieval-only (impact index) vs bare search p50: ${ms(timing.retrieve.p50)} vs ${ms(timing.bare.p50)} (ratio ${ratio(timing.retrieve.p50, timing.bare.p50)})`);
  out();

  const atScale = Math.abs(timing.passages - input.targetPassages) <= input.targetPassages * 0.25;
  out(`targets (${formatCount(timing.passages)} passages${atScale ? '' : `; the targets are set for ~${formatCount(input.targetPassages)}`}):`);
  out(
    table(
      [
        [`ask p50 ≤ ${TARGETS.askP50Ms} ms`, ms(timing.ask.p50), verdict(timing.ask.p50 <= TARGETS.askP50Ms)],
        [`ask p99 ≤ ${TARGETS.askP99Ms} ms`, ms(timing.ask.p99), verdict(timing.ask.p99 <= TARGETS.askP99Ms)],
        ['ask p50 ≤ bare search p50', `${ms(timing.ask.p50)} vs ${ms(timing.bare.p50)}`, verdict(timing.ask.p50 <= timing.bare.p50)],
      ],
      '  ',
    ),
  );
  out();

  out('per question (p50; hits = passages matched before the top 20 are kept):');
  out(
    table(
      [
        ['question', 'ask', 'bare', 'hits', 'bare hits', 'sentences', 'outcome'],
        ...timing.questions.map((question) => [
          clip(question.text, 56),
          ms(question.askP50),
          ms(question.bareP50),
          formatCount(question.hits),
          formatCount(question.bareHits),
          String(question.sentences),
          `${question.status}${question.answer === null ? '' : ` "${clip(question.answer, 24)}"`}${question.quote === null ? '' : `: ${clip(question.quote, 50)}`}`,
        ]),
      ],
      '  ',
      [6],
    ),
  );
  out();

  if (input.breakdown !== null) {
    const b = input.breakdown;
    const sum = b.passagesMs + b.copiesMs + b.countMs + b.scoreMs;
    out(`build steps, timed one by one in another process (sum ${formatMs(sum)} vs buildCorpus ${formatMs(build.buildMs)}):`);
    out(
      table(
        [
          ['toPassages (sentence splitting, passage cutting)', formatMs(b.passagesMs), share(b.passagesMs, sum)],
          ['groupCopies (MinHash over 5-word shingles)', formatMs(b.copiesMs), share(b.copiesMs, sum)],
          ['countTerms (tokenise text, heading, title into the term table)', formatMs(b.countMs), share(b.countMs, sum)],
          ['scoreImpacts (BM25+ of every posting, 3 fields; an index scores each term on its first use)', formatMs(b.scoreMs), share(b.scoreMs, sum)],
        ],
        '  ',
      ),
    );
    out();
  }
  out('load steps:');
  out(
    table(
      [
        ['', 'Quoth', 'bare'],
        ['readFile', formatMs(load.readMs), formatMs(bareLoad.readMs)],
        ['parse (Quoth: checksum, header, inflate columns; bare: JSON.parse)', formatMs(load.parseMs), formatMs(bareLoad.parseMs)],
        ['restore (Quoth: decode columns; bare: loadJS)', formatMs(load.restoreMs), formatMs(bareLoad.restoreMs)],
        ['Quoth: spelling index, made on the first misspelt word', load.spellingMs === null ? '' : formatMs(load.spellingMs), ''],
      ],
      '  ',
    ),
  );
  out();
  out(`whole bench: ${formatMs(input.elapsedMs)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Every headline figure as one flat object (`npm run bench -- --json`), so scripts can compare runs. Times in
 * seconds or milliseconds as the names say, sizes in bytes, memory in MiB (after two forced collections).
 */
/** The peers' rows, Quoth's build, size and load taken from its own phases. */
function peerRows(input: ReportInput): PeerResult[] {
  return input.peers.map((row) =>
    row.peer === 'quoth' ? { ...row, buildMs: input.build.buildMs, indexBytes: input.build.indexBytes, loadMs: input.load.loadMs, rssAfterLoad: input.load.afterLoad.rss } : row,
  );
}

export function figures(input: ReportInput): Record<string, unknown> {
  const { build, bareBuild, load, bareLoad, timing } = input;
  const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);
  return {
    corpus: input.corpus.label,
    passages: build.passages,
    sources: build.sources,
    repeat: build.repeat,
    ingest_s: round(build.ingestMs / 1000, 3),
    build_s: round(build.buildMs / 1000, 3),
    save_s: round(build.saveMs / 1000, 3),
    index_bytes: build.indexBytes,
    text_bytes: build.textBytes,
    load_s: round(load.loadMs / 1000, 3),
    rss_after_build_mb: mb(build.afterBuild.rss),
    rss_after_load_mb: mb(load.afterLoad.rss),
    heap_after_load_mb: mb(load.afterLoad.heapUsed),
    spelling_index_s: load.spellingMs === null ? null : round(load.spellingMs / 1000, 3),
    rss_after_spelling_mb: load.afterSpelling === null ? null : mb(load.afterSpelling.rss),
    ask_p50_ms: round(timing.ask.p50, 3),
    ask_p90_ms: round(timing.ask.p90, 3),
    ask_p99_ms: round(timing.ask.p99, 3),
    ask_max_ms: round(timing.ask.max, 3),
    ask_samples: timing.ask.count,
    answered: timing.answered,
    questions: QUESTIONS.length,
    bare_build_s: round(bareBuild.buildMs / 1000, 3),
    bare_index_bytes: bareBuild.indexBytes,
    bare_load_s: round(bareLoad.loadMs / 1000, 3),
    bare_rss_after_load_mb: mb(bareLoad.afterLoad.rss),
    bare_p50_ms: round(timing.bare.p50, 3),
    bare_p99_ms: round(timing.bare.p99, 3),
    reindex_full_s: round(input.reindex.fullBuildMs / 1000, 3),
    reindex_one_file_s: round(input.reindex.reindexMs / 1000, 3),
    reindex_one_file_samples_s: input.reindex.reindexSamplesMs.map((ms) => round(ms / 1000, 3)),
    reindex_first_after_build_s: round(input.reindex.firstReindexMs / 1000, 3),
    reindex_first_files_hashed: input.reindex.firstFilesHashed,
    reindex_files_read: input.reindex.filesRead,
    reindex_files_hashed: input.reindex.filesHashed,
    reindex_steps_ms: Object.fromEntries(Object.entries(input.reindex.steps).map(([step, ms]) => [step.replace(/Ms$/, ''), Math.round(ms)])),
    ...(input.peers.length === 0
      ? {}
      : {
          peers: peerRows(input).map((row) => ({
            peer: row.peer,
            version: row.version,
            build_s: row.buildMs === null ? null : round(row.buildMs / 1000, 3),
            index_bytes: row.indexBytes,
            load_s: row.loadMs === null ? null : round(row.loadMs / 1000, 3),
            rss_after_load_mb: mb(row.rssAfterLoad),
            query_p50_ms: round(row.p50, 3),
            query_p99_ms: round(row.p99, 3),
            top5: row.top5,
            top5_of: row.questions,
          })),
        }),
    load_average_1m: round(os.loadavg()[0] ?? Number.NaN, 2),
    elapsed_s: round(input.elapsedMs / 1000, 1),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function count(kind: string): number {
  return QUESTIONS.filter((question) => question.kind === kind).length;
}

function share(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(0)}%`;
}
