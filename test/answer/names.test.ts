import { describe, expect, it } from 'vitest';
import { answerQuestion, candidateSentences } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { nameKindOf } from '../../src/text/names.js';
import { corpusOf, plainArticle } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

describe('kinds of names, from a lexicon', () => {
  it("knows given names, titles, places and organisations, and says nothing of words it does not hold", () => {
    expect(nameKindOf('Richard')).toBe('person');
    expect(nameKindOf('mayor')).toBe('title');
    expect(nameKindOf('Kyiv')).toBe('place');
    expect(nameKindOf('Germany')).toBe('place');
    expect(nameKindOf('Facebook')).toBe('organization');
    expect(nameKindOf('Klitschko')).toBeUndefined();
  });

  it('answers "who" with a person rather than a place the same sentence names', async () => {
    const history = [
      'The history of the project',
      '',
      'The project was started in Berlin in the spring of 2000 by Margaret Holloway, then a contractor for the city.',
      '',
      'It is maintained by a small team and runs on most operating systems.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('history.txt', history)]);
    expect(answerQuestion(corpus, 'who started the project?').answer).toBe('Margaret Holloway');
  });

  it('does not answer "who" with a sentence that names no one', async () => {
    const corpus = await corpusOf([
      plainArticle('teco', 'The TECO editor was developed at MIT in the 1960s and modified by just about everybody who used it.'),
      plainArticle('mouse', 'The Mouse language was developed by Peter Grogono in 1975 for small computers.'),
    ]);
    expect(answerQuestion(corpus, 'who developed the TECO editor?').status).toBe('no_answer');
    expect(answerQuestion(corpus, 'who developed the Mouse language?').answer).toBe('Peter Grogono');
  });

  it('answers "who wrote X" with the author of X', async () => {
    const corpus = await corpusOf([
      plainArticle('qshape', 'Ralf Hildebrandt tested qshape on large queues. The author of qshape is Victor Duchovni. It prints the queue as a table.'),
      plainArticle('memcache', 'Postfix runs on many systems. Its memcache client was written by Omar Kilani.'),
    ]);
    expect(answerQuestion(corpus, 'who wrote qshape?').answer).toBe('Victor Duchovni');
  });

  it('does not answer "who" with acronyms written together ("CSA SRV"), which name records or protocols', async () => {
    const corpus = await corpusOf([plainArticle('csa', 'Client SMTP authorization checks the client. Exim does not look for CSA SRV records in a top level domain.')]);
    expect(answerQuestion(corpus, 'who wrote the client SMTP authorization in exim?').answer).not.toBe('CSA SRV');
  });

  it('does not answer "who" with a word written with code marks ("F^B", "@user")', async () => {
    const corpus = await corpusOf([plainArticle('teco', 'The first hack at the TECO editor had a bug: the author accidentally omitted the @ in F^B.')]);
    expect(answerQuestion(corpus, 'who is the author of the TECO editor?').answer).not.toBe('F^B');
  });

  it('does not answer "who" with a part of a code path ("ProblemResolver" of "Aptitude::ProblemResolver::Trace-Directory")', async () => {
    const corpus = await corpusOf([
      plainArticle('options', 'If Aptitude::ProblemResolver::Trace-Directory is also set, the same information will also be written to the trace directory.'),
      plainArticle('perl', 'The Net::SMTP module was written by Graham Barr.'),
    ]);
    expect(answerQuestion(corpus, 'who wrote aptitude?').answer).not.toBe('ProblemResolver');
    expect(answerQuestion(corpus, 'who wrote the smtp module?').answer).toBe('Graham Barr');
  });

  it('takes no short answer for "which file" from a piece of a code path ("ProblemResolver")', async () => {
    const corpus = await corpusOf([
      plainArticle('options', 'Note that unless Aptitude::ProblemResolver::Allow-Break-Holds is set to true, the resolver will never break a hold.'),
      plainArticle('locations', "The user's configuration file, ~/.aptitude/config."),
    ]);
    const question = "which file holds a user's aptitude configuration?";
    const holds = candidateSentences(corpus, question).find((sentence) => sentence.view.text.includes('Allow-Break-Holds'));
    expect(holds).toBeDefined();
    expect(holds?.short?.text).not.toBe('ProblemResolver');
    expect(answerQuestion(corpus, question).answer).toBe('~/.aptitude/config');
  });

  it('does not answer "who" with common words written with capitals ("Open Source"), but with a name', async () => {
    const corpus = await corpusOf([
      plainArticle('apt', 'Widely emulated, the tool established a new paradigm for package installation on Open Source operating systems.'),
      plainArticle('leaders', 'Ian Murdock founded Debian in August 1993 and led it until March 1996.'),
    ]);
    expect(answerQuestion(corpus, 'who founded debian?').answer).toBe('Ian Murdock');
    expect(answerQuestion(corpus, 'who established a new paradigm for package installation?').status).toBe('no_answer');
  });

  it('answers "which <noun>" with a name only from a sentence that writes the noun (or its modifier), states the default asked, or ties the name to an asked word', async () => {
    const corpus = await corpusOf([
      plainArticle('quic', 'QUIC limitations: soft-stop is not supported. Connections are closed at once.'),
      plainArticle('stopping', 'The graceful stop is triggered when the SIGUSR1 signal is sent to the haproxy process. It stops accepting new connections.'),
    ]);
    const shortOf = (start: string) =>
      candidateSentences(corpus, 'Which signal makes haproxy stop gracefully (soft stop)?').find((sentence) => sentence.view.text.startsWith(start))?.short?.text;
    expect(shortOf('The graceful stop')).toBe('SIGUSR1');
    expect(shortOf('QUIC limitations')).toBeUndefined();
  });

  it('does not answer "who" with an acronym and common words capitalised together ("JSON Web Tokens")', async () => {
    const corpus = await corpusOf([
      plainArticle('auth', 'Returns the client-provided token found in the authorization data when the Bearer scheme is used (to send JSON Web Tokens for instance).'),
    ]);
    const [sentence] = candidateSentences(corpus, 'who uses the Bearer scheme?');
    expect(sentence?.view.text).toContain('JSON Web Tokens');
    expect(sentence?.short).toBeNull();
  });

  it('does not answer "who" with the name a whole corpus uses under an English word that opens the sentence ("New Debian users")', async () => {
    const filler = Array.from({ length: 12 }, (_, index) => plainArticle(`page${index}`, `Debian keeps package ${index} in its archive for every release.`));
    const corpus = await corpusOf([
      ...filler,
      plainArticle('docs', 'New Debian users should note that the manual pages of many commands are not available until they install the packages that hold them.'),
    ]);
    expect(answerQuestion(corpus, 'who should note that the manual pages of many commands are not available?').answer).not.toBe('New Debian');
  });

  it('does not answer "who" or "where" with a word WordNet knows only as a thing ("Unix"), nor with code ("ErrorLogFormat")', async () => {
    const corpus = await corpusOf([
      plainArticle('daemon', 'The daemon can be accessed locally over a Unix socket or, if configured, remotely over the network.'),
      plainArticle('devlxd', 'This file is a Unix socket which processes inside the instance can connect to.'),
      plainArticle('logs', 'The format of the error log is defined by the ErrorLogFormat directive. Default: ErrorLog logs/error_log (Unix)'),
    ]);
    expect(answerQuestion(corpus, 'who is allowed to access the daemon locally?').status).toBe('no_answer');
    expect(answerQuestion(corpus, 'where is the socket that processes inside the instance connect to?').answer).not.toBe('Unix');
    expect(answerQuestion(corpus, 'where does the server write its error log by default?').answer).toBe('logs/error_log');
  });

  it('answers "who" with a full name whose family name the question writes for what is named after the person', async () => {
    const corpus = await corpusOf([plainArticle('shells', 'The Bourne shell is the traditional Unix shell originally written by Stephen Bourne.')]);
    expect(answerQuestion(corpus, 'who wrote the original bourne shell?').answer).toBe('Stephen Bourne');
  });

  it('answers with a name whole when it ends in marks no word holds ("C++", "C#")', async () => {
    const corpus = await corpusOf([
      plainArticle('build', 'To build the package you will need a C++ compiler and GNU make.'),
      plainArticle('clients', 'The official client library for the service is written in C# and ships with the server.'),
    ]);
    expect(answerQuestion(corpus, 'which compiler do i need to build the package?').answer).toBe('C++');
    expect(answerQuestion(corpus, 'which language is the official client library written in?').answer).toBe('C#');
  });

  it('answers "where" with a town and the place it is in ("Akron, Ohio"), but not with two places of a list', async () => {
    const corpus = await corpusOf([
      plainArticle('unit', 'The station is owned by Akron, Ohio-based Gencorp, a spokesman said.'),
      plainArticle('talks', 'Talks on the treaty were held in Germany, France and Italy last year.'),
    ]);
    expect(answerQuestion(corpus, 'where is Gencorp based?').answer).toBe('Akron, Ohio');
    expect(answerQuestion(corpus, 'where were talks on the treaty held?').answer).not.toBe('Germany, France');
  });

  it('answers "where" with a word in capitals only when the sentence sets it as a place ("in NYC"), not with a setting ("PAGER")', async () => {
    const corpus = await corpusOf([
      plainArticle('pager', 'To use it as the pager of the Korn shell, add to its config file export PAGER="view -" and start a new shell.'),
      plainArticle('meeting', 'The spring meeting of the group was held in NYC, in a borrowed office.'),
    ]);
    expect(answerQuestion(corpus, 'where is the config file of the korn shell?').answer).toBeNull();
    expect(answerQuestion(corpus, 'where was the spring meeting of the group held?').answer).toBe('NYC');
  });

  it('names a person after the title inside a run of capitals, and across a line wrapped inside the name', async () => {
    const corpus = await corpusOf([
      plainArticle('offer', 'HOUSTON, March 3 - Pennzoil Co Chairman J. Hugh Liedtke said the offer was fair.'),
      plainArticle('retire', 'NEW YORK, March 31 - Acme Corp said that its chairman Margaret\nHolloway will retire in June, after twenty years.'),
    ]);
    expect(answerQuestion(corpus, 'who is the chairman of pennzoil?').answer).toBe('J. Hugh Liedtke');
    expect(answerQuestion(corpus, 'who is the chairman of acme?').answer).toBe('Margaret Holloway');
    // A company's ticker in angle brackets is no one's name.
    const named = await corpusOf([plainArticle('board', 'Gulf and Western Inc said it named Pennzoil Co <PZL> chairman and chief executive officer J. Hugh Liedtke to its board.')]);
    expect(answerQuestion(named, 'who is the chairman of pennzoil?').answer).toBe('J. Hugh Liedtke');
  });

  it('counts those killed for "how many died": what was killed died', async () => {
    const corpus = await corpusOf([plainArticle('blast', 'Four people were killed and 12 injured in the blast on Friday, the police said.')]);
    expect(answerQuestion(corpus, 'how many people died in the blast?').answer).toBe('Four people');
  });

  it('answers "which module" with the page\'s name when its sentence speaks of "this module", not with a name it mentions', async () => {
    const page = (name: string, description: string, sentence: string) =>
      articleFrom(`${name}.html`, `<html><head><title>${name} — ${description}</title></head><body><h1>${name} — ${description}</h1><p>${sentence}</p></body></html>`);
    const corpus = await corpusOf([
      page('req', 'Request queues', 'This module provides request queue operations similar to those found in Erlang.'),
      page('zipq', 'Zipped files', 'This module reads and writes zipped archives.'),
    ]);
    expect(answerQuestion(corpus, 'which module provides request queues?').answer).toBe('req');
  });

  it('answers "which event" with the name quoted before the noun ("the \'close\' event")', async () => {
    const html =
      '<html><head><title>Pipes</title></head><body><h1>Pipes</h1><p>The <code>\'close\'</code> event is emitted when the pipe and its buffers are released.</p>' +
      '<p>The <code>\'drain\'</code> event is emitted when the pipe can take more bytes.</p></body></html>';
    const corpus = await corpusOf([articleFrom('pipes.html', html)]);
    expect(answerQuestion(corpus, 'which event is emitted when the pipe is released?').answer).toBe('close');
  });

  it('does not answer "who" with a code identifier, a common word or a lone initial', async () => {
    const notes = [
      'Release notes',
      '',
      'SQLITE_SOURCE_ID is "2018-11-05 20:37:38", the check-in this release was built from.',
      '',
      'In 2018 Windows and Meta/Reintegrate won a place in the build, as N said.',
      '',
      'The library was written by Margaret Holloway in 2000.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('notes.txt', notes)]);
    expect(['SQLITE_SOURCE_ID', 'Windows', 'Meta/Reintegrate', 'N']).not.toContain(answerQuestion(corpus, 'who won in 2018?').answer);
    expect(answerQuestion(corpus, 'who wrote the library?').answer).toBe('Margaret Holloway');
  });

  it('does not answer with the capitalised first word of an option\'s description ("--push-url Print the push URL …")', async () => {
    const manual = '--get-url Expand the URL of the given remote repository, taking any insteadOf setting into account.\n\n--push-url Print the push URL of the remote instead.';
    const corpus = await corpusOf([plainArticle('remote', manual)]);
    for (const question of ['which command expands the URL of a remote?', 'what expands the URL?']) {
      expect(['Expand', 'Print']).not.toContain(answerQuestion(corpus, question).answer);
    }
  });

  it('names a term in capitals above its description, never across the line break or with a trailing stopword ("TIMEFMT\\n\\nThe")', async () => {
    const html =
      '<html><head><title>Parameters</title></head><body><h1>Parameters</h1><dl><dt>TIMEFMT</dt><dd><p>The format of process time reports with the time keyword.</p></dd>' +
      '<dt>TMOUT</dt><dd><p>The number of seconds to wait before a timeout.</p></dd></dl></body></html>';
    const corpus = await corpusOf([articleFrom('params.html', html)]);
    expect(answerQuestion(corpus, 'which parameter holds the format of time reports?').answer).toBe('TIMEFMT');
  });

  it('ends a name where a quoted title starts ("Mad Magazine’s ‘Veeblefetzer’ parodies"), not past the quotation mark', async () => {
    const notes = ['Origins', '', 'The word was first printed by Mad Magazine’s ‘Veeblefetzer’ parodies in 1955.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('origins.txt', notes)]);
    expect(answerQuestion(corpus, 'who first printed the word?').answer).toBe('Mad Magazine');
  });

  it('answers with no piece of a word left when the question\'s own word is cut off it ("TCP/IP" asked about "tcp" → "IP")', async () => {
    const notes = ['Servers', '', 'Programs talk to the server over TCP/IP sockets.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('servers.txt', notes)]);
    expect(answerQuestion(corpus, 'which tcp protocol do programs use?').answer).not.toBe('IP');
  });

  it('answers "which club …" and "the name of the club …" with a name that ends in the word asked ("Tech Model Railroad Club")', async () => {
    const history = ['History', '', 'Much of the slang began at the Tech Model Railroad Club at MIT, which built a huge train layout in 1946.', '', 'The club still meets on Tuesdays.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('history.txt', history)]);
    expect(answerQuestion(corpus, 'which club at MIT built the huge train layout?').answer).toBe('Tech Model Railroad Club');
    expect(answerQuestion(corpus, 'what was the name of the club that built the huge train layout?').answer).toBe('Tech Model Railroad Club');
  });

  it('does not answer "who" with an acronym joined by a hyphen ("CD-ROM"), as with one in capitals alone', async () => {
    const install = await corpusOf([articleFrom('install.txt', 'Network booting launches the installer, which runs as if from the hard drive, a CD-ROM, or a USB key.')]);
    expect(['CD-ROM', 'USB']).not.toContain(answerQuestion(install, 'who launches the installer?').answer);
  });

  it('does not answer "who" with a word in capitals the lexicon knows as no organisation (a signal, a format)', async () => {
    const notes = ['Jobs', '', 'Background jobs that read from the terminal are sent a SIGTTIN signal, as the manual written in 1989 explains.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('jobs.txt', notes)]);
    expect(answerQuestion(corpus, 'who wrote the manual?').answer ?? null).toBeNull();
    // Nor is a function written as called.
    const disk = await corpusOf([articleFrom('disk.txt', 'We found that invoking FlushFileBuffers() on each file written makes writes ten times slower.')]);
    expect(answerQuestion(disk, 'who wrote each file?').answer ?? null).not.toBe('FlushFileBuffers');
    // The lexicon knows "Gil" as a given name, but no one's name is written "GIL".
    const threads = await corpusOf([articleFrom('threads.txt', 'Threads created from C by a library with its own thread management do not hold the GIL.')]);
    expect(answerQuestion(threads, 'who created the threads?').answer ?? null).not.toBe('GIL');
  });

  it('does not answer "who" with the organisation the question names by its abbreviation', async () => {
    const report = [
      'Cocoa',
      '',
      'The International Cocoa Organization (ICCO) buffer stock manager bought 5,000 tonnes of cocoa today, traders said.',
      '',
      'The International Monetary Fund mission to the IMF member country ended on Friday, the Bank of England said.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('cocoa.txt', report)]);
    expect(answerQuestion(corpus, 'who manages the ICCO buffer stock?').answer ?? null).not.toBe('International Cocoa Organization');
    expect(answerQuestion(corpus, 'who sent the IMF mission?').answer ?? null).not.toBe('International Monetary Fund');
    const rules = await corpusOf([articleFrom('rules.txt', 'The buffer stock rules decided by the International Cocoa Organization, ICCO, council will apply from Monday.')]);
    expect(answerQuestion(rules, 'who decided the ICCO buffer stock rules?').answer ?? null).not.toBe('International Cocoa Organization');
  });

  it('reads no name into a capital that opens a sentence or a quotation of the question, and answers without it', async () => {
    const names = (question: string): string[] => analyzeQuestion(question).terms.filter((term) => term.isName).map((term) => term.raw);
    expect(names("keep getting 'Conditional jump or move depends on uninitialised value(s)'. how do i track it down?")).toEqual([]);
    expect(names('my program forks workers. Memcheck reports nothing from them. how do i follow children?')).toEqual([]);
    expect(names('what did Klitschko say about the "Patriot" systems?')).toEqual(['Klitschko', 'Patriot']);
    const manual = 'Memcheck reports the use of uninitialised values. To see where uninitialised values come from, use the --track-origins=yes option.';
    const corpus = await corpusOf([articleFrom('manual.txt', manual)]);
    const answer = answerQuestion(corpus, "I keep getting 'Uninitialised value' errors. how do i see where the uninitialised values come from?");
    expect(answer.quotes[0]?.text).toContain('--track-origins=yes');
  });

  it('ends a name where a date starts ("Odesa July 4, 2025" names "Odesa")', async () => {
    const corpus = await corpusOf([articleFrom('report.txt', 'Smoke covered the port after drones struck Odesa July 4, 2025, officials said.')]);
    expect(answerQuestion(corpus, 'which city did drones strike?').answer).toBe('Odesa');
  });

  it('reads a place typed in lower case as a name, so a question about a place no source names is not answered', async () => {
    const report = 'Drones struck the capital overnight, officials said. Firefighters worked through the night in the capital.';
    const corpus = await corpusOf([articleFrom('report.txt', report)]);
    expect(answerQuestion(corpus, "what's the capital of france?").status).toBe('no_answer');
    expect(answerQuestion(corpus, 'what struck the capital overnight?').status).toBe('answered');
  });
});


describe('where a word comes from', () => {
  it('is told by a sentence, not answered with a place', async () => {
    const corpus = await corpusOf([
      articleFrom(
        'glossary.txt',
        'The term frobnitz comes from the Tech Model Railroad Club, whose members used it for any small gadget. Frobnitz parts were kept in a box in Boston.',
      ),
    ]);
    for (const question of ['where does the word frobnitz come from?', 'wheres the term frobnitz originally from?']) {
      const answer = answerQuestion(corpus, question);
      expect(answer.answer).toBeNull();
      expect(answer.quotes[0]?.text).toMatch(/^The term frobnitz comes from/);
    }
    expect(answerQuestion(corpus, 'where were frobnitz parts kept?').answer).toBe('Boston');
  });

  it('is told by the sentence that says what it comes from, ahead of one that only uses the word', async () => {
    const glossary = [
      ':big-endian:',
      '',
      "[common; From Swift's Gulliver's Travels via the famous paper On Holy Wars and a Plea for Peace by Danny Cohen] Describes an architecture in which the most significant byte has the lowest address.",
      '',
      'Big-endian byte order is also sometimes called network order, and the term big-endian is used of dates too.',
      '',
      ':foo:',
      '',
      'The word foo spread from there to the whole lab. When foo is used with bar it has generally been traced to the WWII-era Army slang acronym FUBAR.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('jargon.txt', glossary)]);
    expect(analyzeQuestion("what's the origin of the word big-endian?").kind).toBe('origin');
    for (const question of ['where does the term big-endian come from?', "what's the origin of the word big-endian?"]) {
      const answer = answerQuestion(corpus, question);
      expect(answer.answer).toBeNull();
      expect(answer.quotes[0]?.text).toContain("Gulliver's Travels");
    }
    // "from there" names no source.
    expect(answerQuestion(corpus, 'where does the word foo come from?').quotes[0]?.text).toContain('WWII-era Army slang');
  });

  it('is looked for at the opening of the word\'s own entry, though that entry never repeats the question\'s words', async () => {
    const glossary = [
      ':kluge:',
      '',
      '[from the German ‘klug’, clever] 1. n. A Rube Goldberg device, whether in hardware or software. 2. n. A clever programming trick.',
      '',
      ':kludge:',
      '',
      'An alternative spelling. European hackers have mostly learned the word kluge from written American sources and tend to pronounce it the British way.',
      '',
      'Some observers consider this mess appropriate in view of the word kluge and its meaning, though the word is common in both countries.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('jargon.txt', glossary)]);
    expect(analyzeQuestion('where does the word kluge come from?').topic).toHaveLength(1);
    expect(answerQuestion(corpus, 'where does the word kluge come from?').quotes[0]?.text).toContain('German ‘klug’');
  });
});

describe('which module, which pragma: the name the noun is given', () => {
  it('answers "which command …" with the command line quoted before the noun, argument and all', async () => {
    const manual = await corpusOf([
      plainArticle('testing', "This can be checked by examining the TIMELEFT value as printed in the output of an 'apcaccess status' command. Run it as root."),
    ]);
    expect(answerQuestion(manual, 'what command shows the TIMELEFT value?').answer).toBe('apcaccess status');
  });

  it('answers "which option …" with the option whose entry describes it, in a section of options', async () => {
    const manual = await corpusOf([
      articleFrom(
        'manual.html',
        `<html><body><h1>UPS Manual</h1><h2>Configure Options</h2><table class="docutils option-list"><tbody>
         <tr><td class="option-group"><kbd><span class="option">--enable-apcsmart</span></kbd></td><td>Turns on generation of the APC Smart driver.</td></tr>
         <tr><td class="option-group"><kbd><span class="option">--enable-usb</span></kbd></td><td>Turns on generation of the USB driver code.</td></tr>
         </tbody></table><p>Run make after configure.</p></body></html>`,
      ),
    ]);
    expect(answerQuestion(manual, 'which configure option turns on the USB driver?').answer).toBe('--enable-usb');
    // An option is no command: its section names options, not commands.
    expect(answerQuestion(manual, 'which command turns on the USB driver?').answer).not.toBe('--enable-usb');
  });

  it('answers with the identifier written next to the asked noun', async () => {
    const corpus = await corpusOf([
      articleFrom('threads.txt', 'The worker_threads module enables the use of threads that execute JavaScript in parallel. Workers are useful for CPU-intensive work.'),
      articleFrom('gzip.txt', 'The zlib module provides compression functionality implemented using Gzip, Deflate/Inflate, and Brotli.'),
      articleFrom('keys.txt', 'Foreign key constraints are disabled by default, so they must be enabled for each database connection with PRAGMA foreign_keys = ON.'),
      articleFrom('main.txt', 'The main module is the one that node runs first.'),
    ]);
    expect(answerQuestion(corpus, 'which module runs JavaScript in parallel threads?').answer).toBe('worker_threads');
    expect(answerQuestion(corpus, 'which module provides gzip compression?').answer).toBe('zlib');
    expect(answerQuestion(corpus, 'which pragma enables foreign key constraints?').answer).toBe('foreign_keys');
    expect(answerQuestion(corpus, 'which module does node run first?').answer).toBeNull();
  });

  it('never answers with the name the question writes as code, but with the other name the sentence writes so', async () => {
    const corpus = await corpusOf([articleFrom('news.txt', 'The --gecos option is being renamed to --comment to get aligned with the passwd terminology. Old scripts keep working.')]);
    expect(answerQuestion(corpus, 'which option replaces --gecos?').answer).toBe('--comment');
  });

  it('answers with a name written in Markdown code after the noun ("the file `lib/x.js`")', async () => {
    const corpus = await corpusOf([
      articleFrom(
        'primordials.md',
        '# Primordials\n\nThe file `lib/internal/per_context/primordials.js` subclasses and stores the JS built-ins that come from the VM.\n',
      ),
    ]);
    expect(answerQuestion(corpus, 'which file stores the JS built-ins?').answer).toBe('lib/internal/per_context/primordials.js');
  });

  it('answers with a name the question writes elsewhere ("csv files" → the csv module), but not with one it writes next to the noun', async () => {
    const corpus = await corpusOf([
      articleFrom('csv.txt', 'PEP 305 - CSV File API\n\nThe Python Enhancement Proposal which proposed this addition.\n\nThe csv module implements classes to read and write tabular data in CSV format.'),
      articleFrom('json.txt', 'The json module exposes an API familiar to users of the marshal and pickle modules.'),
    ]);
    expect(answerQuestion(corpus, 'which module handles csv files?').answer).toBe('csv');
    expect(answerQuestion(corpus, 'which module parses json?').answer).toBe('json');
    // "the json module" is what this question asks about, not its answer.
    expect(answerQuestion(corpus, 'which module is the json module familiar to users of?').answer).not.toBe('json');
    // Nor is the subject that follows the noun's auxiliary.
    const linking = await corpusOf([
      articleFrom('linking.txt', 'For static linking we must list more libraries, as the libraries on which the libxml2 and libxslt libraries depend are also needed.'),
    ]);
    expect(answerQuestion(linking, 'which library does libxslt depend on?').answer).not.toBe('libxslt');
  });

  it('answers with an identifier whose last part is the asked noun ("FFI_DEFAULT_ABI" is an ABI), not a part of it or one that goes on', async () => {
    const corpus = await corpusOf([
      articleFrom('basics.txt', 'To prepare a call interface object, use the function ffi_prep_cif.\n\nabi is the ABI to use; normally FFI_DEFAULT_ABI is what you want. See Multiple ABIs for more information.'),
      articleFrom('abis.txt', 'A given platform may provide multiple different ABIs at once. For instance, the x86 platform has both stdcall and fastcall functions.'),
      articleFrom('cache.txt', 'The cache keeps entries for a while; normally CACHE_SIZE_LIMIT is what bounds the cache in memory.'),
    ]);
    expect(answerQuestion(corpus, 'which ABI should I normally pass to ffi_prep_cif?').answer).toBe('FFI_DEFAULT_ABI');
    // …or whose last part is a noun before the asked one, when the sentence does not write that one ("which ABI setting").
    expect(answerQuestion(corpus, 'which ABI setting do I normally pass to ffi_prep_cif?').answer).toBe('FFI_DEFAULT_ABI');
    expect(answerQuestion(corpus, 'which size bounds the cache in memory?').answer).not.toBe('CACHE_SIZE');
  });

  it('answers "which function …" with the name a texinfo definition heading gives ("Function: void ffi_closure_free (…)"), not one the question writes', async () => {
    const entry = (name: string, returns: string, description: string): string =>
      `<dl class="def"><dt id="index-${name}"><span class="category">Function: </span><span><strong>${returns}</strong> <em>${name} (void *<var>p</var>)</em><a href='#index-${name}' class='copiable-anchor'> &para;</a></span></dt><dd><p>${description}</p></dd></dl>`;
    const page = articleFrom(
      'closures.html',
      `<html><head><title>The Closure API</title></head><body><h3>2.5 The Closure API</h3><p>libffi also provides a way to write a generic function.</p>${entry('ffi_closure_alloc', 'void *', 'Allocate a chunk of memory holding size bytes.')}${entry('ffi_closure_free', 'void', 'Free memory allocated using <code>ffi_closure_alloc</code>.')}</body></html>`,
    );
    const corpus = await corpusOf([page]);
    expect(answerQuestion(corpus, 'which function frees the memory of a closure?').answer).toBe('ffi_closure_free');
    expect(answerQuestion(corpus, 'which function frees the memory I got from ffi_closure_alloc?').answer).not.toBe('ffi_closure_alloc');
    // The heading names a function: it is no answer to a question about another kind of thing.
    expect(answerQuestion(corpus, 'which type is freed with the memory of a closure?').answer).not.toBe('ffi_closure_free');
  });

  it('answers "which function …" with the name of an entry that opens with its signature in a code block (gtk-doc)', async () => {
    const entry = (name: string, description: string): string =>
      `<h3><a name="${name}"></a>Function: ${name}</h3><pre class="programlisting">xmlDocPtr ${name} (xsltStylesheetPtr style,\n\t\t\t xmlDocPtr doc)</pre><p>${description}</p>`;
    const page = articleFrom(
      'transform.html',
      `<html><head><title>transform</title></head><body><h2>transform: the XSLT engine</h2>${entry('xsltRunStylesheet', 'Run the stylesheet and write the result to an output buffer.')}${entry('xsltFreeTransformContext', 'Free up the memory allocated by a transformation context.')}</body></html>`,
    );
    const corpus = await corpusOf([page]);
    expect(answerQuestion(corpus, 'which function frees the memory of a transformation context?').answer).toBe('xsltFreeTransformContext');
  });

  it('answers "where" about software with the path a sentence gives, not with words paired by a slash', async () => {
    const manual = [
      'Aptitude places its per-user configuration at ~/.aptitude/config, which it reads at start.',
      'The cache of downloaded packages is kept in /var/cache/apt/archives until it is cleaned.',
      'Reading and writing is done through the I/O layer, and/or the network.',
      'Trucks cross the U.S./Canada border at Detroit.',
      'Each plugin keeps its state under ~/.local/state/<plugin>-data, one folder per plugin.',
    ].join(' ');
    const corpus = await corpusOf([plainArticle('aptitude', manual)]);
    expect(answerQuestion(corpus, 'where does aptitude keep its per-user configuration?').answer).toBe('~/.aptitude/config');
    expect(answerQuestion(corpus, 'where is the cache of downloaded packages kept?').answer).toBe('/var/cache/apt/archives');
    expect(answerQuestion(corpus, 'where is the reading and writing done?').answer ?? '').not.toMatch(/\//u);
    expect(answerQuestion(corpus, 'where do trucks cross the border?').answer ?? '').not.toMatch(/\//u);
    // A placeholder in angle brackets is part of the path it stands in.
    expect(answerQuestion(corpus, 'where does each plugin keep its state?').answer).toBe('~/.local/state/<plugin>-data');
  });

  it('reads "which one" and "which ones" as asking for no kind of thing: "one" is no noun to find in the answer', () => {
    expect(analyzeQuestion('I set VISUAL and EDITOR to two editors. which one does hg open for the commit message?').focus).toBeNull();
    expect(analyzeQuestion('which ones are deprecated?').focus).toBeNull();
    expect(analyzeQuestion('which two modules are needed?').focus).toBe('modul');
  });

  it('does not start a name with a word that is only ever an adverb ("Sometimes Mercurial needs …")', async () => {
    const corpus = await corpusOf([plainArticle('history', 'Usually Olivia Mackall reviews the patches herself. The project started in 2005.')]);
    expect(answerQuestion(corpus, 'who reviews the patches?').answer).toBe('Olivia Mackall');
  });

  it('reads the verb after the asked noun as a verb, though the tagger may read "parses" as a plural noun', async () => {
    expect(analyzeQuestion('which module parses command line arguments?').focus).toBe('modul');
    expect(analyzeQuestion('which tool compresses files?').focus).toBe('tool');
    expect(analyzeQuestion('which user accounts does apache run as?').focus).toBe('account');
    const seeAlso = articleFrom(
      'getopt.html',
      '<html><body><main><h1>getopt — C-style parser for command line options</h1><dl><dt>Module argparse</dt><dd>Alternative command line option and argument parsing library.</dd></dl></main></body></html>',
    );
    const corpus = await corpusOf([seeAlso]);
    expect(answerQuestion(corpus, 'which module parses command line arguments?').answer).toBe('argparse');
  });

  it('answers "which user account" with the name before "user" when the sentence does not write "account", and reads "www-data" as a name', async () => {
    expect(analyzeQuestion('which user account does the web server run as?')).toMatchObject({ focus: 'account', focusModifiers: ['user'] });
    const corpus = await corpusOf([
      articleFrom('server.txt', 'By default, the web server handles requests under the identity of the www-data user. The MPM in use affects how the server handles requests.'),
      articleFrom('tools.txt', 'You can stage the change with git add and commit it, or remove the file with git rm and commit that.'),
      articleFrom('grep.txt', 'This example uses the grep-status command from the dctrl-tools package, which is not installed by default.'),
    ]);
    expect(answerQuestion(corpus, 'which user account does the web server handle requests as?').answer).toBe('www-data');
    expect(answerQuestion(corpus, 'which package provides the grep-status command?').answer).toBe('dctrl-tools');
    // A name after the noun before the head ("git rm") is the head's only: "which git command …" asks a command.
    expect(answerQuestion(corpus, 'which git command shows who changed each line?').answer).not.toBe('rm');
    // Words a dictionary knows, joined by hyphens, are no name ("a well-known user").
    const known = await corpusOf([articleFrom('users.txt', 'Requests are handled under the identity of a well-known user of the system.')]);
    expect(answerQuestion(known, 'which user account handles requests?').answer).not.toBe('well-known');
  });
});

describe('shorthand and pronouns that look like answers', () => {
  it('names no one with the capitals of a shouted sentence (a licence\'s disclaimer)', async () => {
    const licence = articleFrom(
      'license.txt',
      'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n\nIN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY.',
    );
    const corpus = await corpusOf([licence]);
    expect(answerQuestion(corpus, 'who holds the copyright on this software?').answer ?? '').not.toMatch(/HOLDERS|LIABLE|CLAIM/);
  });

  it('names no option with a dotted abbreviation written with a small letter ("E.g.")', async () => {
    const faq = [
      'Static binaries',
      '',
      '(E.g. if the binary is statically linked, Memcheck sees no allocations.) The --soname-synonyms option tells it where malloc lives.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('faq.txt', faq)]);
    expect(answerQuestion(corpus, 'which option tells memcheck where malloc lives in a statically linked binary?').answer).not.toBe('E.g');
  });

  it('counts no "one" that stands for a noun ("quite an expensive one", "this one")', async () => {
    const { findNumbers } = await import('../../src/answer/numbers.js');
    const { tokenize } = await import('../../src/text/terms.js');
    const values = (text: string): number[] => findNumbers(tokenize(text)).map((mention) => mention.value);
    expect(values('Detecting duplicate errors is quite an expensive one.')).toEqual([]);
    expect(values('Use this one instead.')).toEqual([]);
    expect(values('A standby that cannot be reached is a warm standby, and one that can accept connections is a hot standby.')).toEqual([]);
    expect(values('Only one worker that crashed was restarted.')).toEqual([1]);
    expect(values('One person was killed and a further one billion dollars was pledged.')).toEqual([1, 1_000_000_000]);
  });
});

describe('a description quoted after the term it defines', () => {
  it('takes no name from the capital that opens the description ("scratch⇥Contains text …")', async () => {
    const options = ['Values of the buffer type:', '', 'nofile\tBuffer which is not related to a file and will not be', '\twritten.', 'scratch\tContains text that can be discarded at any time.', '\tIt is never written.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('options.txt', options)]);
    const reply = answerQuestion(corpus, 'which buffer type holds text that can be discarded at any time?');
    expect(reply.answer).not.toBe('Contains');
  });
});

describe('acronyms in the plural', () => {
  it('names no one with things an acronym counts ("UIDs")', async () => {
    const corpus = await corpusOf([plainArticle('ids', 'On most hosts, the daemon gives each container the first 65536 UIDs of the host when it talks to the socket.')]);
    expect(answerQuestion(corpus, 'who is allowed to talk to the daemon socket?').answer).not.toBe('UIDs');
  });
});

describe('a name the corpus never writes', () => {
  it('declines when the question proper names something no passage holds, no English word and no typo ("nginx")', async () => {
    const users = ['Users and Groups', '', 'Many users have a corresponding group.', '', '   operator', '          Historically, the operator user account was used by system', '          operators to dump backups. The operator user is no longer created by default. It had uid 37.', '', '   mail', '          Mailboxes are owned by the mail group. The user is used by MTAs.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('users.txt', users)]);
    expect(answerQuestion(corpus, 'what uid did the operator account have?').answer).toBe('uid 37');
    expect(answerQuestion(corpus, 'what uid does the nginx user get?').status).toBe('no_answer');
    // A typo of a word the corpus writes is read as that word.
    expect(answerQuestion(corpus, 'what uid did the opertor account have?').answer).toBe('uid 37');
  });
});

describe('a name typed in small letters', () => {
  it('is the name the corpus writes in capitals: a passage that does not hold it speaks of something else', async () => {
    const corpus = await corpusOf([
      plainArticle('kerberos', 'Kerberos is an authentication system from MIT. Kerberos tickets expire after a day. A Kerberos realm names a site.'),
      plainArticle('ldap', 'The directory server uses port 389 by default. Clients may ask it for tickets of users.'),
    ]);
    expect(answerQuestion(corpus, 'what port does Kerberos use by default?').status).toBe('no_answer');
    expect(answerQuestion(corpus, 'what port does kerberos use by default?').status).toBe('no_answer');
    expect(answerQuestion(corpus, 'what port does the directory server use by default?').answer).toBe('389');
  });
});

describe('a person named in common words', () => {
  it('is the agent of a passive verb ("written by Bill Joy"), though each word is a common noun', async () => {
    const corpus = await corpusOf([plainArticle('vi', 'The vi editor was written by Bill Joy in 1976. It runs on every Unix.'), plainArticle('open', 'Open Source licences allow changes.')]);
    expect(answerQuestion(corpus, 'who wrote the vi editor?').answer).toBe('Bill Joy');
    expect(answerQuestion(corpus, 'who allows changes?').answer).toBeNull();
  });
});

describe('a type name with its type argument', () => {
  it('is answered whole, with the bracket that closes it ("Rc<T>", not "Rc<T")', async () => {
    const corpus = await corpusOf([plainArticle('rc', 'The smart pointer Rc<T> is not Sync for the same reasons that it is not Send. A Box owns one value.')]);
    expect(answerQuestion(corpus, 'which smart pointer is not Sync?').answer).toBe('Rc<T>');
  });
});

describe('which file, which directory: a path', () => {
  it('answers "which file …" with the path the sentence gives, not a name it writes', async () => {
    const language = [
      '# Shell variables',
      '',
      'Universal variables are shared between all of the user\'s fish sessions on the computer. Fish stores them in the file ~/.config/fish/fish_variables, which it writes whenever one of them changes.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('language.md', language)]);
    expect(answerQuestion(corpus, 'which file does Fish write universal variables into?').answer).toBe('~/.config/fish/fish_variables');
  });
});
