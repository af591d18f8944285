import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SuiteCorpus } from '../../src/eval/corpora.js';
import { prepareCorpus, type CommandRunner } from '../../src/eval/prepare.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'quoth-prepare-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Records each command; `effect` may act on one (create files) and returns its exit code. */
function recorder(effect: (line: string, cwd: string | undefined) => Promise<number>): { run: CommandRunner; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    run: async (command, args, cwd) => {
      const line = [command, ...args].join(' ');
      lines.push(line);
      return effect(line, cwd);
    },
  };
}

const quiet = (): void => {};

/** A corpus in the folder that the Debian package `some-doc` installs. */
const packageCorpus = (folder: string): SuiteCorpus => ({
  name: 'pkg-docs',
  about: null,
  questions: 'q.jsonl',
  folders: [folder],
  preparation: { debianPackage: 'some-doc', recipe: { kind: 'install-package' }, dir: null },
});

describe('prepareCorpus', () => {
  it('uses a folder that is already there and runs nothing', async () => {
    await mkdir(path.join(root, 'docs'));
    const { run, lines } = recorder(() => Promise.resolve(0));
    const corpus: SuiteCorpus = { name: 'docs', about: null, questions: 'q.jsonl', folders: [path.join(root, 'missing'), path.join(root, 'docs')], preparation: null };
    expect(await prepareCorpus(corpus, quiet, run)).toBe(path.join(root, 'docs'));
    expect(lines).toEqual([]);
  });

  it('names the folders it looked for when a plain folder is missing', async () => {
    const corpus: SuiteCorpus = { name: 'docs', about: null, questions: 'q.jsonl', folders: [path.join(root, 'a')], preparation: null };
    await expect(prepareCorpus(corpus, quiet)).rejects.toThrow(`Quoth eval: docs: folder not found: ${path.join(root, 'a')}`);
  });

  it('runs apt-get update and installs again when an install fails', async () => {
    const folder = path.join(root, 'usr-share-doc');
    const { run, lines } = recorder(async (line) => {
      if (line === 'apt-get update') return 0;
      if (lines.includes('apt-get update')) {
        await mkdir(folder);
        return 0;
      }
      return 100;
    });
    const corpus = packageCorpus(folder);
    expect(await prepareCorpus(corpus, quiet, run)).toBe(folder);
    expect(lines).toEqual(['apt-get install -y --no-install-recommends some-doc', 'apt-get update', 'apt-get install -y --no-install-recommends some-doc']);
  });

  it('installs the package when its folder is there but the package is not', async () => {
    const folder = path.join(root, 'usr-share-doc');
    await mkdir(folder);
    await writeFile(path.join(folder, 'copyright'), 'put there by another package of the same source');
    const { run, lines } = recorder(() => Promise.resolve(0));
    const corpus = packageCorpus(folder);
    expect(await prepareCorpus(corpus, quiet, run, () => Promise.resolve(false))).toBe(folder);
    expect(lines).toEqual(['apt-get install -y --no-install-recommends some-doc']);
    lines.length = 0;
    expect(await prepareCorpus(corpus, quiet, run, () => Promise.resolve(true))).toBe(folder);
    expect(lines).toEqual([]);
  });

  it('says which apt-get failed when it fails after the update too', async () => {
    const { run } = recorder(() => Promise.resolve(100));
    const corpus = packageCorpus(path.join(root, 'never'));
    await expect(prepareCorpus(corpus, quiet, run)).rejects.toThrow('Quoth eval: pkg-docs: apt-get install -y --no-install-recommends some-doc failed');
  });

  it('downloads and extracts a package into the cache without installing it', async () => {
    const dir = path.join(root, 'cache', 'some-doc');
    const { run, lines } = recorder(async (line, cwd) => {
      if (line === 'apt-get download some-doc') await writeFile(path.join(cwd!, 'some-doc_1.0_all.deb'), 'deb');
      const extract = /^dpkg -x \S+ (\S+)$/u.exec(line);
      if (extract) await mkdir(path.join(extract[1]!, 'usr', 'share', 'doc', 'some'), { recursive: true });
      return 0;
    });
    const corpus: SuiteCorpus = {
      name: 'some',
      about: null,
      questions: 'q.jsonl',
      folders: [path.join(dir, 'usr', 'share', 'doc', 'some')],
      preparation: { debianPackage: 'some-doc', recipe: { kind: 'download-and-extract', dir: 'some-doc' }, dir },
    };
    expect(await prepareCorpus(corpus, quiet, run)).toBe(path.join(dir, 'usr', 'share', 'doc', 'some'));
    expect(lines).toEqual(['apt-get download some-doc', `dpkg -x ${path.join(root, 'cache', 'downloads', 'some-doc_1.0_all.deb')} ${dir}.partial`]);
    expect(lines.some((line) => line.includes('install'))).toBe(false);
  });

  it('unpacks the compressed pages of an extracted package when its recipe says so', async () => {
    const dir = path.join(root, 'cache', 'tool');
    const { run } = recorder(async (line, cwd) => {
      if (line === 'apt-get download tool') await writeFile(path.join(cwd!, 'tool_5.0_amd64.deb'), 'deb');
      const extract = /^dpkg -x \S+ (\S+)$/u.exec(line);
      if (extract) {
        const docs = path.join(extract[1]!, 'usr', 'share', 'doc', 'tool');
        await mkdir(path.join(docs, 'howto'), { recursive: true });
        await writeFile(path.join(docs, 'index.md'), '# Tool\n');
        await writeFile(path.join(docs, 'howto', 'install.md.gz'), gzipSync('# Install\n\nRun the installer.\n'));
      }
      return 0;
    });
    const docs = path.join(dir, 'usr', 'share', 'doc', 'tool');
    const corpus: SuiteCorpus = {
      name: 'tool',
      about: null,
      questions: 'q.jsonl',
      folders: [docs],
      preparation: { debianPackage: 'tool', recipe: { kind: 'download-and-extract', dir: 'tool', gunzip: true }, dir },
    };
    expect(await prepareCorpus(corpus, quiet, run)).toBe(docs);
    expect(await readFile(path.join(docs, 'howto', 'install.md'), 'utf8')).toBe('# Install\n\nRun the installer.\n');
    expect(await readFile(path.join(docs, 'index.md'), 'utf8')).toBe('# Tool\n');
    await expect(readFile(path.join(docs, 'howto', 'install.md.gz'))).rejects.toThrow('ENOENT');
  });

  it('gunzips a file into the cache folder', async () => {
    const gz = path.join(root, 'glossary.txt.gz');
    await writeFile(gz, gzipSync('hacker: n. a person who enjoys\n'));
    const dir = path.join(root, 'cache', 'glossary');
    const { run, lines } = recorder(() => Promise.resolve(0));
    const corpus: SuiteCorpus = {
      name: 'glossary',
      about: null,
      questions: 'q.jsonl',
      folders: [dir],
      preparation: { debianPackage: 'glossary-text', recipe: { kind: 'gunzip-file', dir: 'glossary', file: gz, into: 'glossary.txt' }, dir },
    };
    expect(await prepareCorpus(corpus, quiet, run)).toBe(dir);
    expect(await readFile(path.join(dir, 'glossary.txt'), 'utf8')).toBe('hacker: n. a person who enjoys\n');
    expect(lines).toEqual([]);
  });

  it('copies the files a recipe picks into the cache folder, keeping their sub-folders', async () => {
    const from = path.join(root, 'share', 'book');
    await mkdir(path.join(from, 'docs'), { recursive: true });
    await writeFile(path.join(from, 'docs', 'intro.en.html'), '<p>Hello</p>');
    await writeFile(path.join(from, 'docs', 'intro.de.html'), '<p>Hallo</p>');
    await writeFile(path.join(from, 'changelog.gz'), 'x');
    const dir = path.join(root, 'cache', 'book');
    const { run, lines } = recorder(() => Promise.resolve(0));
    const corpus: SuiteCorpus = {
      name: 'book',
      about: null,
      questions: 'q.jsonl',
      folders: [dir],
      preparation: { debianPackage: 'book', recipe: { kind: 'copy-files', dir: 'book', from, pick: /^docs\/[^/]+\.en\.html$/u }, dir },
    };
    expect(await prepareCorpus(corpus, quiet, run)).toBe(dir);
    expect(await readdir(dir, { recursive: true })).toEqual(['docs', path.join('docs', 'intro.en.html')]);
    expect(lines).toEqual([]);
    const none: SuiteCorpus = { ...corpus, folders: [path.join(root, 'cache', 'none')], preparation: { ...corpus.preparation!, recipe: { kind: 'copy-files', dir: 'none', from, pick: /^nothing$/u }, dir: path.join(root, 'cache', 'none') } };
    await expect(prepareCorpus(none, quiet, run)).rejects.toThrow('Quoth eval: book: no file of');
  });
});
