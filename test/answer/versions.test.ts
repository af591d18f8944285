import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const notes = [
  'Package entry points',
  '',
  'The "exports" field was added in version 12.7.0 as an alternative to "main".',
  '',
  'Conditional entry points are supported in Node.js 14+ only.',
  '',
  'Roughly 2.5 pct of packages set it, and a licence costs $1.50.',
  '',
  'Dictionary order became part of the language in release 3.7, so every implementation keeps insertion order.',
  '',
].join('\n');

describe('version questions', () => {
  it('reads "which … version" and "since which … version" as asking for a version', () => {
    expect(analyzeQuestion('which node version first supports the "exports" field?').kind).toBe('version');
    expect(analyzeQuestion('since which python version is dict ordering guaranteed?').kind).toBe('version');
    expect(analyzeQuestion('In what Node version did N-API first show up?').kind).toBe('version');
    expect(analyzeQuestion('which module parses arguments?').kind).toBe('entity');
  });

  it('never answers with the version the question itself writes: that is its subject', async () => {
    const releases = await corpusOf([
      articleFrom(
        'releases.txt',
        'Pretest numbering\n\nIf you are about to release version 4.6 of a widget package but want a pretest first, call the pretest version 4.5.90.\n',
      ),
    ]);
    const answer = answerQuestion(releases, 'I am about to ship 4.6 of my widget package. what pretest version number should the pretest get?');
    expect(answer.answer).toBe('4.5.90');
  });

  it('answers with the version number, not a share or a sum', async () => {
    const corpus = await corpusOf([articleFrom('notes.txt', notes)]);
    expect(answerQuestion(corpus, 'which version added the "exports" field?').answer).toBe('12.7.0');
    expect(answerQuestion(corpus, 'since which release is dictionary order kept?').answer).toBe('3.7');
    expect(answerQuestion(corpus, 'which node version supports conditional entry points?').answer).toBe('14+');
    expect(answerQuestion(corpus, 'which version of packages set the licence cost?').answer ?? '').not.toMatch(/2\.5|1\.50/u);
  });

  it('answers with a pre-release whole ("1.3.8pre1", "3.7.0a1"), and takes no measure ("2.5kg") for a version', async () => {
    const corpus = await corpusOf([
      articleFrom('beta.txt', ['Betas', '', 'The first public beta of the parser was version 1.3.8pre1, in the spring.', ''].join('\n')),
      articleFrom('box.txt', ['Shipping', '', 'The shipping box weighs 2.5kg when it is packed for the road.', ''].join('\n')),
    ]);
    expect(answerQuestion(corpus, 'which version was the first public beta of the parser?').answer).toBe('1.3.8pre1');
    expect(answerQuestion(corpus, 'which version of the shipping box is packed for the road?').answer ?? null).toBeNull();
  });

  it('reads the version an entry is new in from the note at its head, quoted with the entry\'s name', async () => {
    const page = [
      '<html><head><title>FetchContent</title></head><body><main><h1>FetchContent</h1>',
      '<h2>FetchContent_Declare</h2><p>New in version 3.11.</p><p>Describes how to populate a dependency.</p>',
      '<p>New in version 3.24: Declared details may also be used by find_package() when FIND_PACKAGE_ARGS is given.</p>',
      '<h2>FetchContent_MakeAvailable</h2><p>New in version 3.14.</p><p>Ensures that each of the named dependencies is made available to the project.</p>',
      '<p>New in version 3.24: If a dependency provider is set, its command is called first.</p>',
      '</main></body></html>',
    ].join('');
    const corpus = await corpusOf([articleFrom('module/FetchContent.html', page)]);
    const answer = answerQuestion(corpus, 'since which cmake version is FetchContent_MakeAvailable available?');
    expect(answer.answer).toBe('3.14');
    expect(answer.quotes[0]?.text.replace(/\s+/gu, ' ')).toBe('FetchContent_MakeAvailable New in version 3.14.');
  });

  it('finds the note at the head of the entry a version question names, among many passages that share its words', async () => {
    const others = Array.from(
      { length: 30 },
      (_, index) => `<h2>Recipe ${String.fromCharCode(97 + (index % 26)).repeat(1 + Math.floor(index / 26))}</h2><p>This recipe calls cmake_path to join paths, whatever cmake version runs it; each version of cmake_path added separators alike.</p>`,
    );
    const page = [
      '<html><head><title>Paths</title></head><body><main><h1>Paths</h1>',
      '<h2>cmake_path</h2><p>New in version 3.20.</p><pre>cmake_path(GET &lt;path-var&gt; ROOT_NAME &lt;out-var&gt;)</pre>',
      '<p>This command is for the manipulation of paths.</p>',
      ...others,
      '</main></body></html>',
    ].join('');
    const corpus = await corpusOf([articleFrom('command/cmake_path.html', page)]);
    expect(answerQuestion(corpus, 'which cmake version added cmake_path?').answer).toBe('3.20');
  });

  it('answers no other question with a note that says nothing but the version its term is new in ("GLOB New in version 3.6.")', async () => {
    const coverage = [
      '<html><head><title>CTestCoverageCollectGCOV</title></head><body><main><h1>CTestCoverageCollectGCOV</h1>',
      '<p>This module provides the ctest_coverage_collect_gcov function.</p><dl>',
      '<dt>GLOB</dt><dd><p>New in version 3.6.</p><p>Recursively search for .gcda files in build_dir rather than reading TargetDirectories.txt.</p></dd>',
      '<dt>DELETE</dt><dd><p>New in version 3.6.</p><p>Delete coverage files after they have been packaged into the tar file.</p></dd>',
      '</dl></main></body></html>',
    ].join('');
    const file = [
      '<html><head><title>file</title></head><body><main><h1>file</h1><h2>Filesystem</h2>',
      '<p>Generate a list of files that match the globbing expressions and store it into the variable.</p>',
      '</main></body></html>',
    ].join('');
    const corpus = await corpusOf([articleFrom('module/CTestCoverageCollectGCOV.html', coverage), articleFrom('command/file.html', file)]);
    expect(answerQuestion(corpus, 'what does GLOB do?').quotes[0]?.text).toBe('Recursively search for .gcda files in build_dir rather than reading TargetDirectories.txt.');
    expect(answerQuestion(corpus, 'since which version can the gcov coverage function GLOB for gcda files?').answer).toBe('3.6');
  });

  it('takes the version from the page title when the sentence does not state it', async () => {
    const whatsNew = articleFrom(
      'whatsnew/3.10.html',
      '<html><head><title>What’s New In Python 3.10</title></head><body><main><h1>What’s New In Python 3.10</h1><p>Structural pattern matching has been added in the form of a match statement.</p></main></body></html>',
    );
    const corpus = await corpusOf([whatsNew, articleFrom('notes.txt', notes)]);
    const answer = answerQuestion(corpus, 'what python version added structural pattern matching?');
    expect(answer.answer).toBe('3.10');
    expect(answer.quotes[0]?.text).toBe('Structural pattern matching has been added in the form of a match statement.');
  });

  it('does not take the documentation\'s own version, in every page\'s title, for an answer', async () => {
    const page = (name: string, sentence: string) =>
      articleFrom(`${name}.html`, `<html><head><title>${name} | Node.js v18.20.4 Documentation</title></head><body><main><h1>${name}</h1><p>${sentence}</p></main></body></html>`);
    const corpus = await corpusOf([page('Packages', 'The imports field allows private mappings inside a package.'), page('Errors', 'An error is thrown when a file is missing.')]);
    expect(answerQuestion(corpus, 'which node version first supports the imports field?').answer).not.toBe('v18.20.4');
  });

  it('reads a release named by its product and number ("Debian 8"), and never a section number for a version', async () => {
    const init = articleFrom(
      'init.html',
      '<html><head><title>Debian Reference</title></head><body><main><h1>3. System initialization</h1><h3>3.1.4. systemd init</h3><p>The init program is linked to systemd after Debian 8 Jessie (released in 2015).</p><h3>6.7 Arrays</h3><p>Bash provides one-dimensional indexed and associative array variables.</p></main></body></html>',
    );
    const corpus = await corpusOf([init]);
    expect(answerQuestion(corpus, 'starting with which Debian release is the init program linked to systemd?').answer).toBe('Debian 8');
    expect(answerQuestion(corpus, 'which bash version first added associative array variables?').answer ?? null).not.toBe('6.7');
  });

  it('does not take an engine named in capitals ("V8") for a version, as it does "v8.0.0"', async () => {
    const text = ['Node-API', '', 'Node-API first shipped with Node.js, independent from the JavaScript engine underneath (for example, V8).', '', 'It was marked stable in v10.0.0 after a long experimental period.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('n-api.txt', text)]);
    expect(answerQuestion(corpus, 'In what Node version did Node-API first ship?').answer ?? null).toBeNull();
    expect(answerQuestion(corpus, 'in which version was Node-API marked stable?').answer).toBe('v10.0.0');
  });
});

describe('a date asked as "what is the date of …"', () => {
  it('asks a time, as "what date …" does, and is answered with the date', async () => {
    expect(analyzeQuestion("what's the actual date on that log entry?").kind).toBe('time');
    expect(analyzeQuestion('what was the release date of version 2.0?').kind).toBe('time');
    expect(analyzeQuestion('what is the response time of the server?').kind).not.toBe('time');
    const history = [
      'The first bug',
      '',
      'The story of the moth taped into the logbook is told in many books and articles about computing history.',
      '',
      'The text of the log entry (from September 9, 1947) reads "First actual case of bug being found".',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('bug.txt', history)]);
    expect(answerQuestion(corpus, "everyone knows the story about the moth taped into a logbook. what's the actual date on that log entry?").answer).toBe('September 9, 1947');
  });
});

describe('a "when did …" that no sentence dates', () => {
  it('is not answered; a year, a date or a release in the sentence, or a release in its page title, answers it', async () => {
    const corpus = await corpusOf([
      articleFrom(
        'choosing.txt',
        ['Choosing a release', '', 'Let us consider what happens when the next version is released as the new stable version.', ''].join('\n'),
      ),
      articleFrom('history.txt', ['History', '', 'The old archive tool was removed from the distribution in 2012 after years of neglect.', ''].join('\n')),
      articleFrom('whatsnew.md', ['# What is new in Tool 3.7', '', '## Reserved keywords', '', 'The async and await names are now reserved keywords of the tool.', ''].join('\n')),
    ]);
    expect(answerQuestion(corpus, 'when was the next version released as the new stable version?').status).toBe('no_answer');
    // "When does …" may ask for a condition, which no date states.
    expect(answerQuestion(corpus, 'when is the next version released as the new stable version?').status).toBe('answered');
    expect(answerQuestion(corpus, 'when was the old archive tool removed from the distribution?').status).toBe('answered');
    expect(answerQuestion(corpus, 'when did async and await become reserved keywords?').status).toBe('answered');
  });
});
