import { describe, expect, it } from 'vitest';
import { answerQuestion, termWeights } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf, plainArticle } from '../helpers.js';

const wire =
  'An earthquake of magnitude 5.9 struck the coast on Tuesday, killing at least 4 people and injuring 120, the agency said. ' +
  'The quake was centred near the port, at a depth of 10 km. ' +
  'It came three weeks after a magnitude 7.1 earthquake killed more than 2,000 people in the region.';
const local = 'Officials said 3 people were killed and 120 were injured when the earthquake hit the coast on Tuesday.';

describe('measures, earlier events and missing counts', async () => {
  const corpus = await corpusOf([plainArticle('wire', wire), plainArticle('local', local)]);

  it('answers "how deep" with the depth, not another number near the quake', () => {
    expect(answerQuestion(corpus, 'How deep was the earthquake?').answer).toBe('10 km');
    expect(answerQuestion(corpus, 'What was the magnitude of the earthquake?')).toMatchObject({ answer: 'magnitude 5.9', conflicts: [] });
  });

  it('answers a measure asked by its adjective with the attribute the sentence names ("how hot" → a temperature)', async () => {
    const furnace = await corpusOf([plainArticle('furnace', 'The new furnace at the plant runs at a temperature of 1,400 degrees, the company said.')]);
    expect(answerQuestion(furnace, 'how hot does the new furnace run?').answer).toBe('1,400 degrees');
  });

  it('takes no setting\'s value from where a change or a range starts ("raised the default from 10 to …")', async () => {
    const notes = await corpusOf([
      plainArticle('changes', 'Version 3.2 raised the default recursion limit of the compiler from 10 to 100. Depths may range from 0 to 500.'),
    ]);
    expect(answerQuestion(notes, 'what is the default recursion limit of the compiler?').answer).toBe('100');
  });

  it('answers "which X" with no bare number of them: "three experimental tools" says how many, not which', async () => {
    const suite = await corpusOf([plainArticle('suite', 'The suite also includes three experimental tools that profile the heap, the stack and the cache.')]);
    expect(answerQuestion(suite, 'which tool profiles the heap?').answer).not.toBe('three');
    const stake = await corpusOf([plainArticle('deal', 'Dixons said it now holds a 46.1 pct stake in Cyclops after buying the block.')]);
    expect(answerQuestion(stake, 'what stake does Dixons hold in Cyclops?').answer).toBe('46.1 pct');
  });

  it('takes no number for a measure whose word is joined into a compound ("three high-level envoys" is no height)', async () => {
    const talks = await corpusOf([
      plainArticle('talks', 'The three high-level Japanese envoys who arrive on Monday will discuss the tariffs. The tower by the harbour is 120 metres high.'),
    ]);
    expect(answerQuestion(talks, 'how high will the tariffs on japanese goods be?').answer).not.toBe('three');
    expect(answerQuestion(talks, 'how high is the tower by the harbour?').answer).toBe('120 metres');
  });

  it('takes no number that counts the measure\'s own word as a plural ("Two pointer values") for its value', async () => {
    const spec = await corpusOf([
      plainArticle('comparison', 'Two pointer values are equal if they point to the same variable or if both have value nil.'),
      plainArticle('directives', 'The table holds 4-byte integer values, and the variable is implicitly zeroed and contains no pointers.'),
      plainArticle('zero', 'Each variable is set to the zero value for its type: 0 for numbers, and nil for pointers and maps.'),
    ]);
    const answer = answerQuestion(spec, 'what is the zero value of a pointer?');
    expect(answer.quotes[0]?.text).toContain('nil for pointers');
    expect(answer.conflicts).toEqual([]);
    // A measure the number names stays its answer, before the measure's word or after it.
    const quake = await corpusOf([plainArticle('quake', 'A 6.4 magnitude earthquake struck the coast on Tuesday.')]);
    expect(answerQuestion(quake, 'what was the magnitude of the earthquake?').answer).toBe('6.4');
  });

  it('reads the "long" of "how long" as the kind of answer, not a word the answer must hold ("for eight hours")', () => {
    const terms = (text: string): string[] => analyzeQuestion(text).terms.map((term) => term.raw);
    expect(terms('how long did the sirens go on for?')).toEqual(['sirens', 'go']);
    expect(terms('How long did the quake last?')).toEqual(['quake', 'last']);
    // Only as the question's kind: a long word elsewhere is a word of the question.
    expect(terms('how many people were hurt in the long night?')).toContain('long');
  });

  it('keeps the toll of the earlier quake ("three weeks after …") out of this one’s count', () => {
    const answer = answerQuestion(corpus, 'How many people were killed in the earthquake?');
    expect(['4 people', '3 people']).toContain(answer.answer);
    expect(answer.conflicts[0]?.values.map((value) => value.value).sort()).toEqual(['3', '4']);
    expect(answer.quotes.map((quote) => quote.text).join(' ')).not.toContain('2,000');
  });

  it('says no answer to "how many" when no source gives the number', () => {
    expect(answerQuestion(corpus, 'How many buildings collapsed in the earthquake?').status).toBe('no_answer');
  });

  it('says no answer to "how long" when no source gives the duration', async () => {
    const question = 'how long does the credential cache helper remember my password by default?';
    const helper = plainArticle('credential-cache', 'By default the credential cache helper remembers your password in memory, so you do not type it again.');
    expect(answerQuestion(await corpusOf([helper]), question).status).toBe('no_answer');
    const both = plainArticle(
      'credentials',
      'By default the credential cache helper remembers your password in memory, so you do not type it again. The store helper keeps passwords on disk, and the cache keeps a password in memory for 15 minutes by default.',
    );
    expect(answerQuestion(await corpusOf([both]), question).answer).toBe('15 minutes');
  });

  it('reads a duration written the compact way of configuration values ("8s"), for "how long" and "how many seconds", but no decade', async () => {
    const docs = await corpusOf([
      plainArticle('metrics', 'The instance metrics are updated when the endpoint is called. They are cached for 8s to handle multiple scrapers.'),
      plainArticle('history', 'The project was started in the 1990s by a group of students.'),
    ]);
    expect(answerQuestion(docs, 'how long does the server cache the instance metrics?').answer).toBe('8s');
    expect(answerQuestion(docs, 'how many seconds are the instance metrics cached?').answer).toBe('8s');
    expect(answerQuestion(docs, 'how long was the project started by the students?').status).toBe('no_answer');
  });

  it('answers "how often" with how often ("every hour", "twice a day", "daily"), and says no answer when no source says', async () => {
    expect(analyzeQuestion('How often does logcheck go through the log files?')).toMatchObject({ kind: 'frequency' });
    // "often" names the kind of answer, as "long" does: no word the answer must hold.
    expect(analyzeQuestion('how often is the cache flushed?').terms.map((term) => term.raw)).toEqual(['cache', 'flushed']);
    const monitor = await corpusOf([
      plainArticle('logcheck', 'The logcheck program monitors log files every hour by default. It mails what it finds to the administrator.'),
      plainArticle('backup', 'The backup job copies the home folders twice a day, and the mail spool is archived daily.'),
      plainArticle('cleaner', 'The cleaner removes old files from the cache when the disk is nearly full.'),
    ]);
    expect(answerQuestion(monitor, 'How often does logcheck go through the log files by default?').answer).toBe('every hour');
    expect(answerQuestion(monitor, 'how often does the backup job copy the home folders?').answer).toBe('twice a day');
    expect(answerQuestion(monitor, 'how often is the mail spool archived?').answer).toBe('daily');
    // A frequency the question writes itself is what it asks about, not its answer; "the daily report" says no how often.
    expect(answerQuestion(monitor, 'how often is the daily mail spool archive made?').answer).not.toBe('daily');
    const report = await corpusOf([plainArticle('report', 'The daily report lists the failed logins. The cleaner empties the cache every week.')]);
    expect(answerQuestion(report, 'how often are the failed logins reported?').status).toBe('no_answer');
    expect(answerQuestion(monitor, 'how often does the cleaner remove old files from the cache?').status).toBe('no_answer');
  });

  it('answers "on what date" with a day, never a month or a year', async () => {
    const releases = await corpusOf([plainArticle('releases', 'Version 2.0 was released in March 2021. Version 3.0 was released on 5 June 2022, a year later.')]);
    const months = await corpusOf([plainArticle('months', 'Version 2.0 was released in March 2021. Work on version 3.0 started in 2022.')]);
    expect(analyzeQuestion('on what date exactly was version 2.0 released?').asksDay).toBe(true);
    expect(analyzeQuestion('what year was version 2.0 released?').asksDay).toBe(false);
    expect(answerQuestion(releases, 'when was version 2.0 released?').answer).toBe('in March 2021');
    expect(answerQuestion(releases, 'on what date exactly was version 3.0 released?').answer).toBe('5 June 2022');
    expect(answerQuestion(months, 'on what date exactly was version 2.0 released?').status).toBe('no_answer');
    expect(answerQuestion(months, 'when was version 2.0 released?').answer).toBe('in March 2021');
  });

  it('does not take a day of a month for the number a question names ("12 August" is no "debian 12")', async () => {
    const history = await corpusOf([plainArticle('history', 'The eighteenth release party took place in Montreal from 31 July to 12 August 2017. Debian 11 was released on 14 August 2021.')]);
    expect(answerQuestion(history, 'when was debian 12 released?').status).toBe('no_answer');
    expect(answerQuestion(history, 'when was debian 11 released?').answer).toBe('14 August 2021');
    expect(answerQuestion(history, 'what took place on 12 August 2017?').status).toBe('answered');
  });

  it('does not date a version the question names with a sentence that names another one beside it ("BIND version 8")', async () => {
    const history = await corpusOf([
      plainArticle(
        'history',
        'The two authors released the first production-ready version of Kestrel version 8 in May 1997. Kestrel version 9 was released in September 2000 and is a rewrite of nearly all of it.',
      ),
      // A manual of Kestrel 9 writes its 9 everywhere: the number weighs little against the other words.
      ...['zones', 'logging', 'views', 'keys'].map((topic) => plainArticle(topic, `Kestrel 9 reads its ${topic} from the configuration file. In Kestrel 9 the ${topic} can be reloaded.`)),
    ]);
    expect(answerQuestion(history, 'When was Kestrel 9 first released?').answer).toBe('in September 2000');
    expect(answerQuestion(history, 'When was Kestrel 8 released?').answer).toBe('in May 1997');
  });

  it('reads "on what exact day" as a date asked', async () => {
    expect(analyzeQuestion('on what exact day did the project get started?')).toMatchObject({ kind: 'time', asksDate: true, asksDay: true });
    const history = await corpusOf([plainArticle('history', 'The project was officially started by Ian Murdock on August 16th, 1993. It grew into a large community.')]);
    expect(answerQuestion(history, 'on what exact day did the project get started?').answer).toBe('August 16th, 1993');
  });

  it('answers a "when" that asks no date with the occasion ("when a login shell exits", "on first boot"), never with the question\'s own', async () => {
    const manual = await corpusOf([
      plainArticle('files', 'The cleanup file is executed when a login shell exits. Vendor data only runs on first boot. When the daemon stops, it prints a summary.'),
    ]);
    expect(answerQuestion(manual, 'when does the cleanup file get executed?').answer).toBe('when a login shell exits');
    expect(answerQuestion(manual, 'when does vendor data run?').answer).toBe('on first boot');
    expect(answerQuestion(manual, 'when does the daemon stop?').answer).toBeNull();
    // A date is asked, and no sentence dates it.
    expect(answerQuestion(manual, 'when did the cleanup file get executed?').status).toBe('no_answer');
    // The number the question writes names which one it asks about.
    const releases = await corpusOf([plainArticle('support', 'Version 16 reaches its end of life when its support window closes.')]);
    expect(answerQuestion(releases, 'when does version 16 reach its end of life?').answer).toBe('when its support window closes');
    expect(answerQuestion(releases, 'when does version 18 reach its end of life?').status).toBe('no_answer');
  });

  it('answers "what time …" with a time or a date, never an occasion ("each time a delivery completes")', async () => {
    const manual = await corpusOf([plainArticle('qmgr', 'The counter is incremented each time a delivery completes. The cleanup file is executed when a login shell exits.')]);
    expect(analyzeQuestion('what time of day does the counter run?')).toMatchObject({ kind: 'time', asksDate: true, asksDay: false });
    expect(answerQuestion(manual, 'what time of day is the counter incremented?').status).toBe('no_answer');
    expect(answerQuestion(manual, 'when is the counter incremented?').answer).toBe('each time a delivery completes');
    expect(answerQuestion(manual, 'what time is the cleanup file executed?').status).toBe('no_answer');
  });

  it('reads a "when" written before its subject, after the question opens, as a clause of the question, not what it asks', () => {
    expect(analyzeQuestion('does the daemon switch on compression by itself when it creates a new pool?').kind).toBe('other');
    // The verb before the subject: the question asks when.
    expect(analyzeQuestion('Does it read the file once, or when exactly does it pick it up?').kind).toBe('time');
    expect(analyzeQuestion("when's the next release?").kind).toBe('time');
    expect(analyzeQuestion('when does the cleanup file get executed?').kind).toBe('time');
    expect(analyzeQuestion('at what point does the commit hook run?').kind).toBe('time');
  });

  it('answers "by default, how many …" only with a figure said to be the default', async () => {
    const manual = await corpusOf([plainArticle('undo', 'If we now undo one change, the text goes back to what it was. Undo is kept in memory.')]);
    expect(answerQuestion(manual, 'by default how many changes can i undo?').answer).toBeNull();
    const options = await corpusOf([plainArticle('options', 'If we now undo one change, the text goes back. The undo levels option sets how many changes can be undone (default 1000).')]);
    expect(answerQuestion(options, 'by default how many changes can i undo?').answer).toBe('1000');
  });

  it('reads a setting asked of as no one has set it ("out of the box", "if I never set it", "unless told otherwise") as asking its default', async () => {
    const options = await corpusOf([
      plainArticle('options', 'The undo levels option sets how many changes can be undone (default 1000). The maximum number of undo levels is 10000.'),
    ]);
    expect(answerQuestion(options, 'how many changes can i undo out of the box?').answer).toBe('1000');
    expect(answerQuestion(options, 'if I never set undo levels, how many changes can be undone?').answer).toBe('1000');
    for (const asked of ['Which port does it listen on unless told otherwise?', 'what port does it use if I leave the config alone?', 'how many rows does it return without any LIMIT clause?', 'what does it print with no arguments?']) {
      expect(analyzeQuestion(asked).terms.some((term) => term.raw === 'default')).toBe(true);
    }
    expect(analyzeQuestion('how do I list files without passing -a each time?').terms.some((term) => term.raw === 'default')).toBe(false);
    // The idiom's own words are no words of the subject; the word it implies weighs as a preamble's word does.
    const idiom = analyzeQuestion('how many keymaps come with it out of the box?');
    expect(idiom.terms.map((term) => term.raw)).toEqual(['keymaps', 'come', 'default']);
    expect(termWeights(options, idiom)[2]).toBeCloseTo(termWeights(options, analyzeQuestion('how many keymaps come with it by default?'))[2]! / 2);
  });

  it('reads no value in a default stated as a behaviour ("defaults to running commands …")', async () => {
    const manual = await corpusOf([
      plainArticle('running', 'Ninja defaults to running commands in parallel, so you rarely pass -j. By default, it looks for a file named build.ninja in the current directory.'),
    ]);
    const answer = answerQuestion(manual, 'what file does ninja read by default?');
    expect(answer.answer).not.toBe('running');
    expect(answer.quotes.map((quote) => quote.text).join(' ')).not.toMatch(/defaults to running/);
    const levels = await corpusOf([plainArticle('levels', 'The default level is WARNING, which means that only events of this level and above are tracked.')]);
    expect(answerQuestion(levels, 'which level does the logger use by default?').answer).toBe('WARNING');
  });

  it('answers "how often" a setting acts by default with the interval it defaults to, and leads with it', async () => {
    const manual = await corpusOf([
      plainArticle('tuning', 'The queue manager scans the deferred queue periodically, and while a deferred queue scan is in progress the queue manager also looks at the incoming queue.'),
      plainArticle('parameters', 'queue_run_delay (default: 300s) The time between deferred queue scans by the queue manager.'),
      plainArticle('mail', 'The mail folder is where new mail is kept. It defaults to ~/Mail for every user.'),
    ]);
    const answer = answerQuestion(manual, 'how often does the queue manager scan the deferred queue by default?');
    expect(answer.answer).toBe('300s');
    expect(answer.quotes[0]?.text).toContain('queue_run_delay');
    expect(answerQuestion(manual, 'how often is new mail kept in the mail folder by default?').answer).toBeNull();
  });

  it('never answers "when" with the dateline, which dates the report', async () => {
    const dated = await corpusOf([
      plainArticle('rules', 'PARIS, June 3 - New export rules take effect in two weeks, the ministry said.'),
      plainArticle('later', 'LONDON, June 9 - The trade ministry said new import rules take effect on July 1.'),
    ]);
    expect(answerQuestion(dated, 'When do the new export rules take effect?').answer).not.toBe('June 3');
    expect(answerQuestion(dated, 'When do the new import rules take effect?').answer).toBe('July 1');
  });

  it('reads a year-like number joined to a number before it as part of a code, not a year ("1003.1-1990")', async () => {
    const standards = await corpusOf([
      plainArticle('posix', 'The shell follows POSIX.1 (IEEE Standard 1003.1-1990), the standard for source code compatibility.'),
      plainArticle('history', 'The project kept its first shell from 1991-1994, and the standard shell was adopted in 1995.'),
    ]);
    expect(answerQuestion(standards, 'What year was the shell standard for source code compatibility written?').answer).toBeNull();
    expect(answerQuestion(standards, 'When did the project keep its first shell?').answer).toBe('1991');
  });
});
