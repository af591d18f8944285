import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { correctQuestionWords, correctSpelling, editDistance } from '../../src/answer/spelling.js';
import { corpusOf, plainArticle, seedCorpus } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

describe('spelling correction against the corpus vocabulary', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('cahce', 'cache')).toBe(1);
    expect(editDistance('genrate', 'generate')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('reads a misspelt word as the closest indexed term, and leaves real words and known terms alone', async () => {
    const corpus = await corpusOf([
      plainArticle('a', 'Vitali Klitschko said the cache keeps recent results. The major release ships today.'),
    ]);
    const { question, corrections } = correctSpelling(corpus, analyzeQuestion('did Klitchko clear the cahce for the mayor?'));
    expect(corrections.map((correction) => [correction.written, correction.term])).toEqual([
      ['Klitchko', 'klitschko'],
      ['cahce', 'cach'],
    ]);
    // "mayor" is an English word the corpus does not use: unknown, not a typo of "major".
    expect(question.terms.find((term) => term.raw === 'mayor')?.forms).toEqual(['mayor']);
  });

  it('reads a short word of the corpus that is no English word with two letters swapped ("stldib", "bulidd")', async () => {
    const corpus = await corpusOf([plainArticle('a', 'The stdlib module reads files. A buildd is a build daemon. The stand lid stays closed.')]);
    const read = (text: string) => correctSpelling(corpus, analyzeQuestion(text)).corrections.map((correction) => [correction.written, correction.term]);
    expect(read('what stldib module reads files?')).toEqual([['stldib', 'stdlib']]);
    expect(read('what does a bulidd do?')).toEqual([['bulidd', 'buildd']]);
    // Two edits that are no swap stay too far for a word this short.
    expect(read('what does a bduldd do?')).toEqual([]);
  });

  it('answers a question with a slip in one word as it answers it typed right: a correction is little evidence against it', async () => {
    const corpus = await seedCorpus();
    const right = answerQuestion(corpus, 'Who is the Kremlin spokesman?');
    const slipped = answerQuestion(corpus, 'Who is the Kremlin spoeksman?');
    expect(right.answer).toBe('Dmitry Peskov');
    expect(slipped.answer).toBe(right.answer);
    expect(slipped.didYouMean).toBe('Who is the Kremlin spokesman?');
  });

  it('reads a name the corpus never writes as another name, never as a common word ("Redis" is no "relies")', async () => {
    const corpus = await corpusOf([plainArticle('a', 'The LDAP server listens on port 389 by default. The client relies on the LDAP server for lookups.')]);
    expect(correctSpelling(corpus, analyzeQuestion('what is the default port of the Redis server?')).corrections).toEqual([]);
    expect(answerQuestion(corpus, 'what is the default port of the Redis server?').status).toBe('no_answer');
  });
});

describe('a mistyped question word that is also a rare English word', () => {
  it('is read as the question word where a question word stands, when the corpus never writes it ("wich city …")', async () => {
    const corpus = await corpusOf([plainArticle('report', 'Drones struck Odesa overnight, officials said. The port city lost power.')]);
    expect(answerQuestion(corpus, 'wich city did the drones strike?').didYouMean).toBe('which city did the drones strike?');
    expect(answerQuestion(corpus, 'wich city did the drones strike?').answer).toBe('Odesa');
    // Inside the question it is a word like any other; and a corpus that writes it means it.
    expect(correctQuestionWords('what does the wen do', () => false).corrections).toEqual([]);
    expect(correctQuestionWords('wich elm grows here?', () => true).corrections).toEqual([]);
  });
});

describe('a mistyped stopword', () => {
  it('is read as the stopword ("befor", "shoud", "teh") before the question is, unless the corpus writes it or it is a name', async () => {
    const corpus = await corpusOf([
      plainArticle('memory', 'The default work memory is four megabytes. Sorts spill to temporary files once they outgrow it.'),
      plainArticle('tools', 'The util module and the BTS tracker are described elsewhere. Sorts are stable. At least 23 people were hurt.'),
    ]);
    const writes = (word: string): boolean => ['util', 'bts', 'sorts'].includes(word);
    const read = correctQuestionWords('shoud sorts spill to temporary files befor teh memory runs out?', writes);
    expect(read.text).toBe('should sorts spill to temporary files before the memory runs out?');
    expect(read.corrections.map((correction) => [correction.written, correction.word])).toEqual([
      ['shoud', 'should'],
      ['befor', 'before'],
      ['teh', 'the'],
    ]);
    expect(answerQuestion(corpus, 'what is the default work memory befor sorts spill?').didYouMean).toBe('what is the default work memory before sorts spill?');
    // Read before the question is, so that "teh number of …" asks a count.
    expect(answerQuestion(corpus, 'teh number of people hurt?').answer).toBe('23 people');
    // A short word is a swapped stopword only: "uid" is one changed letter from "did", and no typo of it.
    expect(correctQuestionWords('what uid does the nginx user get?', () => false).corrections).toEqual([]);
    // "util" is one edit from "until" but the corpus writes it; "BTS" is a name.
    expect(correctQuestionWords('what does util say about BTS?', writes).corrections).toEqual([]);
    expect(answerQuestion(corpus, 'what does util say about BTS?').didYouMean).toBeNull();
    // A slip keeps the word's first letter: "turing" (a name typed small) is no "during".
    expect(correctQuestionWords('what year did guido win the turing award?', () => false).corrections).toEqual([]);
  });
});

describe('a mistyped adverb', () => {
  it('is read as the one adverb it is an edit from ("actualy", "acutally", "originaly"), before the question is', () => {
    const nothingWritten = (): boolean => false;
    expect(correctQuestionWords('what is massif actualy for?', nothingWritten).text).toBe('what is massif actually for?');
    expect(correctQuestionWords('what does rerere acutally do?', nothingWritten).text).toBe('what does rerere actually do?');
    // One edit from "original" too, but that is no adverb.
    expect(correctQuestionWords('who originaly wrote it?', nothingWritten).corrections.map((correction) => correction.word)).toEqual(['originally']);
    // A word the corpus writes, an English word, or a name is left as written.
    expect(correctQuestionWords('what is massif actualy for?', (word) => word === 'actualy').corrections).toEqual([]);
    expect(correctQuestionWords('is it actual for them?', nothingWritten).corrections).toEqual([]);
    expect(correctQuestionWords('what is ActualY?', nothingWritten).corrections).toEqual([]);
  });
});

describe('a word written run together', () => {
  it('is read as the two words the corpus joins with an underscore or a hyphen ("autocd" → AUTO_CD)', async () => {
    const corpus = await corpusOf([
      plainArticle('options', 'AUTO_CD: If a command is the name of a directory, perform the cd command to that directory.\n\nAUTO_LIST: Automatically list choices on an ambiguous completion.'),
      plainArticle('history', 'The shell can correct the spelling of commands. Auto updates are off by default.'),
    ]);
    const answer = answerQuestion(corpus, 'what does autocd do?');
    expect(answer.didYouMean).toBe('what does auto_cd do?');
    expect(answer.quotes[0]?.text).toContain('perform the cd command');
    // "auto" and "update" are both words of the corpus, but it never writes them joined.
    expect(correctSpelling(corpus, analyzeQuestion('what does autoupdate do?')).question.terms.map((term) => term.raw)).not.toContain('auto');
  });
});

describe('"Did you mean"', () => {
  it('shows the question as it was read, with each corrected word as the sources write it, and answers it', async () => {
    const corpus = await corpusOf([
      plainArticle('a', 'At least one person has been killed and 26 others injured, officials said. Mayor Vitali Klitschko said 14 people were hospitalised.'),
    ]);
    const answer = answerQuestion(corpus, 'How many poeple were killed?');
    expect(answer.didYouMean).toBe('How many people were killed?');
    expect(answer.answer).toBe('one person');
    expect(answerQuestion(corpus, 'What did Klitchko say?').didYouMean).toBe('What did Klitschko say?');
    expect(answerQuestion(corpus, 'How many people were killed?').didYouMean).toBeNull();
  });

  it('writes a corrected word as the sources write the word nearest to it, small when only a sentence opening capitalises it', async () => {
    const corpus = await corpusOf([
      plainArticle('files', 'Delete removes one file. A deleted folder goes to the bin first. Folders are deleted with their contents.'),
    ]);
    expect(answerQuestion(corpus, 'how do i delte a folder with everything in it?').didYouMean).toBe('how do i delete a folder with everything in it?');
  });
});

describe('mistyped question words', () => {
  it('reads a question word one substitution or swap away, unless it is a word or could be two question words', () => {
    expect(correctQuestionWords('how mnay drones did russia launch?').text).toBe('how many drones did russia launch?');
    expect(correctQuestionWords('Waht is a bare repo?').text).toBe('what is a bare repo?');
    expect(correctQuestionWords('whos the mayor of kyiv').text).toBe("who's the mayor of kyiv");
    expect(correctQuestionWords('hwo many people died').text).toBe('hwo many people died');
    expect(correctQuestionWords('what does the wen do').corrections).toEqual([]);
    expect(correctQuestionWords('whre did the attack happen').text).toBe('where did the attack happen');
    expect(correctQuestionWords('whch city was hit').text).toBe('which city was hit');
  });

  it('reads a contraction written without its apostrophe as the stopword it is, not as a typo of some corpus word', () => {
    const read = correctQuestionWords('is there a cap if i dont set anything? im asking because it doesnt say');
    expect(read.text).toBe("is there a cap if i don't set anything? i'm asking because it doesn't say");
    expect(read.corrections).toEqual([]);
    // Words of their own stay as written.
    expect(correctQuestionWords('it wont start, cant tell why').text).toBe('it wont start, cant tell why');
  });

  it('reads a mistyped word that names the kind of answer ("defualt", "nuber", "maxium"), from four letters up also one letter short or long', () => {
    expect(correctQuestionWords('whats the maximum nuber of attached databases by defualt?').text).toBe('whats the maximum number of attached databases by default?');
    expect(correctQuestionWords('what is the maxium size of a page').text).toBe('what is the maximum size of a page');
    expect(correctQuestionWords('which verison added it').text).toBe('which version added it');
    expect(correctQuestionWords('is there a limt').text).toBe('is there a limit');
    expect(correctQuestionWords('the limits and defaults of numbers').corrections).toEqual([]);
  });

  it('counts what the corrected question asks for', async () => {
    const corpus = await corpusOf([articleFrom('a.txt', 'Russia launched 550 drones overnight, the air force said.')]);
    const answer = answerQuestion(corpus, 'how mnay drones did russia launch?');
    expect(answer.answer).toBe('550 drones');
    expect(answer.didYouMean).toBe('how many drones did russia launch?');
  });
});

describe('a word written without its vowels', () => {
  it('reads as the word of the corpus it contracts, keeping its first letter and last consonant ("ppl" → people, "pkg" → package)', async () => {
    const corpus = await corpusOf([
      plainArticle('storm', 'At least 23 people were hurt when the storm hit the harbour. The harbour package holds six charts. A purple flag flew over the pier.'),
    ]);
    const answer = answerQuestion(corpus, 'how many ppl got hurt in the storm?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toBe('23 people');
    expect(answer.didYouMean).toBe('how many people got hurt in the storm?');
    expect(correctSpelling(corpus, analyzeQuestion('how many charts does the pkg hold?')).corrections.map((correction) => correction.word)).toEqual(['package']);
    // A word with vowels is no contraction; one whose letters no word of the corpus keeps in order is left alone.
    expect(correctSpelling(corpus, analyzeQuestion('how many pst flags flew?')).corrections).toEqual([]);
  });

  it('reads as the word that leaves out the fewest letters, one vowel or more ("stnd" → stand, not sustained)', async () => {
    const corpus = await corpusOf([
      plainArticle('acronyms', 'Acronyms stand for longer names: TCP stands for Transmission Control Protocol. The sustained load was sustained for hours, and sustained again.'),
    ]);
    expect(correctSpelling(corpus, analyzeQuestion('what does TCP stnd for?')).corrections.map((correction) => correction.word)).toEqual(['stand']);
    // An English word, or a name written as code, is no contraction: "dry" is not "dirty", ".ts" not "tis".
    const build = await corpusOf([plainArticle('build', 'A dirty tree is rebuilt. The tis and tags files list every target.')]);
    expect(correctSpelling(build, analyzeQuestion('is there a dry run flag?')).corrections).toEqual([]);
    expect(correctSpelling(build, analyzeQuestion('how do I run a .ts file?')).corrections).toEqual([]);
  });
});

describe('a word typed in capitals', () => {
  it('is an acronym or a name as the asker knows it, never read as a word of the corpus ("JMAP" is no "IMAP", "TTL" no "title")', async () => {
    const corpus = await corpusOf([
      plainArticle('mail', 'Mutt supports IMAP and POP3 mailboxes. Each message has a title line. The HISTFILE variable names the history file.'),
    ]);
    expect(correctSpelling(corpus, analyzeQuestion('does mutt support JMAP?')).corrections).toEqual([]);
    expect(correctSpelling(corpus, analyzeQuestion('can I give a message a TTL?')).corrections).toEqual([]);
    expect(correctSpelling(corpus, analyzeQuestion('is there something like HISTSIZE here?')).corrections).toEqual([]);
    // Typed in small letters, the same slips are read as the corpus writes them.
    expect(correctSpelling(corpus, analyzeQuestion('does mutt support jmap?')).corrections.map((correction) => correction.term)).toEqual(['imap']);
  });
});

describe('a word the question writes as meant', () => {
  it('is not read as a question word when it is a stopword, nor are the letters before an apostrophe a word of their own', () => {
    // "There's" is no "where's"; the "doesn" of "doesn't" is no "does".
    expect(correctQuestionWords("There's some random binary in /usr/bin. How can I find its package?", () => false)).toEqual({
      text: "There's some random binary in /usr/bin. How can I find its package?",
      corrections: [],
    });
    expect(correctQuestionWords("Ctrl+X doesn't put anything on my clipboard, and it didn't before", () => false).corrections).toEqual([]);
    // A question word mistyped is still read as meant.
    expect(correctQuestionWords('wich city did the drones strike?', () => false).text).toBe('which city did the drones strike?');
  });
});
