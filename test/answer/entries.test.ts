import { describe, expect, it } from 'vitest';
import { entryPageOpenings, headingKey } from '../../src/answer/entries.js';
import { corpusOf } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const page = (title: string, body: string): string => `<html><head><title>${title}</title></head><body><h1>1. Overview</h1><p>${body}</p><h1>2. Details</h1><p>${body}</p></body></html>`;

describe('entries: what a heading or title names', () => {
  it('reads the name without a section number, permalink, signature or description', () => {
    expect(headingKey('2. Description')).toBe('Description');
    expect(headingKey('os.path — Common pathname manipulations')).toBe('os.path');
    expect(headingKey('File system | Node.js v18 Documentation')).toBe('File system');
    expect(headingKey('util.promisify(original)#')).toBe('util.promisify');
    expect(headingKey('Glossary: terms and words')).toBe('Glossary');
  });

  it('leaves out only the brackets that end a heading (a signature) and a manual section, not the words after a bracket', () => {
    expect(headingKey('os.path.join(path, *paths)')).toBe('os.path.join');
    expect(headingKey("open(file, mode='r') (built-in)")).toBe('open');
    expect(headingKey('git-push(1)')).toBe('git-push');
    // A section about postscreen's TLS configuration is no entry of postscreen.
    expect(headingKey('postscreen(8) TLS configuration')).toBe('postscreen TLS configuration');
    expect(headingKey('Locking (advisory) for shared files')).toBe('Locking (advisory) for shared files');
  });

  it("leaves out a synopsis's placeholders, not its optional words in square brackets", () => {
    expect(headingKey("\\param '['dir']' <parameter-name> { parameter description }")).toBe('\\param');
    expect(headingKey('timeout client <timeout>')).toBe('timeout client');
    expect(headingKey('zprof [ -c ]')).toBe('zprof [ -c ]');
  });

  it("finds the opening passages of pages titled with the subject alone, not of pages whose title says more", async () => {
    const corpus = await corpusOf([
      articleFrom('vacuum.html', page('VACUUM', 'The VACUUM command rebuilds the database file into less disk space.')),
      articleFrom('vacuum-into.html', page('VACUUM INTO and backups', 'VACUUM INTO writes a copy of the database to a new file.')),
      articleFrom('attach.html', page('ATTACH DATABASE', 'The ATTACH DATABASE statement adds another database file to the connection.')),
    ]);
    const sourcesOf = (ids: number[]): string[] => [...new Set(ids.map((id) => corpus.passages[id]!.sourceId))];
    expect(sourcesOf(entryPageOpenings(corpus, [['vacuum'], ['command']]))).toEqual(['vacuum']);
    expect(sourcesOf(entryPageOpenings(corpus, [['attach'], ['databas']]))).toEqual(['attach']);
    expect(entryPageOpenings(corpus, [['pragma']])).toEqual([]);
  });

  it('finds the opening of a page whose title opens with a one-word subject ("APCUPSD User Manual"), not one that names it later', async () => {
    const corpus = await corpusOf([
      articleFrom('manual.html', page('Frobnicator User Manual', 'Frobnicator is a daemon that frobnicates widgets.')),
      articleFrom('install.html', page('Installing the Frobnicator', 'Run make install to install the frobnicator.')),
    ]);
    const sourcesOf = (ids: number[]): string[] => [...new Set(ids.map((id) => corpus.passages[id]!.sourceId))];
    expect(sourcesOf(entryPageOpenings(corpus, [['frobnic']]))).toEqual(['manual']);
    expect(entryPageOpenings(corpus, [['frobnic'], ['widget']])).toEqual([]);
  });
});
