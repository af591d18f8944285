import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSuite } from '../../src/eval/corpora.js';

const places = { file: '/data/eval/corpora.json', repoRoot: '/repo', cacheDir: '/cache' };

describe('parseSuite', () => {
  it('reads the corpora.json entries: cache folders, system folders, folders beside the file and the project’s own', () => {
    const suite = parseSuite(
      JSON.stringify({
        seeds: { about: 'the seeds', folder: 'seeds', questions: 'seeds-dev.jsonl' },
        'python-docs': { debian: 'python3.11-doc', install: 'apt-get install -y python3.11-doc', folder: '/usr/share/doc/python3.11/html', questions: 'py.jsonl' },
        'nodejs-docs': { debian: 'nodejs-doc', install: 'apt-get download nodejs-doc, then dpkg -x …', folder: 'DIR/usr/share/doc/nodejs', questions: 'node.jsonl' },
        'jargon-file': { debian: 'jargon-text', install: 'apt-get install -y jargon-text, then gunzip …', folder: 'DIR', questions: 'jargon.jsonl' },
        'news-reuters': { folder: 'news-reuters (beside this file)', questions: 'news.jsonl' },
      }),
      places,
    );
    expect(suite.map(({ name, folders, questions }) => ({ name, folders, questions }))).toEqual([
      { name: 'seeds', folders: ['/data/eval/seeds', '/repo/seeds'], questions: '/data/eval/seeds-dev.jsonl' },
      { name: 'python-docs', folders: ['/usr/share/doc/python3.11/html'], questions: '/data/eval/py.jsonl' },
      { name: 'nodejs-docs', folders: ['/cache/nodejs-doc/usr/share/doc/nodejs'], questions: '/data/eval/node.jsonl' },
      { name: 'jargon-file', folders: ['/cache/jargon'], questions: '/data/eval/jargon.jsonl' },
      { name: 'news-reuters', folders: ['/data/eval/news-reuters', '/repo/news-reuters'], questions: '/data/eval/news.jsonl' },
    ]);
    expect(suite.map((corpus) => corpus.preparation?.recipe.kind ?? null)).toEqual([null, 'install-package', 'download-and-extract', 'gunzip-file', null]);
    expect(suite[3]!.preparation).toEqual({
      debianPackage: 'jargon-text',
      recipe: { kind: 'gunzip-file', dir: 'jargon', file: '/usr/share/doc/jargon-text/jargon.txt.gz', into: 'jargon.txt' },
      dir: '/cache/jargon',
    });
  });

  it('resolves a relative suite file against the working folder', () => {
    const [corpus] = parseSuite('{"mine":{"folder":"docs","questions":"q.jsonl"}}', { ...places, file: 'suites/mine.json' });
    expect(corpus!.folders[0]).toBe(path.resolve('suites/docs'));
  });

  it('refuses DIR without a recipe that fills a cache folder, and packages that are never installed', () => {
    expect(() => parseSuite('{"x":{"folder":"DIR/a","questions":"q.jsonl"}}', places)).toThrow('Quoth eval: /data/eval/corpora.json: x: the folder uses DIR');
    expect(() => parseSuite('{"x":{"debian":"python3.11-doc","folder":"DIR","questions":"q.jsonl"}}', places)).toThrow('x: the folder uses DIR');
    expect(() => parseSuite('{"x":{"debian":"nodejs","folder":"/usr/share/doc/nodejs","questions":"q.jsonl"}}', places)).toThrow('never installed');
  });

  it('names the entry and field of a malformed suite', () => {
    expect(() => parseSuite('{"x":{"folder":"a"}}', places)).toThrow('Quoth eval: /data/eval/corpora.json: x.questions: ');
    expect(() => parseSuite('[', places)).toThrow('not JSON');
  });
});
