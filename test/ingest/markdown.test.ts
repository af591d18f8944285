import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/ingest/index.js';
import { articleFrom, expectWellFormed, inBody, notInBody, removedWith, slices } from './helpers.js';

const GUIDE = `# Installing Quoth

Quoth runs on **Node 20** or newer. Clone the repository and install the dependencies.

## From npm

Run \`npm install\` in the project folder:

\`\`\`sh
# this line is a shell comment, not a heading
npm install
\`\`\`

- Copy \`.env.example\` to \`.env\`.
- Fill in the bot token.

### Troubleshooting

If the install fails, delete \`node_modules\` and try again.

Configuration
-------------

Settings live in \`.env\`.
`;

describe('Markdown', () => {
  const article = articleFrom('guide/install.md', GUIDE);

  it('uses the path under the seeds folder without extension as the id', () => {
    expect(article.source.id).toBe('guide/install');
    expect(article.source.path).toBe('seeds/guide/install.md');
  });

  it('takes the first # heading as the title', () => {
    expect(article.source.title).toBe('Installing Quoth');
  });

  it('records # and underlined headings, but not # lines inside code fences', () => {
    expect(article.headings.map((h) => h.title)).toEqual([
      'Installing Quoth',
      'From npm',
      'Troubleshooting',
      'Configuration',
    ]);
  });

  it('lets each heading govern the text up to the next heading of the same or higher level', () => {
    const [top, npm, trouble, config] = article.headings.map((h) => article.text.slice(h.range.start, h.range.end));
    expect(top?.endsWith('Settings live in `.env`.')).toBe(true);
    expect(npm).toContain('Fill in the bot token.');
    expect(npm).toContain('try again.');
    expect(npm).not.toContain('Configuration');
    expect(trouble).toBe('### Troubleshooting\n\nIf the install fails, delete `node_modules` and try again.');
    expect(config).toBe('Configuration\n-------------\n\nSettings live in `.env`.');
  });

  it('keeps headings out of the body and the prose, markup, lists and code in it', () => {
    expect(removedWith(article, 'heading')).toHaveLength(4);
    for (const heading of ['# Installing Quoth', '## From npm', '### Troubleshooting', 'Configuration\n---']) {
      expect(notInBody(article, heading), heading).toBe(true);
    }
    for (const kept of [
      'Quoth runs on **Node 20** or newer. Clone the repository and install the dependencies.',
      'Run `npm install` in the project folder:',
      '# this line is a shell comment, not a heading\nnpm install',
      '- Copy `.env.example` to `.env`.',
      '- Fill in the bot token.',
      'Settings live in `.env`.',
    ]) {
      expect(inBody(article, kept), kept).toBe(true);
    }
    expectWellFormed(article);
  });

  it('keeps a paragraph that spans several lines as one body range', () => {
    const md = articleFrom('note.md', '# Note\n\nFirst line of a paragraph\nand its second line.\n');
    expect(slices(md)).toEqual(['First line of a paragraph\nand its second line.']);
  });

  it('uses a lone first line as the title only when it reads like a headline', () => {
    const headed = articleFrom('a.md', 'Harbour bridge reopens after repairs\n\nThe bridge reopened on Monday.\n');
    expect(headed.source.title).toBe('Harbour bridge reopens after repairs');
    expect(slices(headed)).toEqual(['The bridge reopened on Monday.']);

    const prose = articleFrom('b.md', 'The bridge reopened on Monday after repairs.\n\nTraffic was light.\n');
    expect(prose.source.title).toBeNull();
    expect(slices(prose)).toEqual(['The bridge reopened on Monday after repairs.', 'Traffic was light.']);
  });

  it('reads CRLF files the same way, keeping their line breaks in the text', () => {
    const crlf = GUIDE.replace(/\n/gu, '\r\n');
    const article = articleFrom('guide/install.md', crlf);
    expect(article.text).toBe(crlf);
    expect(article.headings.map((h) => h.title)).toEqual(['Installing Quoth', 'From npm', 'Troubleshooting', 'Configuration']);
    expect(inBody(article, 'Settings live in `.env`.')).toBe(true);
    expectWellFormed(article);
  });

  it('sets aside what a rendered page does not show: comments, link definitions, lines of bare tags', () => {
    const reference = articleFrom(
      'api/util.md',
      [
        '# Util',
        '',
        '<!--introduced_in=v0.10.0-->',
        '',
        '## `util.promisify(original)`',
        '',
        '<!-- YAML',
        'added: v8.0.0',
        '-->',
        '<a id="util_promisify"></a>',
        '',
        'Takes a function following the common error-first callback style and returns a version that returns promises.',
        'See [`util.callbackify()`][] for the other way.',
        '',
        '[`util.callbackify()`]: #utilcallbackifyoriginal',
        '[error-first]: https://nodejs.org/api/errors.html',
        '',
      ].join('\n'),
    );
    expect(slices(reference)).toEqual([
      'Takes a function following the common error-first callback style and returns a version that returns promises.\nSee [`util.callbackify()`][] for the other way.',
    ]);
    expect(removedWith(reference, 'comment')).toEqual(['<!--introduced_in=v0.10.0-->', '<!-- YAML\nadded: v8.0.0\n-->']);
    expect(removedWith(reference, 'link definition')).toEqual(['[`util.callbackify()`]: #utilcallbackifyoriginal', '[error-first]: https://nodejs.org/api/errors.html']);
    expect(removedWith(reference, 'markup')).toEqual(['<a id="util_promisify"></a>']);
    expectWellFormed(reference);
  });

  it("reads a MyST or Docusaurus admonition's body as prose and sets aside its fences, options, targets and tables of contents", () => {
    const md = articleFrom(
      'howto/profiles.md',
      [
        '(profiles)=',
        '# How to use profiles',
        '',
        '```{toctree}',
        ':maxdepth: 1',
        '',
        'explanation/profiles',
        '```',
        '',
        '````{note}',
        ':class: small',
        'Profiles can be applied to containers and virtual machines.',
        '',
        '```bash',
        'lxc profile list',
        '```',
        '````',
        '',
        ':::{tip}',
        'Name profiles after their purpose.',
        ':::',
        '',
        ':::caution',
        'A profile applies to every instance that uses it.',
        ':::',
        '',
        '```{code-block} yaml',
        'config: {}',
        '```',
        '',
      ].join('\n'),
    );
    expect(slices(md)).toEqual([
      'Profiles can be applied to containers and virtual machines.',
      '```bash\nlxc profile list\n```',
      'Name profiles after their purpose.',
      'A profile applies to every instance that uses it.',
      '```{code-block} yaml\nconfig: {}\n```',
    ]);
    expect(removedWith(md, 'markup')).toEqual([
      '(profiles)=',
      '```{toctree}\n:maxdepth: 1\n\nexplanation/profiles\n```',
      '````{note}\n:class: small',
      '````',
      ':::{tip}',
      ':::',
      ':::caution',
      ':::',
    ]);
    expect(md.code?.map((range) => md.text.slice(range.start, range.end))).toEqual(['```bash\nlxc profile list\n```', '```{code-block} yaml\nconfig: {}\n```']);
    expectWellFormed(md);
  });

  it("reads a definition list's term as a term that heads its description, the colon as markup", () => {
    const md = articleFrom(
      'howto/storage_pools.md',
      [
        '# Resize a storage pool',
        '',
        'Replace the following placeholders:',
        '',
        '`<LXD_lib_dir>`',
        ': `/var/snap/lxd/common/lxd/` if you are using the snap, or `/var/lib/lxd/` otherwise.',
        '',
        '`<loop_device>`',
        ': The mounted loop device that is associated with the storage pool image.',
        '  To find your loop device, enter `losetup -l`.',
        '',
        'Then restart the daemon.',
        '',
      ].join('\n'),
    );
    expect(md.headings.map((h) => [h.title, h.term === undefined ? null : md.text.slice(h.term.start, h.term.end)])).toEqual([
      ['Resize a storage pool', null],
      ['<LXD_lib_dir>', '`<LXD_lib_dir>`'],
      ['<loop_device>', '`<loop_device>`'],
    ]);
    const loop = md.headings[2]!;
    expect(md.text.slice(loop.range.start, loop.range.end)).toBe(
      '`<loop_device>`\n: The mounted loop device that is associated with the storage pool image.\n  To find your loop device, enter `losetup -l`.',
    );
    expect(slices(md)).toEqual([
      'Replace the following placeholders:',
      '`/var/snap/lxd/common/lxd/` if you are using the snap, or `/var/lib/lxd/` otherwise.',
      'The mounted loop device that is associated with the storage pool image.\n  To find your loop device, enter `losetup -l`.',
      'Then restart the daemon.',
    ]);
    expect(removedWith(md, 'markup')).toEqual([':', ':']);
    expectWellFormed(md);
  });

  it('reads a fence indented inside a list item as code, as GitHub does', () => {
    const md = articleFrom(
      'readme.md',
      [
        '# Installing',
        '',
        '   1. Update homebrew and install pyenv:',
        '      ```sh',
        '      brew update',
        '      brew install pyenv',
        '      ```',
        '      If you want the latest development head, instead run:',
        '',
        '      ```sh',
        '      brew install pyenv --head',
        '      ```',
        '',
        'Then restart your shell.',
        '',
        '      ```',
        '      an indented fence outside any item is no fence',
        '      ```',
        '',
      ].join('\n'),
    );
    expect(md.code?.map((range) => md.text.slice(range.start, range.end))).toEqual([
      '```sh\n      brew update\n      brew install pyenv\n      ```',
      '```sh\n      brew install pyenv --head\n      ```',
    ]);
    expect(inBody(md, 'If you want the latest development head, instead run:')).toBe(true);
    expectWellFormed(md);
  });

  it('reads each row of a table as an item of its own, without the delimiter row', () => {
    const md = articleFrom(
      'api/fs.md',
      [
        '# Modes',
        '',
        '| Constant | Octal | Description |',
        '| --- | :---: | --- |',
        '| `S_IRUSR` | `0o400` | read by owner |',
        '| `S_IWUSR` | `0o200` | write by owner |',
        '',
        'A line | with a bar',
        '---',
        '',
      ].join('\n'),
    );
    expect(slices(md)).toEqual(['| Constant | Octal | Description |', '| `S_IRUSR` | `0o400` | read by owner |', '| `S_IWUSR` | `0o200` | write by owner |']);
    expect(removedWith(md, 'table rule')).toEqual(['| --- | :---: | --- |']);
    // A delimiter of another cell count is a setext underline: the line above is a heading.
    expect(md.headings.map((h) => h.title)).toEqual(['Modes', 'A line | with a bar']);
    expectWellFormed(md);
  });

  it('skips a file a reader would see nothing of, and says what it held', () => {
    const bytes = new TextEncoder().encode('<!-- Generated; do not edit.\n# Title\n\nText.\n');
    expect(readArticle('gen.md', 'seeds/gen.md', bytes, 'abc')).toEqual({ ok: false, skipped: { path: 'seeds/gen.md', reason: 'no text a reader would see, only: comment' } });
  });

  it('titles a heading with its words as rendered, without inline markup', () => {
    const md = articleFrom(
      'api/fs.md',
      '# File system\n\n## `fs.readFile(path[, options], callback)`\n\nReads a file.\n\n### Class: [`fs.Dir`](#class-fsdir)\n\nA directory.\n\n### The **snake_case_name** option and 2 * 3 * 4\n\nText.\n',
    );
    expect(md.headings.map((h) => h.title)).toEqual(['File system', 'fs.readFile(path[, options], callback)', 'Class: fs.Dir', 'The snake_case_name option and 2 * 3 * 4']);
  });

  it('does not apply news boilerplate rules to Markdown prose', () => {
    const md = articleFrom('c.md', '# Sharing\n\nShare\n\nComments\n\nFollow the project on GitHub.\n');
    expect(slices(md)).toEqual(['Share', 'Comments', 'Follow the project on GitHub.']);
  });
});
