import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuiteCommand } from '../../src/eval/command.js';
import { parseSuite } from '../../src/eval/corpora.js';
import { runSuite } from '../../src/eval/suite.js';
import { INDEXER_FILE } from '../../src/indexing/codestamp.js';

let root: string;

const questions = [
  { id: 'danube-countries', question: 'How many countries does the Danube flow through?', expect: ['\\bten\\b'], sources: ['rivers/danube'], kind: 'count' },
  { id: 'mercury-boiling', question: 'What is the boiling point of mercury?', answerable: false, kind: 'offtopic' },
  { id: 'lynx-habitat', question: 'Where do lynxes live?', expect: ['forests'], sources: ['lynx'] },
];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'quoth-suite-'));
  await mkdir(path.join(root, 'suite', 'docs', 'rivers'), { recursive: true });
  await writeFile(
    path.join(root, 'suite', 'docs', 'rivers', 'danube.txt'),
    'The Danube\n\nThe Danube flows through ten countries on its way to the Black Sea. It is the second-longest river in Europe.\n',
  );
  await writeFile(
    path.join(root, 'suite', 'docs', 'lynx.html'),
    '<html><head><title>Lynx</title><script>var x = 1;</script></head><body><h1>The lynx</h1>' +
      '<p>Lynxes live in the high forests of Europe &amp; Asia, where snow lies for months.</p></body></html>',
  );
  await writeFile(path.join(root, 'suite', 'tiny.jsonl'), `${questions.map((q) => JSON.stringify(q)).join('\n')}\n`);
  await writeFile(path.join(root, 'suite', 'suite.json'), JSON.stringify({ tiny: { about: 'two small files', folder: 'docs', questions: 'tiny.jsonl' } }));
  await writeFile(path.join(root, 'floors.json'), JSON.stringify({ corpora: { tiny: { answerableRight: 0, abstainedRight: 0 } } }));
  await writeFile(path.join(root, 'high-floors.json'), JSON.stringify({ corpora: { tiny: { answerableRight: 3, abstainedRight: 1 } } }));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    terminal: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text), isTTY: false },
      env: { QUOTH_EVAL_CACHE: path.join(root, 'cache') },
    },
  };
}

describe('the suite on a plain-folder corpus', () => {
  it('evaluates every question with Quoth and the baseline, without running any command', async () => {
    const suiteFile = path.join(root, 'suite', 'suite.json');
    const corpora = parseSuite(JSON.stringify({ tiny: { folder: 'docs', questions: 'tiny.jsonl' } }), { file: suiteFile, repoRoot: root, cacheDir: path.join(root, 'cache') });
    const commands: string[] = [];
    const lines: string[] = [];
    const [report] = await runSuite({
      corpora,
      cacheDir: path.join(root, 'cache'),
      progress: { line: (text) => lines.push(text), questions: (corpus, done, total) => lines.push(`${corpus} ${done}/${total}`) },
      runCommand: (command) => {
        commands.push(command);
        return Promise.resolve(1);
      },
    });
    expect(commands).toEqual([]);
    expect(report).toMatchObject({ corpus: 'tiny', ok: true, folder: path.join(root, 'suite', 'docs') });
    if (!report?.ok) throw new Error('the corpus did not run');
    const byId = new Map(report.outcomes.map((outcome) => [outcome.testCase.id, outcome]));
    expect([...byId.keys()]).toEqual(['danube-countries', 'mercury-boiling', 'lynx-habitat']);
    expect(report.outcomes.every((outcome) => outcome.quoth.result.verbatim && outcome.baseline.result.verbatim)).toBe(true);
    expect(byId.get('danube-countries')).toMatchObject({ kind: 'count', retrievalRank: 1, retrievedAt5: true, quoth: { status: 'answered', result: { pass: true } } });
    expect(byId.get('mercury-boiling')).toMatchObject({ kind: 'offtopic', retrievalRank: null, retrievedAt5: null, quoth: { status: 'no_answer' } });
    expect(byId.get('lynx-habitat')).toMatchObject({ kind: 'other', retrievalRank: 1, baseline: { firstQuote: { sourceId: 'lynx' } } });
    expect(lines).toContain('[tiny] indexing…');
    expect(lines).toContain('tiny 3/3');
  });

  it('prints failures before the tables, and passes floors it meets', async () => {
    const { out, err, terminal: io } = terminal();
    const code = await runSuiteCommand({ suiteFile: path.join(root, 'suite', 'suite.json'), only: ['tiny'], floorsFile: path.join(root, 'floors.json'), json: false }, io);
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/^tiny\s+count\s+/mu);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^all\s+\d+\/2\s+\d\/1/u);
    expect(err.join('')).toContain('every corpus at or above its floor');
  });

  it('asks every question with a slip typed into it when told to, against the same expectations', async () => {
    const { out, err, terminal: io } = terminal();
    const code = await runSuiteCommand({ suiteFile: path.join(root, 'suite', 'suite.json'), only: ['tiny'], json: true, slip: 'swap' }, io);
    expect(code).toBe(0);
    expect(err.join('')).toContain('every question asked with one slip (swap) in its longest word');
    const report = JSON.parse(out.join('')) as { cases: { id: string; question: string; pass: boolean }[] };
    expect(report.cases.map((entry) => entry.question)).toEqual([
      'How many coutnries does the Danube flow through?',
      'What is the boliing point of mercury?',
      'Where do lyxnes live?',
    ]);
    expect(report.cases.find((entry) => entry.id === 'danube-countries')?.pass).toBe(true);
  });

  it('exits 1 naming the corpus and metric below a floor, prints one JSON object, and reuses the saved index', async () => {
    const { out, err, terminal: io } = terminal();
    const code = await runSuiteCommand({ suiteFile: path.join(root, 'suite', 'suite.json'), only: [], floorsFile: path.join(root, 'high-floors.json'), json: true }, io);
    expect(code).toBe(1);
    const messages = err.join('');
    expect(messages).toContain('[tiny] Loaded index');
    expect(messages).toMatch(/tiny: answerable right \d\/2 is below the floor of 3/u);
    const report = JSON.parse(out.join('')) as { corpora: { corpus: string }[]; cases: { id: string }[]; floors: { pass: boolean; failures: string[] } };
    expect(report.corpora.map((corpus) => corpus.corpus)).toEqual(['tiny']);
    expect(report.cases.map((entry) => entry.id)).toEqual(['danube-countries', 'mercury-boiling', 'lynx-habitat']);
    expect(report.floors.pass).toBe(false);
  });

  it('rebuilds a saved index when the indexing code changed', async () => {
    const lines: string[] = [];
    const corpora = parseSuite(JSON.stringify({ tiny: { folder: 'docs', questions: 'tiny.jsonl' } }), {
      file: path.join(root, 'suite', 'suite.json'),
      repoRoot: root,
      cacheDir: path.join(root, 'cache'),
    });
    await writeFile(path.join(root, 'cache', 'index', 'tiny', INDEXER_FILE), 'other code\n');
    await runSuite({ corpora, cacheDir: path.join(root, 'cache'), progress: { line: (text) => lines.push(text), questions: () => {} } });
    expect(lines).toContain('[tiny] Building the index: the saved index was built by another version of Quoth');
  });

  it('refuses a corpus name the suite does not have', async () => {
    const { err, terminal: io } = terminal();
    expect(await runSuiteCommand({ suiteFile: path.join(root, 'suite', 'suite.json'), only: ['tiny,nope'], json: false }, io)).toBe(2);
    expect(err.join('')).toContain('no corpus named nope (the suite has tiny)');
  });
});
