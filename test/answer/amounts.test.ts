import { describe, expect, it } from 'vitest';
import { answerQuestion, candidateSentences } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf, plainArticle } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const first =
  'LONDON, May 4 - Acme Corp said it agreed to buy Beta Inc for 450 mln dlrs in cash.\n' +
  'Acme already holds a 46.1 pct stake in Beta, the company said. The deal is expected to close in June.';
const second = 'Acme Corp will pay 470 mln dlrs for Beta Inc, a person familiar with the deal said. Acme owns 46.1 pct of Beta.';
const third = 'Gamma Ltd said its debt totals $2.5 billion, and that it will repay 300 mln dlrs of it by 1990.';
const fourth = 'Acme chief executive Jane Roe said the deal made sense for both companies.';

describe('amounts: sums of money, shares and sizes', async () => {
  const corpus = await corpusOf([plainArticle('first', first), plainArticle('second', second), plainArticle('third', third), plainArticle('fourth', fourth)]);

  it('reads "how much", "how big" and "what percentage" as asking for an amount', () => {
    expect(analyzeQuestion('How much is Acme paying for Beta?').kind).toBe('amount');
    expect(analyzeQuestion('how big is Gamma’s debt').kind).toBe('amount');
    expect(analyzeQuestion('After the deal, what percentage of Beta does Acme own?').kind).toBe('amount');
    expect(analyzeQuestion('How many shares does Acme own?').kind).toBe('count');
  });

  it('answers with the sum as written, its scale and unit, and shows sources that disagree side by side', () => {
    const answer = answerQuestion(corpus, 'How much is Acme paying for Beta?');
    expect(answer.answer).toMatch(/^4[57]0 mln dlrs$/);
    expect(answer.conflicts[0]?.values.map((value) => value.value).sort()).toEqual(['450', '470']);
  });

  it('keeps a currency sign with its number', () => {
    expect(answerQuestion(corpus, 'How big is Gamma’s debt?').answer).toBe('$2.5 billion');
  });

  it('answers a share with a share, and a "what <noun>" with the number that quantifies that noun', () => {
    expect(answerQuestion(corpus, 'What percentage of Beta does Acme own?').answer).toBe('46.1 pct');
    expect(answerQuestion(corpus, 'What stake does Acme hold in Beta?').answer).toBe('46.1 pct');
  });

  it('says no answer when no source puts a sum to what is asked', () => {
    expect(answerQuestion(corpus, 'How much does the Acme chief executive earn?').status).toBe('no_answer');
  });

  it('answers a default or a limit with the value the sentence gives, not another number in it', async () => {
    const manual = plainArticle(
      'server',
      'Since version 2.1 the server listens on port 8080 by default. At most 64 clients can connect at once, a limit set in 2019.',
    );
    const docs = await corpusOf([manual]);
    expect(analyzeQuestion('What port does the server listen on by default?').kind).toBe('value');
    expect(answerQuestion(docs, 'What port does the server listen on by default?').answer).toBe('8080');
    expect(answerQuestion(docs, 'What is the maximum number of clients that can connect?').answer).toMatch(/^64/);
  });

  it('answers a default that is a word, not a figure, by what the default of the thing asked is said to be; declines when none is', async () => {
    const guide = plainArticle(
      'logging',
      'The new default handler is stored in logging.lastResort. The default level is WARNING, which means that only events of this level and above are tracked.',
    );
    const dns = plainArticle(
      'dns',
      'The built-in DNS server only supports zone transfers. Therefore, the built-in DNS server must be used in combination with an external DNS server, which will transfer the zone.',
    );
    const docs = await corpusOf([guide, dns]);
    expect(analyzeQuestion('which level does logging use by default?').kind).toBe('value');
    expect(answerQuestion(docs, 'which level does logging use by default?').answer).toBe('WARNING');
    expect(answerQuestion(docs, 'which port does the built-in DNS server listen on by default?').status).toBe('no_answer');
  });

  it('takes a labelled value for the label asked ("default value: 4"), not the figure nearest the asked word', async () => {
    const manual = plainArticle('config', 'TAB_SIZE sets the number of spaces in a tab. Minimum value: 1, maximum value: 16, default value: 4.');
    const docs = await corpusOf([manual]);
    expect(answerQuestion(docs, 'What is the default tab size?').answer).toBe('4');
    expect(answerQuestion(docs, 'What is the maximum tab size?').answer).toBe('16');
  });

  it('answers a default stated after a colon or in capitals ("The default value is: NO."), and by its entry\'s name', async () => {
    const manual = articleFrom(
      'config.html',
      `<main><h1>Configuration options</h1><dl>
       <dt><code>OUTPUT_LANGUAGE</code></dt><dd><p>The OUTPUT_LANGUAGE tag is used to specify the language in which all documentation is written.</p>
       <p>The default value is: English.</p></dd>
       <dt><code>EXTRACT_ALL</code></dt><dd><p>If the EXTRACT_ALL tag is set to YES, all entities are assumed documented.</p>
       <p>The default value is: NO.</p></dd>
       </dl></main>`,
    );
    const docs = await corpusOf([manual]);
    expect(answerQuestion(docs, 'What is the default output language?').answer).toBe('English');
    const extract = answerQuestion(docs, 'does EXTRACT_ALL default to on?');
    expect(extract.quotes[0]?.text).toBe('The default value is: NO.');
  });

  it("takes a setting asked as its owner's (\"git daemon's --timeout\") from the owner's page, when the corpus has one", async () => {
    const page = (name: string, options: string) =>
      articleFrom(`${name}.html`, `<html><head><title>${name}(1)</title></head><body><h1>${name}(1)</h1><h2>OPTIONS</h2><dl>${options}</dl></body></html>`);
    const corpus = await corpusOf([
      page(
        'git-daemon',
        '<dt>--timeout=&lt;n&gt;</dt><dd><p>Timeout (in seconds) between the moment the connection is established and the client request is received.</p></dd>' +
          '<dt>--port=&lt;n&gt;</dt><dd><p>Listen on an alternative port.</p></dd>',
      ),
      page(
        'git-credential-cache',
        '<dt>--timeout &lt;seconds&gt;</dt><dd><p>Number of seconds to cache credentials (default: 900).</p></dd>' +
          '<dt>--socket &lt;path&gt;</dt><dd><p>Use path to contact a running cache daemon.</p></dd>',
      ),
    ]);
    expect(answerQuestion(corpus, "what's the default value of git daemon's --timeout option?").status).toBe('no_answer');
    expect(answerQuestion(corpus, "what's the default value of git credential-cache's --timeout option?").answer).toBe('900');
    expect(answerQuestion(corpus, 'what is the default value of --timeout?').answer).toBe('900');
  });

  it('reads "which keyword sets the maximum …" as asking for the keyword, not for a value', () => {
    expect(analyzeQuestion('Which keyword sets the maximum inactivity time on the client side?').kind).toBe('entity');
    expect(analyzeQuestion('which option changes the default editor?').kind).toBe('entity');
    expect(analyzeQuestion('What is the maximum number of clients that can connect?').kind).toBe('count');
    expect(analyzeQuestion('which port does the server listen on by default?').kind).toBe('value');
  });

  it('reads "how do I …" about a default as asking a way to do it, not the value: no figure is put forward as the answer', async () => {
    const manual = plainArticle(
      'config',
      'There is one difference: you must enclose a setting in braces to use spaces in it. ' +
        'Run postconf -n to list the settings of main.cf that differ from the defaults.',
    );
    const docs = await corpusOf([manual]);
    expect(analyzeQuestion('how can I change the default editor?').kind).toBe('other');
    const reply = answerQuestion(docs, 'how do I see which settings in main.cf differ from the defaults?');
    expect(reply.answer).toBeNull();
    expect(reply.quotes[0]?.text).toBe('Run postconf -n to list the settings of main.cf that differ from the defaults.');
  });

  it('answers a default with the number stated of "default", not a nearer one ("from 30 to 62, though the default … remains at 10")', async () => {
    const notes = 'Increase the maximum value of SQLITE_MAX_ATTACHED from 30 to 62 (though the default value remains at 10).';
    const docs = await corpusOf([plainArticle('changes', notes)]);
    expect(answerQuestion(docs, 'what is SQLITE_MAX_ATTACHED set to by default?').answer).toBe('10');
  });

  it('answers a count or a measure asked "by default" with the number stated of the default, without the counted noun', async () => {
    const gc = 'gc.auto: When there are approximately more than this many loose objects in the repository, git gc --auto will pack them. The default value is 6700.';
    const shell = 'FUNCNEST: When the nesting of shell functions is deeper than this, an error is raised. By default the nesting of shell functions may go 500 calls deep.';
    const docs = await corpusOf([plainArticle('gc', gc), plainArticle('shell', shell)]);
    expect(analyzeQuestion('how many loose objects can pile up before git gc --auto packs them, by default?').kind).toBe('count');
    expect(answerQuestion(docs, 'how many loose objects can pile up before git gc --auto packs them, by default?').answer).toBe('6700');
    expect(analyzeQuestion('by default, how deep can shell functions nest before an error is raised?').kind).toBe('quantity');
    expect(answerQuestion(docs, 'by default, how deep can shell functions nest before an error is raised?').answer).toBe('500');
    // Without a value word, a count needs its noun: "The default value is 6700." counts no objects.
    expect(answerQuestion(docs, 'how many loose objects can pile up before git gc --auto packs them?').answer).not.toBe('6700');
  });

  it('reads a default written in parentheses after a word that would mark a past figure ("the last HISTSIZE commands (default 500)")', async () => {
    const shell = 'The shell keeps a history list. The text of the last HISTSIZE commands (default 500) is saved. Other things happen when the shell exits.';
    const docs = await corpusOf([plainArticle('history', shell)]);
    expect(answerQuestion(docs, 'how many commands does the shell keep in its history by default?').answer).toBe('500');
    // Outside a parenthesis the marker still holds: "the last 20 commands" are not the default.
    const past = await corpusOf([plainArticle('history', 'The shell keeps a history list. By default it shows the last 20 commands you ran.')]);
    expect(answerQuestion(past, 'how many commands does the shell keep in its history by default?').answer).not.toBe('20 commands');
  });

  it('asks of a past figure only by a past marker of the question proper, not of the story told before it ("… last night.")', async () => {
    const settings = 'Determines the maximum number of concurrent connections to the database server. The default is typically 100 connections, but might be less if your kernel settings will not support it.';
    const docs = await corpusOf([plainArticle('connections', settings)]);
    const question = 'the server refused us last night. how many concurrent connections will the server accept by default?';
    expect(answerQuestion(docs, question).answer).toBe('100 connections');
    // In the question proper the marker still asks of an earlier figure: the default is no answer to it.
    expect(answerQuestion(docs, 'how many concurrent connections did the server accept by default last year?').answer).not.toBe('100 connections');
  });

  it('does not count or measure with a version number ("Since version 3.5, …")', async () => {
    const notes = 'Since version 3.5, the pool starts its worker threads lazily, when the first task is submitted.';
    const docs = await corpusOf([plainArticle('pool', notes)]);
    expect(answerQuestion(docs, 'how many worker threads does the pool start?').status).toBe('no_answer');
  });

  it('answers "which port / which version" with the number the noun names, "port 8000"', async () => {
    const manual = 'The server listens to port 8000 by default. It serves the files of the folder it was started in.';
    const docs = await corpusOf([plainArticle('server', manual)]);
    expect(answerQuestion(docs, 'which port does the server listen on?').answer).toBe('port 8000');
  });

  it('answers "what port" from the entry of the setting named port, with the value it takes unless set', async () => {
    const help = [
      'web',
      '---',
      '',
      'Web interface configuration.',
      '',
      '``port``',
      '    Port to listen on. (default: 8000)',
      '',
      '``address``',
      '    Interface address to bind to. (default: all)',
      '',
      '``workers``',
      '    The server keeps 4 spare processes around. (default: 2)',
      '',
    ].join('\n');
    const docs = await corpusOf([articleFrom('config.txt', help)]);
    expect(answerQuestion(docs, 'running the server without -p, what port does it end up listening on?').answer).toBe('8000');
    // Under another setting's entry the default is that setting's value, not the port's.
    expect(answerQuestion(docs, 'what port does the worker process use?').answer).not.toBe('2');
  });

  it('answers a default from the sentence that gives it, when the entry\'s other sentences name what it is the default of', async () => {
    const page = [
      '<html><head><title>Automatic Vacuuming</title></head><body><main><h1>Automatic Vacuuming</h1><dl>',
      '<dt>autovacuum_naptime (integer)</dt><dd><p>Specifies the minimum delay between autovacuum runs on any given database. ',
      'In each round the daemon examines the database and issues VACUUM commands as needed. ',
      'If this value is specified without units, it is taken as seconds. The default is one minute (1min).</p></dd>',
      '<dt>autovacuum_max_workers (integer)</dt><dd><p>Specifies the maximum number of autovacuum processes that may be running at any one time. ',
      'The default is three.</p></dd></dl>',
      '<h2>The Autovacuum Daemon</h2><p>The autovacuum daemon actually consists of multiple processes. ',
      'There is a persistent daemon process, called the autovacuum launcher, which starts worker processes for all databases.</p>',
      '</main></body></html>',
    ].join('');
    const docs = await corpusOf([articleFrom('runtime-config-autovacuum.html', page)]);
    const answer = answerQuestion(docs, 'how long does the autovacuum daemon sleep before it looks at the same database again, by default?');
    expect(answer.answer).toBe('one minute');
    expect(answer.quotes[0]?.text).toBe('The default is one minute (1min).');
  });

  it('takes as a unit only a word that may name what is counted: "port 9999 via a socket" is 9999, "450 mln dlrs" keeps its unit', async () => {
    const manual = 'The proxy runs by default on port 9999 via a systemd socket. It caches files for a week.';
    const docs = await corpusOf([plainArticle('proxy', manual)]);
    expect(answerQuestion(docs, 'what port does the proxy listen on by default?').answer).toBe('9999');
    expect(answerQuestion(corpus, 'How much is Acme paying for Beta?').answer).toMatch(/^4[57]0 mln dlrs$/);
  });

  it('does not read the digits of a hyphenated name ("SHA-1", "PDP-10") as a figure', async () => {
    const manual = 'New repositories name every object by its SHA-1 hash by default. The hash is written in hexadecimal.';
    const docs = await corpusOf([plainArticle('objects', manual)]);
    expect(answerQuestion(docs, 'what is the default hash for new repositories?').answer).toBeNull();
  });

  it('does not read a part of an identifier written with hyphens ("R-07343-35026-38447") as a figure, but reads a range ("23-26")', async () => {
    const spec = 'R-07343-35026-38447 The maximum length of a string or BLOB is set by default at compile time.';
    const docs = await corpusOf([plainArticle('requirements', spec)]);
    expect(answerQuestion(docs, 'what is the maximum length of a string?').answer).toBeNull();
    const report = await corpusOf([plainArticle('report', 'Between 23-26 people were injured in the blast, officials said.')]);
    expect(answerQuestion(report, 'how many people were injured in the blast?').answer).toBe('23-26 people');
  });

  it('does not read the number after a named one and a hyphen ("FIPS 151-2") as the end of a range', async () => {
    const standards = 'The standards cost real money and the POSIX.1 (and FIPS 151-2) certification is quite expensive.';
    const docs = await corpusOf([plainArticle('compatibility', standards)]);
    expect(answerQuestion(docs, 'how much does the POSIX.1 certification cost?').answer).toBeNull();
  });

  it('does not answer with a number the question writes itself ("the 10" for "a pdp-10")', async () => {
    const history = await corpusOf([plainArticle('pdp', 'The 10 was eventually eclipsed by the VAX machines when DEC saw that the 10 and VAX lines competed.')]);
    expect(answerQuestion(history, 'how much did a dec pdp-10 cost new?').answer).toBeNull();
    const events = await corpusOf([plainArticle('events', 'Adds a one-time listener function for the event named eventName. By default, a maximum of 10 listeners can be registered for any single event.')]);
    expect(answerQuestion(events, 'how many listeners can i add to one event before a warning?').answer).toBe('10 listeners');
  });

  it('does not read a man page section ("git-merge(1)") or the pronoun "one" ("One can specify …") as a figure', async () => {
    const manual =
      'One can specify a default strategy for all merges with the --strategy option. See the MERGE STRATEGIES section in git-merge(1) for details.';
    const docs = await corpusOf([plainArticle('rebase', manual)]);
    expect(answerQuestion(docs, 'what is the default strategy for merges?').answer).toBeNull();
    const counted = await corpusOf([plainArticle('pool', 'The pool starts one worker by default, and no one needs to configure it.')]);
    expect(answerQuestion(counted, 'how many workers does the pool start by default?').answer).toBe('one worker');
  });

  it('reads a "one" that ends its sentence after "the" as a pronoun ("… as the full-text one"), not a count', async () => {
    const tags = await corpusOf([plainArticle('tags', 'A tag field index resides in a single key and has no key per term for its fields, as the full-text one.')]);
    expect(answerQuestion(tags, 'how many fields can the full-text index have per key?').answer).toBeNull();
    const counted = await corpusOf([plainArticle('pool', 'The pool starts one worker by default. The number of workers in the pool is one.')]);
    expect(answerQuestion(counted, 'how many workers does the pool start by default?').answer).toBe('one worker');
  });

  it('does not read a number in words joined to a noun ("a three-way merge") or "one" before its verb ("where one wants …") as a setting\'s value', async () => {
    const faq = await corpusOf([
      plainArticle('faq', 'By default, when Git does a merge, it uses a strategy called the ort strategy, which does a fancy three-way merge.'),
      plainArticle('notes', 'This strategy is useful if the notes follow a line-based format where one wants to avoid duplicated lines in the merge result.'),
    ]);
    expect(answerQuestion(faq, 'what is the default merge strategy?').answer).not.toBe('three-way');
    expect(answerQuestion(faq, 'what is the default merge strategy for notes?').answer).not.toBe('one wants');
    // A number in digits joined to its unit is the value: "a 30-second timeout".
    const sized = await corpusOf([plainArticle('sizes', 'A 30-second timeout applies by default.')]);
    expect(answerQuestion(sized, 'what is the default timeout?').answer).toBe('30-second');
  });
});


describe('what something costs', () => {
  it('is a sum of money, never a length, a time or a share', async () => {
    const corpus = await corpusOf([
      articleFrom('a.txt', 'The quake damaged 40 km of the pipeline, and the repairs will cost the state company dearly.'),
      articleFrom('b.txt', 'Repairing the pipeline will cost about 150 mln dlrs and take five months, officials said.'),
    ]);
    expect(analyzeQuestion('how much will it cost to repair the pipeline?').kind).toBe('amount');
    expect(answerQuestion(corpus, 'how much will it cost to repair the pipeline?').answer).toBe('150 mln dlrs');
  });

  it('is the sum with its currency sign, even when its digits could be a year ("$2000 one time fee")', async () => {
    const corpus = await corpusOf([articleFrom('support.txt', 'Annual maintenance for the licence costs $2000 one time fee, paid up front.')]);
    expect(answerQuestion(corpus, 'how much does the licence maintenance cost?').answer).toBe('$2000');
  });
});

describe('a price per unit', () => {
  it('is answered with a figure stated per that unit, not with a total in the same sentence', async () => {
    const corpus = await corpusOf([
      articleFrom('a.txt', 'Delta Corp said it will buy back shares for 1.6 billion dlrs, paying 130 dlrs a share, to fend off a hostile bid.'),
      articleFrom('b.txt', 'The hostile bidder offered 2.3 billion dlrs, or a 100-dlr-a-share price, for all of Delta Corp.'),
      articleFrom('c.txt', 'Crude sold for 18 dlrs per barrel in March; the state oil company earned 900 mln dlrs that month.'),
    ]);
    expect(answerQuestion(corpus, 'how much per share is Delta Corp paying in its buy back?').answer).toBe('130 dlrs');
    expect(answerQuestion(corpus, 'how much did crude sell for per barrel in March?').answer).toBe('18 dlrs');
    expect(answerQuestion(corpus, 'how much did the state oil company earn in March?').answer).toBe('900 mln dlrs');
  });

  it('reads the unit past a name before it ("per Brixton share")', async () => {
    const corpus = await corpusOf([articleFrom('a.txt', 'Acme agreed to pay 42 dlrs a share for Brixton Inc, or 900 mln dlrs in all.')]);
    expect(answerQuestion(corpus, 'how much is Acme paying per Brixton share?').answer).toBe('42 dlrs');
  });

  it('is no answer when no source states one', async () => {
    const corpus = await corpusOf([articleFrom('a.txt', 'Epsilon Inc agreed to buy Zeta Ltd for 450 mln dlrs in cash, the companies said.')]);
    expect(answerQuestion(corpus, 'how much per share is Epsilon paying for Zeta?').answer).toBeNull();
  });
});

describe('a number an acronym names', () => {
  it('is a document of a series ("PEP 545"), no count; a currency code before an amount is still its unit', async () => {
    const corpus = await corpusOf([
      plainArticle('whatsnew', 'PEP 545 – Python Documentation Translations. The documentation is now translated into Japanese, French and Korean.'),
      plainArticle('deal', 'The company said it would pay USD 500 million for the stake.'),
    ]);
    expect(answerQuestion(corpus, 'how many times was the documentation translated?').answer).not.toBe('545');
    expect(answerQuestion(corpus, 'how much will the company pay for the stake?').answer).toBe('500 million');
  });

  it('is a part of a document after a capitalised common noun ("see Section 30.5"), but a name before a figure is no label ("lend Ecuador 50,000 barrels")', async () => {
    const corpus = await corpusOf([
      plainArticle('glossary', 'The default checkpoint interval is explained in Section\u00a030.5.'),
      plainArticle('loan', 'Venezuela will lend Ecuador 50,000 barrels per day of crude oil.'),
      plainArticle('spoofing', 'The server must be configured to accept only encrypted connections (Section 21.1) from its clients.'),
    ]);
    expect(answerQuestion(corpus, 'what is the default checkpoint interval?').answer).not.toBe('30.5');
    expect(answerQuestion(corpus, 'how many connections does the server accept?').answer).not.toBe('21.1');
    expect(answerQuestion(corpus, 'how many barrels a day will Venezuela lend Ecuador?').answer).toMatch(/^50,000 barrels/);
  });

  it('is a footnote when written in square brackets ("encoding [1] is the output encoding")', async () => {
    const corpus = await corpusOf([plainArticle('tree', 'The file is written as XML. The encoding [1] is the output encoding, and the default is US-ASCII.')]);
    expect(answerQuestion(corpus, 'what is the default output encoding?').answer).not.toBe('1');
  });

  it('is a label after "number", "No." or "#" ("a detailed snapshot (number 14) is taken"), no count', async () => {
    const manual = [
      'Massif output',
      '',
      'Then the global allocation peak is reached, and a detailed snapshot (number 14) is taken.',
      '',
      'The relay log shows Relay #70 and snapshot No. 9 were taken by the tool.',
      '',
      'Massif takes 25 snapshots for this program.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('massif.txt', manual)]);
    expect(answerQuestion(corpus, 'how many snapshots does massif take?').answer).toBe('25 snapshots');
    expect(answerQuestion(corpus, 'how many snapshots were taken at the peak?').answer ?? null).not.toBe('14');
    expect(answerQuestion(corpus, 'how many relays did the tool take?').answer ?? null).not.toBe('70');
  });
});

describe('a number that counts some of a set', () => {
  it('is no sum ("two of Texaco\'s offers"), though a marked amount before "of" still is ("300 mln dlrs of it")', async () => {
    const corpus = await corpusOf([
      plainArticle('offers', 'In fact, two of Texaco\'s offers to Pennzoil were identical, the company said.'),
      plainArticle('debt', 'Gamma Ltd said it will repay 300 mln dlrs of its debt to the banks by 1990.'),
    ]);
    expect(answerQuestion(corpus, 'how much did Texaco offer Pennzoil?').answer ?? null).not.toBe('two');
    expect(answerQuestion(corpus, 'how much of its debt will Gamma repay to the banks?').answer).toBe('300 mln dlrs');
  });
});

describe('a figure that ends a range', () => {
  it('is quoted with the range it ends ("10-50 times", "between 20 and 50 times"), and a change is no range', async () => {
    const corpus = await corpusOf([
      articleFrom('memcheck.txt', 'Memcheck checks every memory access, making programs run 10-50 times slower than natively.'),
      articleFrom('drd.txt', 'Most applications will run between 20 and 50 times slower under DRD than a native run.'),
      articleFrom('teams.txt', 'Each team has 20 to 30 engineers. The budget rose from 30 to 62 mln dlrs last year.'),
    ]);
    expect(answerQuestion(corpus, 'how much slower do programs run under memcheck?').answer).toBe('10-50 times');
    expect(answerQuestion(corpus, 'how much slower do applications run under DRD?').answer).toBe('between 20 and 50 times');
    expect(answerQuestion(corpus, 'how many engineers does each team have?').answer).toBe('20 to 30 engineers');
    expect(answerQuestion(corpus, 'how much did the budget rise to?').answer ?? '').not.toContain('30 to 62');
  });
});

describe('a default asked, a bound stated', () => {
  it('takes no figure for the default from a sentence that states a maximum instead', async () => {
    const manual = ['# Options', '', '## --num-callers', '', 'Specifies how many entries stack traces show. The maximum value for this is 500.', ''].join('\n');
    const news = ['# Release notes', '', 'Among other changes, the --num-callers flag now has a default value of 12.', ''].join('\n');
    const corpus = await corpusOf([articleFrom('manual.md', manual), articleFrom('news.md', news)]);
    const question = 'what is the default value of --num-callers?';
    const bound = candidateSentences(corpus, question).find((sentence) => sentence.view.text.includes('The maximum value for this is 500.'));
    expect(bound).toBeDefined();
    expect(bound?.short).toBeNull();
    expect(answerQuestion(corpus, question).answer).toBe('12');
  });
});

describe('a count that names its noun first', () => {
  it('reads "the number of X (N …" and "the number of X is N" as N of X', async () => {
    const manual = [
      '# Massif',
      '',
      'Massif takes snapshots of the heap as the program runs. It also discards older snapshots as the program goes on; when it reaches the maximum number of snapshots (100 by default, although changeable with --max-snapshots) half of them are deleted.',
      '',
      '# Threads',
      '',
      'The pool starts with a few workers. The number of worker threads is 8 unless the machine has more cores.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('manual.md', manual), articleFrom('users.txt', 'The number of users grew by 500 last year, the company said.')]);
    expect(answerQuestion(corpus, 'how many snapshots does massif keep?').answer).toBe('100');
    expect(answerQuestion(corpus, 'how many worker threads does the pool have?').answer).toBe('8');
    // A verb after the noun: the number is how much it changed by.
    expect(answerQuestion(corpus, 'how many users are there?').answer ?? null).toBeNull();
  });
});

describe('a sentence of an entry that gives a default', () => {
  it('covers the entry\'s words only when it states the default: a figure, a path or a value said to be it, not a name it happens to write', async () => {
    const manual = [
      '# Pinning',
      '',
      'When newer packages become available, the default configuration provides the most reasonable upgrades (see “Archive level "Release" files”). ' +
        'Each archive gets a pin priority from /etc/apt/preferences. The default pin priority of a regular archive is 500.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('apt.md', manual)]);
    const question = "what pin priority does apt give a regular archive when /etc/apt/preferences doesn't set one?";
    const ranked = candidateSentences(corpus, question);
    const configuration = ranked.find((sentence) => sentence.view.text.startsWith('When newer packages'));
    const stated = ranked.find((sentence) => sentence.view.text.startsWith('The default pin priority'));
    expect(configuration?.features.coverage).toBeLessThan(0.5);
    expect(stated?.features.coverage).toBeGreaterThan(0.5);
  });
});

describe('a unit written after its number', () => {
  it('takes a word as the unit only when space or a hyphen alone parts it from the number, not an operator in an expression', async () => {
    const manual = [
      '# queue_minfree',
      '',
      'By default, the server rejects mail when the free space is less than 1.5*$message_size_limit bytes.',
      '',
      '# Disk',
      '',
      'The spool needs at least 10 MB of free space.',
      '',
    ].join('\n');
    const corpus = await corpusOf([articleFrom('manual.md', manual)]);
    const spans = candidateSentences(corpus, 'how much free space does the server need?').map((sentence) => sentence.short?.text ?? null);
    expect(spans).toContain('10 MB');
    expect(spans).not.toContain('1.5*$message');
  });
});
