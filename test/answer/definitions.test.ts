import { describe, expect, it } from 'vitest';
import { answerQuestion, candidateSentences } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf, plainArticle } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

/** The opening of an HTML page with its title. */
const pageHead = (title: string): string => `<html><head><title>${title}</title></head><body>`;

const glossary = [
  '# Glossary',
  '',
  '## widget',
  '',
  '[from the old gadget trade.] A small part that does one job. Widgets appear in every build, and a widget never holds state.',
  '',
  '## gadget',
  '',
  'A larger device made of widgets. Every gadget is tested before it ships.',
  '',
  '## widget factory',
  '',
  'Where widgets are made. A widget factory can run for years.',
  '',
].join('\n');

/** A glossary in the Jargon File's plain text: each paragraph (a headword line, a sense, a definition) apart. */
function jargonOf(paragraphs: readonly string[]) {
  return corpusOf([articleFrom('jargon.txt', `${paragraphs.join('\n\n')}\n`)]);
}

describe('definitions: the entry whose heading names what is asked', async () => {
  const corpus = await corpusOf([articleFrom('glossary.md', glossary)]);

  it('finds the subject of a definition question', () => {
    const subject = (text: string): string[] => {
      const question = analyzeQuestion(text);
      return question.topic.map((index) => question.terms[index]!.raw);
    };
    expect(subject('What does util.promisify actually do?')).toEqual(['util', 'promisify']);
    expect(subject('what is massif actually for? saw it in the tool list')).toEqual(['massif']);
    expect(subject('ok so what is a widget factory?')).toEqual(['widget', 'factory']);
    expect(subject('what does PEBKAC stand for? saw it on a ticket')).toEqual(['PEBKAC']);
    expect(subject('whats IFS short for in bash?')).toEqual(['IFS']);
    expect(subject('How many widgets are there?')).toEqual([]);
    expect(subject('what is the meaning of grok?')).toEqual(['grok']);
    expect(subject('define widget factory')).toEqual(['widget', 'factory']);
    expect(subject('what is multiarch, in plain words?')).toEqual(['multiarch']);
    expect(subject('what is write-ahead logging, and what is the basic idea behind it?')).toEqual(['write', 'ahead', 'logging']);
    expect(analyzeQuestion('what is the meaning of grok?').asksDefinition).toBe(true);
    expect(analyzeQuestion('what is the name of the widget?').asksDefinition).toBe(false);
  });

  it('quotes the opening of the entry, with the bracketed aside that introduces it, not a later mention', () => {
    // The next sentence of the paragraph, quoted too, follows it in one quote.
    expect(answerQuestion(corpus, 'What does widget mean?').quotes[0]?.text).toMatch(/^\[from the old gadget trade\.\] A small part that does one job\./);
    expect(answerQuestion(corpus, "what's a gadget?").quotes[0]?.text).toMatch(/^A larger device made of widgets\./);
    expect(answerQuestion(corpus, 'What is a widget factory?').quotes[0]?.text).toMatch(/^Where widgets are made\./);
  });

  it('spells out an abbreviation a corpus uses in hundreds of passages, from the one passage that writes it in parentheses', async () => {
    const pages = Array.from({ length: 160 }, (_, page) =>
      plainArticle(`acl-${page}`, `The ACL number ${page} checks recipients. Each ACL runs its statements in order. An ACL may call another ACL.`),
    );
    const overview = plainArticle('overview', 'Access Control Lists (ACLs) are defined in a separate section of the runtime configuration file.');
    const corpus = await corpusOf([...pages, overview]);
    expect(answerQuestion(corpus, 'what does ACL stand for?').answer).toBe('Access Control Lists');
  });

  it('quotes the sentence that spells out an asked abbreviation, wherever it is', async () => {
    const manual = [
      '# Transport',
      '',
      '## Sending frames',
      '',
      'Frames are sent with the AWP client. Each frame carries a header.',
      '',
      '## Background',
      '',
      'Gadgets talk to each other over the Acme Widget Protocol (AWP), which was first drafted in 1998.',
      '',
      '## AWP limits',
      '',
      'An AWP frame holds at most 64 widgets. Larger frames are split.',
      '',
      '## Gizmo',
      '',
      'The name gizmo is an acronym for the ‘Gadget Interface Zone Management Object’.',
      '',
    ].join('\n');
    const docs = await corpusOf([articleFrom('manual.md', manual)]);
    expect(answerQuestion(docs, 'what does AWP stand for in the frame docs?').quotes[0]?.text).toContain('Acme Widget Protocol (AWP)');
    expect(answerQuestion(docs, 'whats awp short for').quotes[0]?.text).toContain('Acme Widget Protocol (AWP)');
    expect(answerQuestion(docs, 'the frames have a header, what does the AWP part refer to?').quotes[0]?.text).toContain('Acme Widget Protocol (AWP)');
    // The abbreviation may be one word of the subject, written in lower case: "the name awp".
    expect(answerQuestion(docs, 'what does the name awp stand for?').answer).toBe('Acme Widget Protocol');
    // …unless one is written in capitals: that one is asked about, not the other words of the subject.
    expect(answerQuestion(docs, 'whats AWP short for in gizmo?').answer).toBe('Acme Widget Protocol');
    expect(answerQuestion(docs, 'whats gizmo short for?').answer).toBe('Gadget Interface Zone Management Object');
    // "short for" meets a text that says "stands for"; "what's the X … short for" asks what X is.
    const basics = await corpusOf([articleFrom('basics.md', 'The first thing you must do is create a cif object.\n\nThe cif in ffi_cif stands for Call InterFace.')]);
    expect(answerQuestion(basics, "what's the 'cif' in ffi_cif short for? i keep seeing it everywhere").answer).toBe('Call InterFace');
    // "that" points back at the word the preamble ends on, written in small letters as in capitals; an English word is none.
    expect(answerQuestion(docs, 'the frame docs keep saying awp. whats that short for?').answer).toBe('Acme Widget Protocol');
    expect(analyzeQuestion('the docs keep saying awp. whats that short for?').abbreviations).toEqual(['awp']);
    expect(analyzeQuestion('the docs keep saying frame. whats that short for?').abbreviations).toEqual([]);
    // A piece of an identifier is no abbreviation: "__init__" is a name, not "init" to spell out.
    expect(analyzeQuestion('What does __init__ do in a class?').abbreviations).toEqual([]);
    expect(analyzeQuestion('what does e.g. stand for?').abbreviations).toEqual(['e.g']);
  });

  it('finds a long form that a text calls an acronym or an abbreviation, not a sentence where something else "stands for" a word', async () => {
    const manual = [
      '# Naming',
      '',
      '## Section names',
      '',
      'Here XYZ stands for a section name such as Widgets or Gadgets, and a name may be as long as you like.',
      '',
      'Titles of sections are short, and a name is written once.',
      '',
      '## Playfulness',
      '',
      'Even the name “GAG” is an example of playful cleverness: it is a recursive acronym for “GAG Ain’t Gnomish.”',
      '',
    ].join('\n');
    const docs = await corpusOf([articleFrom('manual.md', manual)]);
    expect(answerQuestion(docs, 'what does the name GAG stand for?').quotes[0]?.text).toContain('recursive acronym for');
  });

  it('reads a long form written next to the abbreviation without brackets, as an option list or a module list writes it', async () => {
    const manual = [
      '# Gadget shell',
      '',
      '## The GWL module',
      '',
      'The GWL module contains two related builtin commands. Both take a widget name.',
      '',
      '## Options',
      '',
      'GWL (-G) Use the gadget widget loader.',
      '',
      'NOTIFY (-N) Report widget failures at once.',
      '',
    ].join('\n');
    const docs = await corpusOf([articleFrom('manual.md', manual)]);
    const answer = answerQuestion(docs, 'what does GWL stand for');
    expect(answer.answer).toBe('gadget widget loader');
    expect(answer.quotes[0]?.text).toBe('GWL (-G) Use the gadget widget loader.');
  });

  it('quotes the opening of the page whose title names the subject, past its syntax label', async () => {
    const vacuum =
      pageHead('VACUUM') +
      '<h1>1. Syntax</h1><p><b>vacuum-stmt:</b></p>' +
      '<h1>2. Description</h1><p>The VACUUM command rebuilds the database file, repacking it into a minimal amount of disk space. ' +
      'There are several reasons an application might do this.</p>' +
      '<h1>3. How VACUUM works</h1><p>The VACUUM command works by copying the contents of the database into a temporary file. ' +
      'The VACUUM command may change the row ids of entries in tables.</p></body></html>';
    const tempfiles =
      pageHead('Temporary Files') +
      '<h1>1. Transient databases</h1><p>The VACUUM command works by creating a temporary file and then rebuilding the entire database into it. ' +
      'The temporary file used by the VACUUM command is deleted when the command ends.</p></body></html>';
    const docs = await corpusOf([articleFrom('lang_vacuum.html', vacuum), articleFrom('tempfiles.html', tempfiles)]);
    expect(answerQuestion(docs, 'what does the VACUUM command do?').quotes[0]?.text).toBe(
      'The VACUUM command rebuilds the database file, repacking it into a minimal amount of disk space.',
    );
  });

  it('quotes the opening of the page titled with the subject, which says "this module", over a note that names it under another heading', async () => {
    const module =
      pageHead('imgrab: Camera Input Module') +
      '<h1>imgrab: Camera Input Module</h1><p>Module Name: imgrab</p>' +
      '<h2>Purpose</h2><p>This module provides the ability to read frames from a camera and turn each one into an event. ' +
      'Frames are read one at a time.</p>' +
      '<h2>Parameters</h2><p>The device parameter names the camera to read.</p></body></html>';
    const notes =
      pageHead('Release notes') +
      '<h1>Release notes</h1><h2>imgrab changes</h2><p>Starting with 2.0, imgrab supports wildcards in device names. ' +
      'The old statefile parameter has been deprecated.</p></body></html>';
    const docs = await corpusOf([articleFrom('modules/imgrab.html', module), articleFrom('notes.html', notes)]);
    for (const question of ['What is imgrab?', 'What does the imgrab module do?']) {
      expect(answerQuestion(docs, question).quotes[0]?.text, question).toBe('This module provides the ability to read frames from a camera and turn each one into an event.');
    }
  });

  it('passes over an instruction to the reader at the start of an entry: it tells what to do, not what the subject is', async () => {
    const { addressesReader } = await import('../../src/answer/entries.js');
    expect(addressesReader('To use this tool, you must specify --tool=gizmo on the command line.')).toBe(true);
    expect(addressesReader('If you need a smaller frame, you can pass --small.')).toBe(true);
    expect(addressesReader('One must load the module first.')).toBe(true);
    expect(addressesReader('Gizmo is a frame checker that tells you where a frame breaks.')).toBe(false);
    expect(addressesReader('If the frame is too large, the checker splits it for you.')).toBe(false);
    expect(addressesReader('One of the checks reads every header.')).toBe(false);
    const manual = [
      '# Tools',
      '',
      '## gizmo',
      '',
      'To use this tool, you must specify --tool=gizmo on the command line. Gizmo is a frame checker for widget streams.',
      '',
      'It reads every frame and reports the broken ones.',
      '',
    ].join('\n');
    const docs = await corpusOf([articleFrom('manual.md', manual)]);
    expect(answerQuestion(docs, 'what is gizmo?').quotes[0]?.text).toBe('Gizmo is a frame checker for widget streams.');
  });
});


describe('definitions: a sentence that only names the subject', () => {
  it('is quoted with the next one when that one points back and says what the subject does', async () => {
    const text = [
      '# Hello, Cargo!',
      '',
      'Cargo also provides a command called cargo check. This command quickly checks your code to make sure it compiles but does not produce an executable.',
      '',
      'Cargo builds the project with cargo build and runs it with cargo run.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('hello-cargo.md', text)]);
    const [quote] = answerQuestion(corpus, 'what does cargo check do?').quotes;
    expect(quote?.text).toBe('Cargo also provides a command called cargo check. This command quickly checks your code to make sure it compiles but does not produce an executable.');
    expect(text.slice(quote!.start, quote!.end)).toBe(quote!.text);
    // Not across a paragraph break: quotes join as neighbours only within one.
    const apart = await corpusOf([articleFrom('hello-cargo.md', text.replace('cargo check. This', 'cargo check.\n\nThis'))]);
    expect(answerQuestion(apart, 'what does cargo check do?').quotes.map((shown) => shown.text)).not.toContainEqual(expect.stringMatching(/^This command/u));
  });
});

describe('definitions: a sentence that opens with the subject', () => {
  it('defines it when it says what the subject is, not a state of it or a name it is part of', async () => {
    const manual = [
      '# Gizmo manual',
      '',
      '## Hints and tips',
      '',
      'Gizmo is aware of the frames that a widget reader skips, and reports them too.',
      '',
      '## Output',
      '',
      'By default, the report is called gizmo.out.<pid>, where <pid> is the process ID.',
      '',
      '## Overview',
      '',
      'Gizmo is a frame checker for widget streams.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('gizmo.md', manual)]);
    const { introducesTopic } = await import('../../src/answer/entries.js');
    const { viewSentences } = await import('../../src/answer/sentence.js');
    const question = analyzeQuestion('what is gizmo?');
    const introducing = corpus.passages.flatMap((passage) => viewSentences(passage, question).filter((view) => introducesTopic(view, question.topic)).map((view) => view.text));
    expect(introducing).toEqual(['Gizmo is a frame checker for widget streams.']);
    expect(answerQuestion(corpus, 'what is gizmo?').quotes[0]?.text).toBe('Gizmo is a frame checker for widget streams.');
  });
});

describe('definitions: an entry that opens with an aside or a sense number', () => {
  it('quotes the first sense, not the etymology in brackets or the number before it', async () => {
    const corpus = await jargonOf([
      ':hacker:',
      '[originally, someone who makes furniture with an axe]',
      '1. n.',
      'A person who enjoys exploring the details of programmable systems and how to stretch their capabilities.',
      ':hack:',
      'Quick work that produces what is needed, but not well. A hacker does this often.',
    ]);
    expect(answerQuestion(corpus, 'what is a hacker?').quotes[0]?.text).toMatch(/^A person who enjoys exploring/u);
  });

  it('quotes the first sense over a sentence of the entry that quotes the word itself: that is talk about the word', async () => {
    const corpus = await jargonOf([
      ':bogon:',
      "[very common; by analogy with proton and neutron, and reinforced by the ‘Vogons’ of a novel, whom one character calls ‘Bogons’]",
      '1. n.',
      'The elementary particle of bogosity, see quantum bogodynamics.',
      ':bogometer:',
      'A measure of how many bogons a speaker emits.',
    ]);
    expect(answerQuestion(corpus, 'whats a bogon?').quotes[0]?.text).toMatch(/^The elementary particle of bogosity/u);
  });
});

describe('definitions: an entry that only refers the reader to another', async () => {
  const manual = [
    '# Builtins',
    '',
    '## zprof',
    '',
    'See The zsh/zprof Module.',
    '',
    '## zpty',
    '',
    'See {The zsh/zpty Module}.',
    '',
    '## 22.35 The zsh/zprof Module',
    '',
    'When loaded, zsh/zprof causes shell functions to be profiled. Profiles are printed by the zprof builtin.',
    '',
    '## The zsh/zpty Module',
    '',
    'A builtin for starting a command under a pseudo-terminal. The zpty builtin runs it.',
    '',
  ].join('\n');
  const corpus = await corpusOf([articleFrom('manual.md', manual)]);

  it('reads where "See X" and "See also {X}" send the reader', async () => {
    const { crossReferenceTarget, sectionTitled } = await import('../../src/answer/entries.js');
    expect(crossReferenceTarget('zprof See The zsh/zprof Module.')).toBe('The zsh/zprof Module');
    expect(crossReferenceTarget('See also {bit rot}.')).toBe('bit rot');
    expect(crossReferenceTarget('You should see a prompt once the shell has started and read every startup file.')).toBeNull();
    expect(corpus.passages[sectionTitled(corpus, 'The zsh/zprof Module')!]?.text).toContain('When loaded');
  });

  it('quotes the opening of the entry referred to, not the reference', () => {
    expect(answerQuestion(corpus, 'whats zprof for?').quotes[0]?.text).toMatch(/^When loaded, zsh\/zprof causes shell functions to be profiled\./);
    expect(answerQuestion(corpus, 'what is zpty?').quotes[0]?.text).toMatch(/^A builtin for starting a command under a pseudo-terminal\./);
  });
});

describe('definitions: a term the question quotes, and a sentence that names the term it defines', async () => {
  const manual = [
    '# Releases',
    '',
    '## Uploading',
    '',
    'Ordinarily, the goal is to upload a new release of your package to the widget server. The server checks every upload.',
    '',
    'Three related files (a “bundle”) carry a release: the archive, its signature and a directive.',
    '',
    'When part of a bundle for a release, the directive must name the archive.',
    '',
    '## Change logs',
    '',
    'A change log entry starts with a header line that summarizes the batch.',
    '',
    'Each entry describes the smallest set of changes that belong together, also known as a batch.',
    '',
    '## Column kinds',
    '',
    'Engines with rigid typing convert values to the declared type of their column.',
    '',
    'So that such schemas work here too, every column has a “column kind” that guides conversions.',
    '',
    'The column kind of a table column is the preferred type for the values it stores.',
    '',
    '## Finding data',
    '',
    'If the start directory lacks the data, the program looks next to its executable.',
    '',
    'The finder is called at start-up, and what it finds is kept as the start directory.',
    '',
    'When the program finds its executable, we call the directory it was found in the start directory.',
    '',
  ].join('\n');
  const corpus = await corpusOf([articleFrom('manual.md', manual)]);
  const subject = (text: string): string[] => {
    const question = analyzeQuestion(text);
    return question.topic.map((index) => question.terms[index]!.raw);
  };

  it('reads a quoted phrase as the subject when the question points back at it or names it with more words', () => {
    expect(subject("the upload docs mention a 'bundle'. what is that?")).toEqual(['bundle']);
    expect(subject("the manual talks about the 'start directory'. what does that mean exactly?")).toEqual(['start', 'directory']);
    expect(subject("what counts as a 'batch' when writing change logs?")).toEqual(['batch']);
    expect(subject("a reviewer flagged a 'start directory' bug in my patch. what kind of bug is that?")).toEqual(['start', 'directory']);
    // A word of the subject's own after the quote keeps the whole subject.
    expect(subject("what is a 'sparse' file?")).toEqual(['sparse', 'file']);
    // An apostrophe opens no quotation.
    expect(subject("what is the program's bundle?")).toEqual([]);
    const pointedAt = analyzeQuestion("the upload docs mention a 'bundle'. what is that?");
    expect(pointedAt.terms.find((term) => term.raw === 'bundle')?.isContext).toBe(false);
  });

  it('tells a sentence that names a term from one that only uses it', async () => {
    const { introducesTopic } = await import('../../src/answer/entries.js');
    const { viewSentences } = await import('../../src/answer/sentence.js');
    const question = analyzeQuestion("the manual talks about the 'start directory'. what does that mean exactly?");
    const introduces = corpus.passages.flatMap((passage) =>
      viewSentences(passage, question).map((view) => [view.text, introducesTopic(view, question.topic)] as const),
    );
    expect(introduces.filter(([, named]) => named).map(([text]) => text)).toEqual([
      'When the program finds its executable, we call the directory it was found in the start directory.',
    ]);
  });

  it('quotes the sentence that opens by saying what the subject is, over the first one of its section and one that only quotes it', () => {
    expect(answerQuestion(corpus, 'what is a column kind?').quotes[0]?.text).toBe('The column kind of a table column is the preferred type for the values it stores.');
  });

  it('quotes the sentence that names the term as it defines it', () => {
    expect(answerQuestion(corpus, "the upload docs mention a 'bundle'. what is that?").quotes[0]?.text).toBe(
      'Three related files (a “bundle”) carry a release: the archive, its signature and a directive.',
    );
    expect(answerQuestion(corpus, "what counts as a 'batch' when writing change logs?").quotes[0]?.text).toBe(
      'Each entry describes the smallest set of changes that belong together, also known as a batch.',
    );
    expect(answerQuestion(corpus, "the manual talks about the 'start directory'. what does that mean exactly?").quotes[0]?.text).toBe(
      'When the program finds its executable, we call the directory it was found in the start directory.',
    );
    expect(answerQuestion(corpus, "the upload docs mention a 'bundle'. what sort of file is that?").quotes[0]?.text).toBe(
      'Three related files (a “bundle”) carry a release: the archive, its signature and a directive.',
    );
  });
});

describe('definitions: a subject the question points back at without quoting it', async () => {
  const corpus = await corpusOf([
    articleFrom(
      'dictionary.txt',
      [
        'The Small Dictionary of Computing',
        '',
        'Entries follow, one a headword.',
        '',
        'vaporware',
        '',
        '   Products announced far in advance of any release. The term came from game makers.',
        '',
        'term',
        '',
        '   A program for people running Unix over a dial-up line.',
        '',
        'thrash',
        'thrashing',
        '',
        '   To move wildly without accomplishing anything useful. A cache can be thrashing too.',
        '',
      ].join('\n'),
    ),
  ]);

  it('reads "the term", "that" as the word of the preamble that heads an entry', () => {
    expect(analyzeQuestion('everyone keeps calling that game vaporware. what does the term actually mean?')).toMatchObject({ asksDefinition: true, pointsBack: true });
    expect(answerQuestion(corpus, 'everyone on the forum keeps calling that game vaporware. what does the term actually mean?').quotes[0]?.text).toContain('Products announced far in advance');
    expect(answerQuestion(corpus, 'my prof keeps saying our cache is thrashing. what does that actually mean?').quotes[0]?.text).toContain('To move wildly');
    // Asked on its own, the term is the subject.
    expect(answerQuestion(corpus, 'what is a term?').quotes[0]?.text).toContain('dial-up');
  });
});

/** A function's entry as gtk-doc writes it: its name, its signature in a code block, its description, what it returns. */
function gtkDocEntry(name: string, signature: string, prose: string, returns?: string): string {
  return (
    `<div class="refsect2"><h3>${name} ()</h3><pre class="programlisting">${signature}</pre><p>${prose}</p>` +
    (returns === undefined ? '' : `<div class="refsect3"><h4>Returns</h4><p>${returns}</p></div>`) +
    '</div>'
  );
}

describe('an API reference\'s entries (gtk-doc)', async () => {
  const entry = gtkDocEntry;
  // Thirty functions whose names and text hold "g" and "free" more often than g_free's own entry does.
  const others = Array.from({ length: 30 }, (_, index) =>
    entry(`g_thing${index}_free`, `void g_thing${index}_free (GThing${index} *thing);`, `Frees the thing${index} and its data; free its strings with g_free() first and then free it.`),
  );
  const page = articleFrom(
    'glib-Memory-Allocation.html',
    '<main><h1>Memory Allocation</h1><h2>Functions</h2>' +
      entry('g_strdup', 'gchar * g_strdup (const gchar *str);', 'Duplicates a string.', 'a newly-allocated copy of str') +
      others.join('') +
      entry('g_free', 'void g_free (gpointer mem);', 'Frees the memory pointed to by mem.') +
      '</main>',
  );
  const corpus = await corpusOf([page]);

  it('finds the entry whose heading is the name asked, when the name\'s words are in every entry', () => {
    expect(answerQuestion(corpus, 'What does g_free do?').quotes[0]?.text).toBe('Frees the memory pointed to by mem.');
  });

  it('takes the first prose after an entry\'s signature as its opening: the code before it is no sentence of prose', () => {
    const opening = candidateSentences(corpus, 'What does g_strdup do?').find((sentence) => sentence.view.text === 'Duplicates a string.');
    expect(opening?.features.definitionEntry).toBe(1);
    expect(answerQuestion(corpus, 'What does g_strdup do?').quotes[0]?.text).toBe('Duplicates a string.');
  });
});

describe('a definition asked of a name no page writes', () => {
  it('is not answered from the entry of a name that shares its words ("g_string_reverse" for "g_string_reverse_words")', async () => {
    const entry = gtkDocEntry;
    const page = articleFrom(
      'glib-Strings.html',
      '<main><h1>Strings</h1>' +
        entry('g_queue_reverse', 'void g_queue_reverse (GQueue *queue);', 'Reverses the order of the items in queue.') +
        entry('g_string_reverse', 'GString * g_string_reverse (GString *string);', 'Reverses the words of a GString, in place.') +
        '</main>',
    );
    const corpus = await corpusOf([page]);
    expect(answerQuestion(corpus, 'What does g_string_reverse_words do?').status).toBe('no_answer');
    expect(answerQuestion(corpus, 'What does g_string_reverse do?').quotes[0]?.text).toBe('Reverses the words of a GString, in place.');
  });
});

describe("a command's entry headed by its synopsis", () => {
  it('is the entry of the command the synopsis names, its placeholders aside', async () => {
    const page = articleFrom(
      'commands.html',
      '<main><h1>Special Commands</h1>' +
        "<h2>\\param '['dir']' &lt;parameter-name&gt; { parameter description }</h2>" +
        '<p>Starts a parameter description for a function parameter with name &lt;parameter-name&gt;, followed by a description of the parameter.</p>' +
        '<p>The \\param command has an optional attribute, dir, specifying the direction of the parameter.</p>' +
        '<p>Multiple adjacent \\param commands will be joined into a single paragraph.</p>' +
        '<h2>\\brief { brief description }</h2><p>Starts a paragraph that serves as a brief description.</p>' +
        // Every entry is of a command: the word says little.
        ['author', 'date', 'note', 'since', 'todo', 'warning']
          .map((name) => `<h2>\\${name} { text }</h2><p>The \\${name} command starts a paragraph of its own kind; the command ends at a blank line.</p>`)
          .join('') +
        '</main>',
    );
    const corpus = await corpusOf([page]);
    const opening = candidateSentences(corpus, 'What does the \\param command do?').find((sentence) => sentence.view.text.startsWith('Starts a parameter description'));
    // The heading names \param (with "command", the question's other word): 0.15 while its placeholders counted as words it names.
    expect(opening?.features.definitionEntry).toBeGreaterThan(0.5);
  });
});
