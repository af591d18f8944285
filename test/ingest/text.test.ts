import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/ingest/index.js';
import { toPassages } from '../../src/passages.js';

function read(text: string) {
  const result = readArticle('glossary.txt', 'seeds/glossary.txt', new TextEncoder().encode(text), 'hash');
  if (!result.ok) throw new Error(result.skipped.reason);
  return result.article;
}

const GLOSSARY = `The Glossary
============

Entries follow.

   :bit rot: n.

   Hypothetical disease the existence of which has been deduced from the
   observation that unused programs or features will often stop working.

   :bogon: /boh'gon/, n.

   The elementary particle of bogosity.

Appendix
--------

Notes on the entries.
`;

describe('plain-text structure', () => {
  it('makes glossary headwords and underlined lines headings, and starts a passage at each', () => {
    const article = read(GLOSSARY);
    expect(article.headings.map((heading) => heading.title)).toEqual(['The Glossary', 'bit rot', 'bogon', 'Appendix']);
    const passages = toPassages(article, 0);
    const bitRot = passages.find((passage) => passage.text.startsWith('Hypothetical disease'));
    expect(bitRot?.heading).toBe('bit rot');
    expect(bitRot?.text).not.toContain('bogon');
    expect(passages.find((passage) => passage.text.startsWith('The elementary particle'))?.heading).toBe('bogon');
    expect(passages.find((passage) => passage.text.startsWith('Notes on'))?.heading).toBe('Appendix');
    for (const passage of passages) expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('keeps the entry that starts on its headword\'s line, and takes a line that ends its paragraph for a label', () => {
    const article = read(':frob: v. To manipulate or adjust, to tweak. One frequently frobs bits\n   or other 2-state devices.\n\n:frobnicate: /frob\'ni-kayt/ vt.\n\n   To manipulate or adjust.\n');
    expect(article.headings.map((heading) => heading.title)).toEqual(['frob', 'frobnicate']);
    const passages = toPassages(article, 0);
    expect(passages.map((passage) => [passage.heading, passage.text])).toEqual([
      ['frob', 'v. To manipulate or adjust, to tweak. One frequently frobs bits\n   or other 2-state devices.'],
      ['frobnicate', 'To manipulate or adjust.'],
    ]);
  });

  it('does not take a command line that runs to a colon for a headword', () => {
    const article = read(':pwd[!]\t\t\tPrint the current directory name, as in:\n\nA paragraph follows.\n');
    expect(article.headings).toEqual([]);
  });

  it('does not take a dashed line after a blank line, or a long line, for an underline', () => {
    const article = read(`A title line\n\n------------\n\n${'A sentence that runs on for quite a while. '.repeat(4)}\n${'-'.repeat(172)}\n`);
    expect(article.headings).toEqual([]);
  });
});

describe('plain-text definition lists', () => {
  const CONFIG = `\`\`web\`\`
-------

Web interface configuration.

\`\`port\`\`
    Port to listen on. (default: 8000)

\`\`prefix\`\`
    Prefix path to serve from.
    The root by default.

Options
"""""""

-p, --port PORT
        listen on this port

1. A numbered item
   that goes on.
A line of prose
    indented below it after no blank line.
`;

  it('makes a short line over more indented lines a term heading its description, and reads reStructuredText adornments', () => {
    const article = read(CONFIG);
    expect(article.headings.map((heading) => [heading.title, heading.term !== undefined])).toEqual([
      ['web', false],
      ['port', true],
      ['prefix', true],
      ['Options', false],
      ['-p, --port PORT', true],
    ]);
    const passages = toPassages(article, 0);
    expect(passages.map((passage) => [passage.heading, passage.text])).toContainEqual(['port', '``port``\n    Port to listen on. (default: 8000)']);
    expect(passages.find((passage) => passage.text.includes('Prefix path'))?.text).not.toContain('port');
    // A term governs its indented description only: the list after it stands under the section again.
    expect(passages.find((passage) => passage.text.includes('listen on this port'))?.heading).toBe('-p, --port PORT');
    expect(passages.find((passage) => passage.text.includes('numbered item'))?.heading).toBe('Options');
    for (const passage of passages) expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
  });
});

describe('plain-text dictionaries', () => {
  // FOLDOC's layout, as Debian's dictd files hold it: a headword (or a few names, one a line) at the margin, a blank
  // line, then the indented description, which may hold a table with a ruled header and a wrapped line that starts
  // with words a news page's chrome would start with.
  const DICTIONARY = `heisenbug

   <jargon> A bug that disappears or alters its behaviour when one
   attempts to probe or isolate it.

   (1995-02-08)

image
picture

   1. <data, graphics> Data representing a two-dimensional scene.

    binary  hex    LTRS   FIGS
    --------------------------
     00011  03      A      -

   The term was coined
   by Milton Sirotta, the nephew of a mathematician, and phreaking came to depend
   more on overtly criminal acts such as stealing phone-card
   numbers.

zombie process

   <operating system> A process that has terminated but whose parent has not yet waited for it.
`;

  it('makes a headword over an indented description a term heading, after a blank line or not, and a few names one term', () => {
    const article = read(DICTIONARY);
    expect(article.headings.map((heading) => [heading.title, heading.term !== undefined])).toEqual([
      ['heisenbug', true],
      ['image, picture', true],
      ['zombie process', true],
    ]);
    const passages = toPassages(article, 0);
    expect(passages.find((passage) => passage.text.includes('alters its behaviour'))?.heading).toBe('heisenbug');
    expect(passages.find((passage) => passage.text.includes('two-dimensional'))?.heading).toBe('image, picture');
    expect(passages.find((passage) => passage.text.includes('has not yet waited'))?.heading).toBe('zombie process');
  });

  it("quotes a term with its numbered sense's words, not with the sense's number alone", () => {
    const article = read(`off-by-one bug
obo bug

   1. (Also "obo") A loop that runs once too often or once too few.

   2. Any error that is out by a small amount.
`);
    const passage = toPassages(article, 0).find((candidate) => candidate.heading === 'off-by-one bug, obo bug')!;
    const first = passage.sentences[0]!;
    expect(article.text.slice(first.start, first.end)).toBe('off-by-one bug\nobo bug\n\n   1. (Also "obo") A loop that runs once too often or once too few.');
    // …and with the sense's words when its number opens their sentence ("1. <data> …").
    const image = toPassages(read(DICTIONARY), 0).find((candidate) => candidate.heading === 'image, picture')!;
    expect(read(DICTIONARY).text.slice(image.sentences[0]!.start, image.sentences[0]!.end)).toBe('image\npicture\n\n   1. <data, graphics> Data representing a two-dimensional scene.');
  });

  it('takes no term from prose that leads into an indented example: an indented line, or wrapped lines of many words', () => {
    const article = read(`Verb Doubling

   Standard usage would make this

      bork bork bork

Thanks to poor design of some mail agents one will occasionally
see the entire quoted message after the response like this

      > quoted text
`);
    expect(article.headings.map((heading) => heading.title)).toEqual(['Verb Doubling']);
  });

  it('reads a printed dictionary\'s "HEADWORD, n." as the entry\'s term, the part of speech ending no sentence', () => {
    const article = read(`The Devil's Dictionary

The entries follow, in the order of the alphabet.

ABASEMENT, n.  A decent and customary mental attitude in the presence
of wealth or power.

ACCUSE, v.t. To affirm another's guilt or unworth.

NOTE, e.g. this line is no entry.
`);
    expect(article.headings.map((heading) => heading.title)).toEqual(['ABASEMENT', 'ACCUSE']);
    const passages = toPassages(article, 0);
    expect(passages.find((passage) => passage.text.includes('customary'))?.heading).toBe('ABASEMENT');
    const body = article.body.map((range) => article.text.slice(range.start, range.end));
    expect(body).toContain('A decent and customary mental attitude in the presence');
  });

  it('reads no line of an entry\'s description as chrome: an expansion that starts with "Copyright" is no notice', () => {
    const article = read(`V.E.R.A. -- Virtual Entity of Relevant Acronyms

The acronyms follow, one an entry.

CIT
       Computer Integrated Telephony

CITED
       Copyright In Transmitted Electronic Documents (ESPRIT)
`);
    const body = article.body.map((range) => article.text.slice(range.start, range.end));
    expect(body).toContain('Copyright In Transmitted Electronic Documents (ESPRIT)');
    expect(article.removed.map((removal) => removal.reason)).not.toContain('copyright notice');
  });

  it('keeps a wrapped line of the description that starts as a byline or a "More on …" header, and all after it', () => {
    const article = read(DICTIONARY);
    const body = article.body.map((range) => article.text.slice(range.start, range.end)).join(' ');
    expect(body).toContain('by Milton Sirotta');
    expect(body).toContain('more on overtly criminal acts');
    expect(body).toContain('A process that has terminated');
  });
});

describe('plain-text endings', () => {
  it('keeps the short lines that end a document with headings: they are entries and examples, not a story\'s links', () => {
    const article = read('Options\n=======\n\nThe patcher reads these settings.\n\n``fuzz``\n    Lines of fuzz to allow.\n    (default: 2)\n\nSome sample queries:\n');
    const body = article.body.map((range) => article.text.slice(range.start, range.end));
    expect(body).toEqual(['The patcher reads these settings.', 'Lines of fuzz to allow.', '(default: 2)', 'Some sample queries:']);
  });
});

describe('plain-text tables of contents', () => {
  it('sets aside a long run of short label lines, and keeps prose and short runs', () => {
    const toc = ['Contents', 'Introduction', 'Hacker Slang', 'Jargon Construction', 'Verb Doubling', 'Soundalike Slang', 'Overgeneralization', 'Comparatives', 'Appendix'];
    const text = `${toc.map((line) => `   ${line}\n`).join('\n')}\nThe glossary begins here. It has entries.\n\nShort line\nAnother one\n\nThe last entry ends the glossary.\n`;
    const article = read(text);
    expect(article.removed.filter((removal) => removal.reason === 'table of contents')).toHaveLength(toc.length);
    const kept = article.body.map((range) => article.text.slice(range.start, range.end)).join(' ');
    expect(kept).toContain('The glossary begins here.');
    expect(kept).toContain('Short line');
    expect(kept).not.toContain('Verb Doubling');
  });

  it('keeps a list that a sentence announces: its items are what the sentence says, not contents', () => {
    const items = ['1. The unnamed register', '2. 10 numbered registers 0 to 9', '3. The small delete register', '4. 26 named registers a to z', '5. Three read-only registers', '6. Alternate buffer register', '7. The expression register', '8. The selection registers', '9. The black hole register', '10. Last search pattern register'];
    const article = read(`Registers hold text.\n\nThere are ten types of registers:\n${items.map((item) => `${item}\n`).join('')}\nEach is described below.\n`);
    expect(article.removed.filter((removal) => removal.reason === 'table of contents')).toEqual([]);
    expect(article.body.map((range) => article.text.slice(range.start, range.end)).join(' ')).toContain('4. 26 named registers a to z');
    const contents = read(`Table of contents:\n${items.map((item) => `${item}\n`).join('')}\nRegisters hold text.\n`);
    expect(contents.removed.filter((removal) => removal.reason === 'table of contents')).toHaveLength(items.length);
  });

  it('keeps a table written with bars: its rows are data, not labels', () => {
    const rows = ['63434 | netplan | netplan', '64000 | ftn | fidogate', '64001 | mysql | mysql-server', '64005 | tac-plus | tac-plus user', '64010 | alias | qmail alias', '64011 | qmaild | qmail daemon', '64012 | qmails | qmail send', '64013 | qmailr | qmail remove', '64015 | qmailq | qmail queue'];
    const article = read(`The following uids have been allocated. This is the registry of allocations.\n\nReserved uids:\n${rows.map((row) => `    ${row}\n`).join('')}\nThe registry ends here.\n`);
    expect(article.removed.filter((removal) => removal.reason === 'table of contents')).toEqual([]);
    const passages = toPassages(article, 0);
    expect(passages.map((passage) => passage.text).join('\n')).toContain('64001 | mysql | mysql-server');
  });

  it("heads a table's rows with its header row, over its rule", () => {
    const table = ['The registry of allocations follows.', '', 'Reserved uids:', '    uid   | name     | description', '    ------+----------+------------', '    64001 | mysql    | mysql-server', '    64005 | tac-plus | tac-plus user', '', 'The registry ends here.', ''].join('\n');
    const article = read(table);
    expect(article.headings.map((heading) => heading.title)).toEqual(['uid name description']);
    const passages = toPassages(article, 0);
    expect(passages.find((passage) => passage.text.includes('64001 | mysql'))?.heading).toBe('uid name description');
    expect(passages.find((passage) => passage.text.includes('The registry ends here.'))?.heading).toBe('');
    expect(passages.some((passage) => passage.text.includes('------'))).toBe(false);
  });
});

const VIM_HELP = `*undo.txt*      For Vim version 9.0.  Last change: 2022 Jun 02

\t\t  VIM REFERENCE MANUAL    by Bram Moolenaar

Undo and redo are explained here.

1. Undo and redo commands\t|undo-commands|
2. Undo blocks\t\t|undo-blocks|

==============================================================================
1. Undo and redo commands\t\t\t\t*undo-commands*

<Undo>\t\tor\t\t\t\t\t*undo* *<Undo>* *u*
u\t\t\tUndo [count] changes.

\t\t\t\t\t\t\t*'undolevels'* *'ul'*
'undolevels' 'ul'\tnumber\t(default 100, 1000 for Unix)
\t\t\tglobal
\tMaximum number of changes that can be undone.  Set to 0 for Vi
\tcompatibility.

There are two ways of undoing:\t\t\t\t*undo-two-ways*

UNDO BLOCKS

One undo command normally undoes a typed command.
`;

describe("Vim's help format", () => {
  it('reads tags as anchors, never as text; a line after a rule, or a tagged title alone, is a heading', () => {
    const article = read(VIM_HELP);
    expect(article.headings.map((heading) => heading.title)).toEqual(['undo.txt', '1. Undo and redo commands', "'undolevels' 'ul'", 'UNDO BLOCKS']);
    const passages = toPassages(article, 0);
    // A term at the margin with its description beside it and below it, indented: the term heads the description.
    const levels = passages.find((passage) => passage.text.includes('Maximum number of changes'));
    expect(levels?.heading).toBe("'undolevels' 'ul'");
    expect(levels?.text).toContain("'undolevels' 'ul'\tnumber\t(default 100, 1000 for Unix)");
    // No quote holds a tag, a rule or the first line's tag.
    expect(passages.some((passage) => /\*[^\s*]+\*|=====/u.test(passage.text))).toBe(false);
    expect(passages.map((passage) => passage.text)).toContainEqual(expect.stringContaining('There are two ways of undoing:'));
    expect(passages.find((passage) => passage.text.includes('One undo command'))?.heading).toBe('UNDO BLOCKS');
    for (const passage of passages) expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
  });
});

describe('plain-text terms a spaced colon sets apart', () => {
  it('reads "-c : description" opening a paragraph as a term heading its description, quoted with it', () => {
    const guide = [
      'The following options are supported :',
      '',
      '  -c : only performs a check of the configuration files and exits before trying',
      '    to bind. The exit status is zero if everything is OK.',
      '',
      '  -d : enable debug mode. This disables daemon mode, forces a single process.',
      '',
      'Options may be combined.',
      '',
    ].join('\n');
    const article = read(guide);
    expect(article.headings.map((heading) => heading.title)).toEqual(['-c', '-d']);
    const passages = toPassages(article, 0);
    expect(passages.find((passage) => passage.text.includes('only performs a check'))?.text).toMatch(/^-c : only performs a check/);
    expect(passages.find((passage) => passage.text.includes('Options may be combined.'))?.heading).toBe('');
    // A colon set apart that ends a line labels what follows; nothing is defined there.
    expect(read('The following options are supported :\n\n  none yet.\n').headings).toEqual([]);
  });
});

describe('plain-text lists in two columns', () => {
  it("reads a term with its description at the column of the rows around it as a term heading it (a program's help)", () => {
    const help = ['yq transcodes YAML documents to JSON and passes them to jq.', '', 'optional arguments:', '  -h, --help            show this help message and exit', '  --in-place, -i        Edit files in place (no backup - use caution)', '  --version             show the version number and exit', ''].join('\n');
    const article = read(help);
    expect(article.headings.map((heading) => heading.title)).toEqual(['-h, --help', '--in-place, -i', '--version']);
    const passages = toPassages(article, 0);
    expect(passages.find((passage) => passage.text.includes('Edit files in place'))?.heading).toBe('--in-place, -i');
    // A lone line with a gap in it is no list.
    expect(read('The tool prints one line.\n\nName     the name it prints\n\nThat is all.\n').headings).toEqual([]);
  });
});
