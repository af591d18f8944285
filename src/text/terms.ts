/**
 * Words → search terms, shared by indexing and questions so both sides agree.
 * A term is lower-cased, accent-folded, possessive-free, spelling-normalised (British → American),
 * lemmatised for common irregular verbs, then Porter-stemmed.
 */
import { stemmer } from 'stemmer';
import { isDeterminer, namesWhenDetermined } from './function-words.js';

export interface Token {
  /** Normalised term; '' for a stopword. */
  term: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

// Letters and digits with inner apostrophes, periods or commas between digits (1,000 / 2.5), inner hyphens split;
// or single letters joined by periods, an initialism written with stops ("U.S", "U.K", "e.g").
const WORD = /(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*(?:[.,]\d+)*/gu;
const DOTTED_INITIALISM = /^\p{L}(?:\.\p{L})+$/u;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
  from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
  his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
  not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
  shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd
  they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were
  weren't what what's when when's where where's which while who who's whom why why's will with won't would wouldn't
  you you'd you'll you're you've your yours yourself yourselves
  many much whose tell say says said know please get got does did done just
  whats happen happens happened happening occur occurs occurred occurring
  one's according`
    .split(/\s+/)
    .filter(Boolean),
);

/** Irregular forms whose stems would not meet their base form. */
const LEMMAS = new Map<string, string>(Object.entries({
  wrote: 'write', written: 'write', writes: 'write', writing: 'write',
  spoke: 'speak', spoken: 'speak', told: 'tell', began: 'begin', begun: 'begin',
  went: 'go', gone: 'go', took: 'take', taken: 'take', gave: 'give', given: 'give',
  made: 'make', found: 'find', thought: 'think', brought: 'bring', bought: 'buy',
  sought: 'seek', shot: 'shoot', struck: 'strike', hit: 'hit', fell: 'fall', fallen: 'fall',
  won: 'win', lost: 'lose', led: 'lead', held: 'hold', met: 'meet', sent: 'send', spent: 'spend',
  left: 'leave', built: 'build', chose: 'choose', chosen: 'choose', drove: 'drive', driven: 'drive',
  rose: 'rise', risen: 'rise', ran: 'run', saw: 'see', seen: 'see', knew: 'know', known: 'know',
  grew: 'grow', grown: 'grow', threw: 'throw', thrown: 'throw', flew: 'fly', flown: 'fly',
  broke: 'break', broken: 'break', died: 'die', dead: 'die', death: 'die', deaths: 'die',
  felt: 'feel', kept: 'keep', meant: 'mean', paid: 'pay', slept: 'sleep', sold: 'sell', stood: 'stand',
  understood: 'understand', wore: 'wear', woke: 'wake', fought: 'fight', caught: 'catch', taught: 'teach',
  heard: 'hear', hid: 'hide', hidden: 'hide', rode: 'ride', sang: 'sing', sank: 'sink', swam: 'swim',
  stole: 'steal', stolen: 'steal', froze: 'freeze', frozen: 'freeze', forgot: 'forget', forgotten: 'forget',
  fled: 'flee', fed: 'feed', dug: 'dig', drew: 'draw', drawn: 'draw', drank: 'drink', ate: 'eat', eaten: 'eat',
  bit: 'bite', bitten: 'bite', shook: 'shake', shaken: 'shake',
  people: 'person', men: 'man', women: 'woman', children: 'child',
}));

/** The base form of an irregular form ("shot" → "shoot", "men" → "man"); undefined for any other word. */
export function irregularBase(lowerWord: string): string | undefined {
  return LEMMAS.get(lowerWord);
}

/** British spellings folded to American so "defences" meets "defenses". */
const SPELLING: [RegExp, string][] = [
  [/^(def|off|lic|pret)ence(s?)$/, '$1ense$2'],
  [/^(col|hon|fav|lab|neighb|beha|harb|rum|vap|arm|flav|hum|vig)our(s?|ed|ing|ite|ites)?$/, '$1or$2'],
  [/^(organ|real|recogn|author|critic|apolog|emphas|minim|maxim|prior|optim|util|categor|standard|summar|modern)is(e|es|ed|ing|ation|ations)$/, '$1iz$2'],
  [/^(anal|paral|catal)ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(cent|met|lit|theat|fib)re(s?)$/, '$1er$2'],
  [/^travell(ed|ing|er|ers)$/, 'travel$1'],
];

const stemCache = new Map<string, string>();

/** Normalises one word (already lower-cased) to its term. Returns '' for stopwords. */
export function normalizeWord(lowerWord: string): string {
  const cached = stemCache.get(lowerWord);
  if (cached !== undefined) return cached;
  const result = computeTerm(lowerWord);
  if (stemCache.size < 200_000) stemCache.set(lowerWord, result);
  return result;
}

/** `normalizeWord` without the cache, for one-off passes over long word lists that must not crowd it. */
export function computeTerm(lowerWord: string): string {
  let word = DOTTED_INITIALISM.test(lowerWord) ? lowerWord.replace(/\./g, '') : lowerWord.replace(/’/g, "'");
  if (STOPWORDS.has(word)) return '';
  word = word.replace(/'s$|'$/, '');
  word = word.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (word === '' || STOPWORDS.has(word)) return '';
  if (/^\d/.test(word)) return word.replace(/,(?=\d{3}\b)/g, '');
  word = LEMMAS.get(word) ?? word;
  for (const [pattern, replacement] of SPELLING) {
    if (pattern.test(word)) {
      word = word.replace(pattern, replacement);
      break;
    }
  }
  return stemmer(word);
}

/** Words as written → their terms: saves lower-casing and a second lookup for the words of every sentence read. */
const writtenCache = new Map<string, string>();

function termOfWritten(raw: string): string {
  let term = writtenCache.get(raw);
  if (term === undefined) {
    term = normalizeWord(raw.toLowerCase());
    if (writtenCache.size < 200_000) writtenCache.set(raw, term);
  }
  return term;
}

/**
 * Every word of `text` with its offsets; stopwords get term '', unless one names a thing ("the with statement": its
 * term is the word itself, `readWords`).
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  readWords(text, termOfWritten, (raw, start, term) => {
    tokens.push({ term, raw, start: offset + start, end: offset + start + raw.length });
  }, (index) => {
    tokens[index]!.term = tokens[index]!.raw.toLowerCase();
  });
  return tokens;
}

/**
 * The words of `text` and their terms in order, as `tokenize` reads them ('' for a stopword), each word's term found
 * by `termOfWord`: for counting a corpus's terms without a token per word.
 */
export function wordTerms(text: string, termOfWord: (raw: string) => string): { words: string[]; terms: string[] } {
  const words: string[] = [];
  const terms: string[] = [];
  readWords(text, termOfWord, (raw, _start, term) => {
    words.push(raw);
    terms.push(term);
  }, (index) => {
    terms[index] = words[index]!.toLowerCase();
  });
  return { words, terms };
}

/**
 * Reads `text`'s words in order: `add` each with its term ('' for a stopword), then `namesThing` for the index of a
 * stopword that names a thing, whose term is the word itself. One stands between a determiner and a content word, set
 * apart by spaces (and quote marks) alone ("the with statement", "the `why` command"; not "the in-memory database",
 * nor across a line break), or is quoted by itself ("what does `with` do?"); and its word class is one that names
 * something there (`namesWhenDetermined`).
 */
function readWords(
  text: string,
  termOfWord: (raw: string) => string,
  add: (raw: string, start: number, term: string) => void,
  namesThing: (index: number) => void,
): void {
  /** A stopword after a determiner, named if the word after it is a content word: its index, or -1. */
  let pending = -1;
  let previous: string | undefined;
  let previousEnd = 0;
  let index = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text), index++) {
    const raw = match[0];
    const term = termOfWord(raw);
    if (pending !== -1 && term !== '' && GAP_AFTER.test(text.slice(previousEnd, match.index))) namesThing(pending);
    pending = -1;
    add(raw, match.index, term);
    if (term === '') {
      if (quotedAlone(text, match.index, match.index + raw.length)) {
        if (namesWhenDetermined(raw.toLowerCase())) namesThing(index);
      } else if (previous !== undefined && isDeterminer(previous) && GAP_BEFORE.test(text.slice(previousEnd, match.index)) && namesWhenDetermined(raw.toLowerCase())) {
        pending = index;
      }
    }
    previous = raw;
    previousEnd = match.index + raw.length;
  }
}

/** Spaces, with a quote mark or a backtick before the next word at most ("the `with` statement"). */
const GAP_BEFORE = /^[ \t]+[`'"‘“]?$/u;
const GAP_AFTER = /^[`'"’”]?[ \t]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CLOSING_MARK: Readonly<Record<string, string>> = { '`': '`', "'": "'", '"': '"', '‘': '’', '“': '”' };

/** The word from `start` to `end` stands in quote marks or backticks of its own (`with`, "if", ‘in’). */
function quotedAlone(text: string, start: number, end: number): boolean {
  const closing = CLOSING_MARK[text.charAt(start - 1)];
  return closing !== undefined && text.charAt(end) === closing && !LETTER_OR_DIGIT.test(text.charAt(start - 2)) && !LETTER_OR_DIGIT.test(text.charAt(end + 1));
}

/** The distinct non-stopword terms of `text`, in order of first appearance. */
export function contentTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const token of tokenize(text)) if (token.term !== '') seen.add(token.term);
  return [...seen];
}

/** MiniSearch tokenizer/processTerm pair: the index stores exactly the terms `contentTerms` produces. */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function termOf(word: string): string | null {
  const term = normalizeWord(word.toLowerCase());
  return term === '' ? null : term;
}
