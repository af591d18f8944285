import { rmSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeedsFolderError, hashSeeds, loadSeeds } from '../../src/ingest/index.js';
import { SEEDS, sha256 } from './helpers.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quoth-ingest-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
}

const PROSE = 'The bridge reopened on Monday after eight months of repairs.\n';

describe('loadSeeds', () => {
  it('fails as "vanished" when the folder is removed while it is read, and tells a folder removed after reading', async () => {
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, `note-${i}.txt`), `Note ${i}: the ferry left at ${i} o'clock.`);
    const during = loadSeeds(dir, { onProgress: (done) => done === 2 && rmSync(dir, { recursive: true }) });
    await expect(during).rejects.toMatchObject({ problem: 'vanished' });

    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, `note-${i}.txt`), `Note ${i}.`);
    const loaded = await loadSeeds(dir);
    await loaded.assertFolderUnchanged();
    await rm(dir, { recursive: true });
    await expect(loaded.assertFolderUnchanged()).rejects.toMatchObject({ problem: 'vanished' });
  });

  it('hands each article to onArticle in path order and keeps none, counting what it read and what it reused', async () => {
    await put('b.txt', PROSE);
    await put('a.txt', `Alpha. ${PROSE}`);
    await put('c.txt', `Gamma. ${PROSE}`);
    const taken: string[] = [];
    const loaded = await loadSeeds(dir, {
      onArticle: (article) => void taken.push(article.source.id),
      reuse: (file) => file.sourceId === 'b',
    });
    expect(taken).toEqual(['a', 'c']);
    expect(loaded.articles).toEqual([]);
    expect(loaded.read).toBe(2);
    expect(loaded.reused.map((file) => [file.sourceId, file.before])).toEqual([['b', 1]]);
  });

  it('reads the five seeds in sorted order with their hashes', async () => {
    for (const name of await readdir(SEEDS)) await copyFile(path.join(SEEDS, name), path.join(dir, name));
    const { articles, skipped, warnings } = await loadSeeds(dir);
    expect(articles.map((a) => a.source.id)).toEqual([
      '000_53f91090952606e1',
      '001_f1b6b5ba79f4232f',
      '002_ed0d13cddf14b3e3',
      '003_8ae3a1aae92a0510',
      '004_703cf49eaa2b6153',
    ]);
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
    const { readFile } = await import('node:fs/promises');
    const first = articles[0];
    expect(first?.sha256).toBe(sha256(await readFile(path.join(dir, '000_53f91090952606e1.txt'))));
  });

  it('walks folders recursively, with ids and display paths under the seeds folder', async () => {
    await put('guide/install.md', '# Install\n\nRun the installer.\n');
    await put('guide/deep/faq.htm', '<p>Answers to common questions.</p>');
    await put('b.html', '<p>A page.</p>');
    await put('a.txt', PROSE);
    const { articles } = await loadSeeds(dir);
    expect(articles.map((a) => a.source.id)).toEqual(['a', 'b', 'guide/deep/faq', 'guide/install']);
    const install = articles.find((a) => a.source.id === 'guide/install');
    expect(install?.source.path).toBe(path.posix.join(dir.split(path.sep).join('/'), 'guide/install.md'));
  });

  it('shows paths joined to the folder as the user gave it', async () => {
    await put('a.txt', PROSE);
    const relative = path.relative(process.cwd(), dir);
    const { articles } = await loadSeeds(relative);
    expect(articles[0]?.source.path).toBe(`${relative.split(path.sep).join('/')}/a.txt`);
  });

  it('ignores other extensions, hidden files and hidden folders silently', async () => {
    await put('a.txt', PROSE);
    await put('notes.pdf', 'binary-ish');
    await put('image.png', new Uint8Array([137, 80, 78, 71, 0, 0]));
    await put('.draft.txt', PROSE);
    await put('.git/HEAD.txt', PROSE);
    await put('README.md', '# Readme\n\nThis folder holds articles.\n');
    const { articles, skipped } = await loadSeeds(dir);
    expect(articles.map((a) => a.source.id)).toEqual(['README', 'a']);
    expect(skipped).toEqual([]);
  });

  it('skips empty, white-space-only, binary and non-UTF-8 files with a reason, and goes on', async () => {
    await put('a-empty.txt', '');
    await put('b-blank.md', '  \n\t\n');
    await put('c-binary.txt', new Uint8Array([72, 105, 0, 1, 2, 3, 0, 0]));
    await put('d-latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x2e]));
    await put('e-control.txt', '\u0001\u0002\u0003\u0004\u0005\u0006 text \u0007\u0008');
    await put('f-good.txt', PROSE);
    const { articles, skipped } = await loadSeeds(dir);
    expect(articles.map((a) => a.source.id)).toEqual(['f-good']);
    const reasons = Object.fromEntries(skipped.map((s) => [path.basename(s.path), s.reason]));
    expect(reasons).toEqual({
      'a-empty.txt': 'empty file',
      'b-blank.md': 'empty file (white space only)',
      'c-binary.txt': 'binary file (contains NUL bytes)',
      'd-latin1.txt': 'not UTF-8 (invalid byte sequence)',
      'e-control.txt': 'binary file (mostly control characters)',
    });
  });

  it('reads an HTML page that is not UTF-8 in the encoding it declares, or as browsers read an undeclared one, and says so', async () => {
    // 0xEA is "ê" in windows-1252 and "ę" in ISO-8859-2; 0xB3 is "³" and "ł".
    const page = (head: string): Uint8Array =>
      Uint8Array.from([
        ...Buffer.from(`<html><head>${head}<title>Cr`),
        0xea,
        ...Buffer.from('pes</title></head><body><p>The bridge reopened on Monday after eight months of repairs in '),
        0xb3,
        ...Buffer.from('od.</p></body></html>'),
      ]);
    await put('a-undeclared.html', page(''));
    await put('b-latin2.html', page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">'));
    await put('c-latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x2e]));
    const { articles, skipped, warnings } = await loadSeeds(dir);
    expect(articles.map((a) => [a.source.title, a.text.includes('repairs in ³od.'), a.text.includes('repairs in łod.')])).toEqual([
      ['Crêpes', true, false],
      ['Crępes', false, true],
    ]);
    expect(skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([['c-latin1.txt', 'not UTF-8 (invalid byte sequence)']]);
    expect(warnings.map((w) => [path.basename(w.path), w.message])).toEqual([
      ['a-undeclared.html', 'not UTF-8: read in windows-1252, as browsers read a page that declares no encoding'],
      ['b-latin2.html', 'not UTF-8: read in iso-8859-2, as the page declares'],
    ]);
  });

  it('skips an unreadable file and reads the rest', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    await put('a.txt', PROSE);
    await put('b.txt', PROSE);
    await chmod(path.join(dir, 'a.txt'), 0o000);
    const { articles, skipped } = await loadSeeds(dir);
    expect(articles.map((a) => a.source.id)).toEqual(['b']);
    expect(skipped).toEqual([{ path: expect.stringMatching(/a\.txt$/u), reason: 'unreadable (EACCES)' }]);
  });

  it('strips a byte-order mark and keeps everything else verbatim', async () => {
    const text = 'Line one — “quoted”\u00a0text.\r\nLine two.\r\n';
    await put('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    const { articles } = await loadSeeds(dir);
    expect(articles[0]?.text).toBe(text);
  });

  it('reports warnings for bad front matter without skipping the file', async () => {
    await put('a.md', '---\npublished: someday\n---\nThe bridge reopened.\n');
    const { articles, warnings } = await loadSeeds(dir);
    expect(articles).toHaveLength(1);
    expect(warnings).toEqual([{ path: expect.stringMatching(/a\.md$/u), message: expect.stringContaining('published') }]);
  });

  it('reports progress after each file and lets other work run between files', async () => {
    for (const name of ['a', 'b', 'c']) await put(`${name}.txt`, PROSE);
    const log: string[] = [];
    await loadSeeds(dir, {
      onProgress: (done, total) => {
        log.push(`${done}/${total}`);
        setImmediate(() => log.push('other work'));
      },
    });
    expect(log.slice(0, 5)).toEqual(['1/3', 'other work', '2/3', 'other work', '3/3']);
  });

  it('fails with a clear error naming a missing folder', async () => {
    const missing = path.join(dir, 'nope');
    await expect(loadSeeds(missing)).rejects.toThrow(`Quoth: seeds folder not found: ${missing}`);
    await expect(loadSeeds(missing)).rejects.toBeInstanceOf(SeedsFolderError);
  });

  it('fails with a clear error for a folder without readable file types', async () => {
    await put('notes.pdf', 'x');
    await put('.hidden.txt', PROSE);
    await expect(loadSeeds(dir)).rejects.toThrow(`Quoth: no .txt, .md or .html files in ${dir}`);
    await expect(loadSeeds(dir)).rejects.toMatchObject({ problem: 'empty', folder: dir });
  });

  it('fails with a clear error when the path is a file', async () => {
    await put('a.txt', PROSE);
    const file = path.join(dir, 'a.txt');
    await expect(loadSeeds(file)).rejects.toThrow(`Quoth: seeds path is not a folder: ${file}`);
  });
});

describe('containment: only files inside the seeds folder are read', () => {
  const SECRET = 'DISCORD_TOKEN=MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.outside-the-folder-secret-value-0123456789';
  let outside: string;
  let seeds: string;

  beforeEach(async () => {
    outside = path.join(dir, 'outside');
    seeds = path.join(dir, 'seeds');
    await put('outside/.env', `${SECRET}\n`);
    await put('outside/notes.txt', 'A note that lives outside the seeds folder.\n');
    await put('seeds/a.txt', PROSE);
  });

  it('skips a link to a file outside the folder, naming the link, and never reads its text', async () => {
    await symlink(path.join(outside, '.env'), path.join(seeds, 'token.txt'));
    await symlink(path.join(outside, 'notes.txt'), path.join(seeds, 'notes.md'));
    await symlink('../outside/notes.txt', path.join(seeds, 'relative.txt'));
    // A link to a kind of file Quoth never reads (a page's script) is passed over without a warning, wherever it leads.
    await put('outside/jquery.js', 'var x = 1;\n');
    await symlink(path.join(outside, 'jquery.js'), path.join(seeds, 'jquery.js'));
    const { articles, skipped } = await loadSeeds(seeds);
    expect(articles.map((a) => a.source.id)).toEqual(['a']);
    expect(articles.map((a) => a.text).join('\n')).not.toContain('outside');
    expect(skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['notes.md', 'link leads outside the seeds folder; not read'],
      ['relative.txt', 'link leads outside the seeds folder; not read'],
      ['token.txt', 'link leads outside the seeds folder; not read'],
    ]);
    expect([...(await hashSeeds(seeds)).keys()].map((file) => path.basename(file))).toEqual(['a.txt']);
  });

  it('reads a link to a file inside the folder, but not one to a hidden file inside it', async () => {
    await put('seeds/guide/page.rst', '# Page\n\nThe page body.\n');
    await put('seeds/.private/key.txt', `${SECRET}\n`);
    await symlink(path.join(seeds, 'guide/page.rst'), path.join(seeds, 'alias.md'));
    await symlink(path.join(seeds, '.private/key.txt'), path.join(seeds, 'key.txt'));
    const { articles, skipped } = await loadSeeds(seeds);
    expect(articles.map((a) => a.source.id)).toEqual(['a', 'alias']);
    expect(skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([['key.txt', 'link leads to a hidden file; not read']]);
  });

  it('reads a file once however many links in the folder lead to it, so that it never corroborates itself, and skips nothing', async () => {
    await put('seeds/guide/page.en.html', '<html><body><h1>Page</h1><p>The page body.</p></body></html>\n');
    await symlink(path.join(seeds, 'guide/page.en.html'), path.join(seeds, 'guide/page.html'));
    await symlink('page.en.html', path.join(seeds, 'guide/index.html'));
    const { articles, skipped } = await loadSeeds(seeds);
    expect(articles.map((a) => a.source.id)).toEqual(['a', 'guide/page.en']);
    expect(skipped).toEqual([]);
  });

  it('does not follow linked folders, inside or outside, and reports broken links', async () => {
    await symlink(outside, path.join(seeds, 'elsewhere'));
    await symlink(seeds, path.join(seeds, 'loop'));
    await symlink(path.join(dir, 'missing.txt'), path.join(seeds, 'gone.txt'));
    const { articles, skipped } = await loadSeeds(seeds);
    expect(articles.map((a) => a.source.id)).toEqual(['a']);
    expect(skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['elsewhere', 'link leads outside the seeds folder; not read'],
      ['gone.txt', 'broken link'],
      ['loop', 'link to a folder; not followed'],
    ]);
  });

  it('works when the seeds folder itself is reached through a link', async () => {
    await symlink(seeds, path.join(dir, 'seeds-link'));
    await symlink(path.join(outside, 'notes.txt'), path.join(seeds, 'notes.txt'));
    const { articles, skipped } = await loadSeeds(path.join(dir, 'seeds-link'));
    expect(articles.map((a) => a.source.id)).toEqual(['a']);
    expect(skipped.map((s) => path.basename(s.path))).toEqual(['notes.txt']);
  });
});

describe('source ids', () => {
  it('give the plain id to the most structured of files that would share one, and keep the extension of the others', async () => {
    await put('dup.txt', 'The plain text copy says the bridge reopened on Monday.\n');
    await put('dup.md', '# Dup\n\nThe Markdown copy says the bridge reopened on Tuesday.\n');
    await put('guide/dup.html', '<p>A page in another folder.</p>');
    await put('solo.md', '# Solo\n\nOnly one file has this name.\n');
    await put('twin.htm', '<p>The first twin page says the ferry left at noon.</p>');
    await put('twin.html', '<p>The second twin page says the ferry left at one.</p>');
    const { articles } = await loadSeeds(dir);
    expect(articles.map((a) => [a.source.id, path.basename(a.source.path)])).toEqual([
      ['dup', 'dup.md'],
      ['dup.txt', 'dup.txt'],
      ['guide/dup', 'dup.html'],
      ['solo', 'solo.md'],
      ['twin.htm', 'twin.htm'],
      ['twin.html', 'twin.html'],
    ]);
    expect(articles.find((a) => a.source.id === 'dup.txt')?.text).toContain('Monday');
  });
});
