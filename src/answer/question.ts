/** Question text → what it asks: the kind of answer wanted, its focus noun, and weighted content terms. */
import { isEnglishWord } from '../text/english.js';
import { nameKindOf } from '../text/names.js';
import { adverbAfterQuestionWord, askedNouns, countedNoun } from '../text/tagger.js';
import { normalizeWord, tokenize, type Token } from '../text/terms.js';
import { actionVerbForms, adjectiveSynonyms, agentNouns, isOnlyAdverb, isOnlyModifier, mayBeAdverb, mayBeNoun, mayBeVerb, measureRelatives, nounNeighbours, nounSynonyms, particleAsVerb, pastFormCauses, pastFormSynonyms, verbCauses } from '../text/wordnet.js';
import { findNumbers, formatValue, isNumberWord } from './numbers.js';
import { identifierSpans } from './code-names.js';

export type AnswerKind = 'count' | 'amount' | 'quantity' | 'duration' | 'frequency' | 'time' | 'person' | 'place' | 'value' | 'version' | 'entity' | 'expansion' | 'origin' | 'other';

export interface QuestionTerm {
  /** The term and its synonyms; a sentence holding any of them covers the term. */
  forms: string[];
  raw: string;
  /** Written with a capital in the question (a name), as opposed to a common word. */
  isName: boolean;
  /** Written around the question proper ("I'm opening a firewall for a box that runs git daemon. Which port …"): context, not what is asked. */
  isContext: boolean;
  /**
   * Forms a sentence holding one covers the term by, but that passages are not searched by, so they draw in no passages
   * of their own: read from this word and the next together, as the corpus writes them ("timeout" of "timed out"), or
   * the broader and narrower nouns of a counted class ("kind" of "types of namespaces"), which many passages use of
   * other things.
   */
  unsearched?: string[];
  /**
   * Not written in the question, but read from how it asks: the "default" of "… out of the box?". A sentence holding it
   * covers it, but a heading made of it names no subject, and a figure need not be said to be the default.
   */
  implied?: true;
}

export interface Question {
  text: string;
  kind: AnswerKind;
  /**
   * The counted noun of "how many drones …" ("drone"), the measure of "how deep …" / "what is the depth …", or the
   * noun of "what stake …" / "which volcano …"; null when there is none.
   */
  focus: string | null;
  /** The nouns before the focus in the asked noun phrase ("user" of "which user account …"), as terms. */
  focusModifiers: string[];
  terms: QuestionTerm[];
  /** The question proper asks about an earlier event ("previous record", "last week"); a story told before it does not count. */
  asksAboutPast: boolean;
  /**
   * A "when" asked of the past or a date asked by name ("when did …", "when was …", "what year …", "since when …"): only
   * a date, a year or a release answers it. "When does X happen?" may ask for a condition.
   */
  asksDate: boolean;
  /** The date asked by name is a day ("on what date …", "which day …"): a month or a year does not answer it. */
  asksDay: boolean;
  /** The unit a "how much per share / a barrel …" question asks a figure per, as a term; null when it asks none. */
  rateUnit: string | null;
  /** The numbers the question itself writes ("pdp-10", "python 3.11"), as `formatValue` spells them: its subject, never its answer. */
  numbers: ReadonlySet<string>;
  /** Asks what something is or means ("what is X", "what does X do / mean / stand for", "X meaning?"). */
  asksDefinition: boolean;
  /**
   * The terms of the action a "how do I …" question asks how to do ("rename", of "how do I rename a database?") and of
   * the verbs of its most frequent sense; null for any other question or a light verb ("how do I get …").
   */
  action: string[] | null;
  /**
   * The noun the asked action is done to, as written ("databse" of "how do I rename a databse?"): the head of the noun
   * phrase a determiner opens straight after the verb. Null when there is none.
   */
  actionObject: string | null;
  /** Indices into `terms` of the X a definition question asks about; empty when it asks none. */
  topic: number[];
  /** Index into `terms` of the noun "what is the N …?" asks about ("weather" of "what's the weather in kyiv?"), or -1. */
  askedThing: number;
  /**
   * The definition question's subject points back at a word its preamble wrote without quoting it ("… keeps calling
   * that game vaporware. what does the term mean?"): which word, only the corpus can tell.
   */
  pointsBack: boolean;
  /**
   * Words a question asking what something stands for or means may ask to have spelled out: written in capitals ("ICU"),
   * or the subject ("whats wasi short for"). Empty for other questions: "what language was EMACS written in?" asks no expansion.
   */
  abbreviations: string[];
}

/** Nouns that name what is counted only loosely; the answer is then tied to the question's verb instead. */
export const GENERIC_FOCUS = new Set(['person', 'individu', 'time', 'other', 'peopl', 'number', 'total', 'amount']);

export const PAST_MARKERS = new Set(['previou', 'prior', 'earlier', 'former', 'ago', 'last']);

/** "What percentage / proportion / share of …": an amount that must be a share. */
export const ASKS_SHARE = /\b(?:what|which)\s+(?:percentage|percent|proportion|fraction|share)\b/i;

/** "How much will it cost …", "what did they pay": a sum of money, not a length or a share. */
export const ASKS_SUM = /\b(?:costs?|price[sd]?|pa(?:y|ys|id)|spen[dt]|spends|worth|fees?|charged?)\b/i;

/** "How much per share …", "how much a barrel", "what price per gencorp share": a figure stated per unit; the words after "per" are group 1 or 2. */
const ASKS_RATE = /\b(?:per|each)\s+(\p{L}+(?:\s+\p{L}+){0,2})|\bhow\s+much\s+(?:an?|per|each)\s+(\p{L}+(?:\s+\p{L}+){0,2})/iu;

/**
 * The unit a rate question asks a figure per ("share", "barrel"), as a term; null when it asks none. The words after
 * "per" up to a stopword are read past a name or an adjective before the unit: "per gencorp share" is per share.
 */
function rateUnitOf(text: string): string | null {
  const match = ASKS_RATE.exec(text);
  const words = tokenize(match?.[1] ?? match?.[2] ?? '');
  const stopword = words.findIndex((token) => token.term === '');
  const phrase = stopword === -1 ? words : words.slice(0, stopword);
  const unit = phrase.find((token) => isEnglishWord(token.raw) && !isOnlyModifier(token.raw)) ?? phrase[0];
  return unit === undefined ? null : unit.term;
}

/** The words a setting's value is asked by: "the default port", "the maximum number of …". */
export const VALUE_WORDS = ['default', 'defaults', 'maximum', 'minimum', 'limit'] as const;

/** The term "default" and "defaults" are indexed by. */
const DEFAULT_WORD = tokenize(VALUE_WORDS[0])[0]!;
export const DEFAULT_TERM = DEFAULT_WORD.term;

const valueCueSets = new WeakMap<Question, readonly number[]>();

/** Indexes of the question's terms that ask for a setting's value ("… by default?"), found once per question. */
export function valueCueTerms(question: Question): readonly number[] {
  let cues = valueCueSets.get(question);
  if (cues === undefined) {
    const cueForms = new Set(VALUE_WORDS.map((word) => tokenize(word)[0]!.term));
    cues = question.terms.flatMap((term, termIndex) => (term.forms.some((form) => cueForms.has(form)) ? [termIndex] : []));
    valueCueSets.set(question, cues);
  }
  return cues;
}

/** One of the question's value cues is "default" ("… by default?", "what's the default port?", "… out of the box?"). */
export function asksDefault(question: Question): boolean {
  return valueCueTerms(question).some((termIndex) => question.terms[termIndex]!.forms.includes(DEFAULT_TERM));
}

/** The question asks a default in that word ("… by default?"), not only by how it asks ("… if I never set it?"). */
export function writesDefault(question: Question): boolean {
  return valueCueTerms(question).some((termIndex) => !question.terms[termIndex]!.implied && question.terms[termIndex]!.forms.includes(DEFAULT_TERM));
}

const NEGATION = String.raw`(?:never|not|nobody|no\s+one|(?:do|does|did|is|are|was|were|have|has|had|wo|ca)n[’']?t)`;
const SETTING_VERB = String.raw`(?:set|sets|touch|touched|change|changed|configure|configured|pass|passed|give|given|specify|specified|tune|tuned|provide|provided|override|overridden|customi[sz]ed?|supply|supplied)`;

/** An idiom for "by default". */
const OUT_OF_THE_BOX = /\bout[-\s]of[-\s]the[-\s]box\b/iu;
/** Ways of asking a setting's value when no one has set it, which is its default. */
const IMPLICIT_DEFAULT: readonly RegExp[] = [
  OUT_OF_THE_BOX,
  new RegExp(String.raw`\b(?:if|when|unless)\s+(?:\S+\s+){0,6}?${NEGATION}\s+(?:\S+\s+){0,2}?${SETTING_VERB}\b`, 'iu'),
  new RegExp(String.raw`\bnever\s+${SETTING_VERB}\b`, 'iu'),
  /\bunless\s+(?:told\s+otherwise|(?:i|you|we|they|someone)\s+(?:set|change|configure|tell|override|specify|pass)\w*)/iu,
  /\bleave\s+(?:\S+\s+){0,3}?(?:alone|unset|as\s+is)\b/iu,
  /\bwithout\s+(?:passing|giving|setting|specifying|-{1,2}\p{L}|(?:an?|any)\s+(?:\S+\s+)?(?:value|argument|option|flag|parameter|setting|clause)s?\b)/iu,
  /\b(?:with|and|but)\s+no\s+(?:\S+\s+)?(?:arguments?|options?|flags?|parameters?|values?|settings?)\b/iu,
];

/**
 * The question proper asks a date or a time of day: "when did / was …", "what year …", "what time …". The occasion a
 * "when does X happen?" may be answered by ("each time a delivery completes") answers none of them.
 */
const ASKS_DATE = /^\s*when\s+(?:did|was|were|had)\b|^\s*(?:what|which)\s+(?:\p{L}+\s+)?(?:year|date|day|month|time)\b/iu;
const ASKS_DAY = /^\s*(?:what|which)\s+(?:\p{L}+\s+)?(?:date|day)\b/iu;
/** "Since" before the question proper's "when". */
const SINCE = /\bsince\s*$/iu;

/** "How long …": a duration; group 1 is the word naming that kind, which the answering sentence does not write ("for eight hours"). */
const HOW_LONG = /^\s*how\s+(long)\b/diu;
const HOW_OFTEN = /^\s*how\s+(often|frequently)\b/diu;

/** The verbs a question asks with ("which port does …", "what is …"), not the asked thing's own. */
const AUXILIARIES = '(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should)';

/** "What kind of bug is that?": what the thing the question named before is, its subject pointing back. */
const KIND_OF_POINTED_BACK = /^\s*what\s+(?:kind|sort|type)s?\s+of\s+[\w-]+\s+(?:is|are|was|were)\s+(that|this|it|these|those|they)\W*$/diu;

const KIND_PATTERNS: [RegExp, AnswerKind][] = [
  // A yes/no question ("are foreign keys enforced by default?", "is Debian an acronym for something?") is answered by a
  // statement, not by a value or a long form.
  [/^\s*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|had)\s+(?!there\b)/i, 'other'],
  // "What does ICU stand for?", "whats wasi short for": the long form of an abbreviation.
  [/\b(?:stands?|short)\s+for\b|\babbreviat|\bacronym\b/i, 'expansion'],
  [/^\s*how\s+many\b/i, 'count'],
  // A sum, a share or a size that is not counted in units: "how much per share", "how big is the debt", "what percentage".
  [new RegExp(String.raw`\bhow\s+much\b|^\s*how\s+(big|large)\b|${ASKS_SHARE.source}`, 'i'), 'amount'],
  [/^\s*(what|which)\s+(is|was|were|are)\s+the\s+(\w+\s+){0,3}(number|total|count|amount)\s+of\b/i, 'count'],
  // A question asked as a bare noun phrase: "the number of people hurt in kyiv?", "total number of drones launched?".
  [/^\s*(?:the\s+)?(?:total\s+)?number\s+of\b/i, 'count'],
  [HOW_LONG, 'duration'],
  [HOW_OFTEN, 'frequency'],
  [/^\s*how\s+(old|far|big|large|high|tall|fast|deep|wide|heavy|strong|hot|cold)\b/i, 'quantity'],
  [/^\s*(what|which)\s+(is|was|are|were)\s+the\s+(\w+\s+)?(magnitude|size|depth|height|length|width|weight|population|cost|price|temperature|speed|distance|age|rate|value|area|volume|score|budget|salary)\b/i, 'quantity'],
  // "At what point does the hook run?": when, asked of a moment in a process; "on what exact day …" too.
  [/^\s*when\b|^\s*(what|which)\s+(?:\p{L}+\s+)?(year|date|day|month|time|point|stage|moment)\b/iu, 'time'],
  // "what's the actual date on that log entry?", "what was the release date of 2.0?": a date of something.
  [/^\s*(what|which)\s+(is|was|are|were)\s+the\s+(\w+\s+){0,2}(date|year|day|month)s?\s+(of|on|for|when|that)\b/i, 'time'],
  // "Who is Vitali Klitschko?" asks for a description, not a name; "who is Kyiv's mayor?" asks for a name.
  [/^\s*[Ww]ho\s+(is|was|are|were)\s+\p{Lu}[\p{L}.-]*(?![\p{L}.-]|['’]s\b)/u, 'other'],
  [/^\s*(who|whom|whose)\b/i, 'person'],
  // "Where does the word foo come from?", "what's the origin of …": where a word comes from, a story rather than a place.
  [/^\s*where\S*\s.*\b(?:words?|terms?|names?|phrases?|expressions?|sayings?)\b.*\bfrom\b|\b(?:origins?|etymology)\s+of\b/i, 'origin'],
  [/^\s*where\b|^\s*(what|which)\s+(city|town|village|region|country|place|province|state)\b/i, 'place'],
  // "What's the name of Kyiv's mayor?", "what was the name of the club …": a name.
  [/^\s*what(?:(?:'|’)?s|\s+(?:is|was|are|were))\s+the\s+(?:\w+\s+)?names?\s+of\b/i, 'entity'],
  // "Which Node version first supports …", "since which python version is …": a version number.
  [/^\s*(?:what|which)\s+(?:[\w.-]+\s+){0,2}?(?:version|release)s?\b/i, 'version'],
  // "How do I see which settings differ from the defaults?", "how can I change the default editor?": a way to do it,
  // not a setting's value.
  [/^\s*how\s+(?:do|can|could|should|would|to)\b/i, 'other'],
  // "Which keyword sets the maximum inactivity time …?", "which option changes the default editor?": the value word is in
  // the object of the asked thing's verb; the thing is asked for, not a value.
  [new RegExp(String.raw`^\s*(?:which|what)\s+(?!${AUXILIARIES}\b)[\w-]+(?:\s+[\w-]+)?\s+\w+(?:s|ed)\s+(?:the|an?|its|their)\s+(?:[\w-]+\s+)?(?:${VALUE_WORDS.join('|')})\b`, 'i'), 'entity'],
  // A setting's value: "what port does it listen on by default?", "the maximum number of attached databases".
  [new RegExp(String.raw`\b(?:${VALUE_WORDS.join('|')})\b`, 'i'), 'value'],
  // "What counts as a changeset?" asks what the word means, not which thing counts.
  [/^\s*what\s+counts\s+as\b/i, 'other'],
  // "… a 'fencepost error' in my loop. What kind of bug is that?" asks what the thing named before is, as "what is that?" does.
  [KIND_OF_POINTED_BACK, 'other'],
  [new RegExp(String.raw`^\s*(which|what)\s+(?!(?:${AUXILIARIES}|happened|happens|caused)\b)\w+`, 'i'), 'entity'],
];

/** "who is aldo roldan?": "who is" and a name alone, however it is typed. */
const WHO_IS_NAME = /^\s*who\s+(?:is|was)\s+(\p{L}+(?:\s+\p{L}+){0,2})\s*[?!.]*\s*$/iu;

/**
 * "Who is Vitali Klitschko?", typed with capitals or not, asks for a description, not a name: the question names the
 * person, in words that are no stopwords and not all English words ("who is responsible?" asks for a name).
 */
function asksWhoSomeoneIs(asked: string): boolean {
  const words = WHO_IS_NAME.exec(asked)?.[1]?.split(/\s+/u);
  return words !== undefined && words.every((word) => tokenize(word)[0]?.term !== '') && words.some((word) => !isEnglishWord(word));
}

/**
 * The forms of "what is X?": the answer is the start of X's own entry or section. "What is the …" asks for an attribute
 * of something ("the default port", "the name of …", "the actual date"), not what a term means; but "what is the
 * meaning of X?" and "define X" ask for one.
 */
const DEFINITION =
  /^\s*(?:what(?:(?:'|’)?s|\s+(?:is|are|was|were))\b(?!\s+the\b)|what\s+counts\s+as\b|what\s+(?:does|do|did)\b.*\b(?:do|does|mean|means|stand\s+for|refers?\s+to)\b)|\b(?:meaning|definition|stand\s+for)\W*$|\b(?:meaning|definition)\s+of\b|^\s*define\b/iu;

/** Where a definition question names its subject: the first group of the first pattern that matches. */
const TOPIC_PATTERNS: RegExp[] = [
  KIND_OF_POINTED_BACK,
  /\bwhat\s+counts\s+as\s+(?:an?\s+|the\s+)?(.+?)\s*(?:[?!.]|$)/diu,
  /\bwhat\s+(?:does|do|did)\s+(?:the\s+|an?\s+)?(.+?)\s+(?:\p{L}+ly\s+)?(?:do|does|mean|means|stand\s+for|short\s+for|refers?\s+to)\b/diu,
  /\b(?:meaning|definition)\s+of\s+(?:the\s+|an?\s+)?(.+?)\s*(?:[?!.]|$)/diu,
  /\bwhat(?:(?:'|’)?s|\s+is|\s+are|\s+was|\s+were)\s+(?:an?\s+|the\s+)?(.+?)(?:\s+(?:stand|short)\s+for\b[^?!.]*)?\s*(?:[?!.]|$)/diu,
  /\bdefine\s+(?:the\s+|an?\s+)?(.+?)\s*(?:[?!.]|$)/diu,
  /^\s*(.+?)\s+(?:meaning|definition)\W*$/diu,
];

/** Where an origin question names the word it asks about: "kluge" in "where does the word kluge come from?". */
const ORIGIN_TOPIC_PATTERNS: RegExp[] = [
  /\b(?:words?|terms?|names?|phrases?|expressions?)\s+['‘"“]?(.+?)['’"”]?\s+(?:\p{L}+ly\s+)?(?:comes?|came|originates?|originated|from)\b/diu,
  /\b(?:origins?|etymology)\s+of\s+(?:the\s+)?(?:(?:words?|terms?|names?|phrases?|expressions?)\s+)?['‘"“]?(.+?)['’"”]?\s*(?:[?!.]|$)/diu,
];

const formSets = new WeakMap<Question, ReadonlySet<string>>();

/** Every form of every term of the question, gathered once per question (short answers ask for each sentence). */
export function questionForms(question: Question): ReadonlySet<string> {
  let forms = formSets.get(question);
  if (forms === undefined) {
    forms = new Set(question.terms.flatMap((term) => term.forms));
    formSets.set(question, forms);
  }
  return forms;
}

export function analyzeQuestion(text: string): Question {
  const clause = askedClause(text);
  // "what exactly is a redzone?", "who actually started git?": an adverb after the question word asks nothing of its own.
  const asked = withoutAdverbAfterQuestionWord(text.slice(clause.start, clause.end));
  // "what's the number of …" and "whats the depth …" ask as "what is the …" does.
  const spelledOut = asked.replace(/^(\s*what)(?:['’]s|s)\b/iu, '$1 is');
  const kind = asksWhoSomeoneIs(spelledOut) ? 'other' : (KIND_PATTERNS.find(([pattern]) => pattern.test(spelledOut))?.[1] ?? 'other');
  const tokens = tokenize(text);
  // "did anyone die?": the verbs after "did" are asked in the past.
  const didAt = tokens.findIndex((token) => token.start >= clause.start && /^did$/iu.test(token.raw));
  // "what's the 'cif' in ffi_cif short for?" asks what cif is, as "what does cif stand for?" does.
  const asksDefinition = kind === 'expansion' || (kind === 'other' && (DEFINITION.test(asked) || KIND_OF_POINTED_BACK.test(asked)));
  const statedTopic = asksDefinition ? topicOf(asked, clause.start) : kind === 'origin' ? topicOf(asked, clause.start, ORIGIN_TOPIC_PATTERNS) : null;
  const quoted = asksDefinition ? quotedSubject(text, statedTopic) : null;
  const topicSpan = quoted ?? statedTopic;
  const pointsBack = asksDefinition && quoted === null && statedTopic !== null && POINTS_BACK.test(text.slice(statedTopic.start, statedTopic.end).trim());
  const terms: QuestionTerm[] = [];
  const topic: number[] = [];
  const seen = new Map<string, number>();
  const askedEnd = afterthoughtAt(text, clause) ?? clause.end;
  const askedTerms = new Set(tokens.filter((token) => token.start >= clause.wordsFrom && token.end <= askedEnd).map((token) => token.term));
  // "if I never set connect_timeout, how long …": a name written as code names what is asked of, wherever it stands.
  const code = identifierSpans(text);
  const inCode = (token: Token): boolean => code.some(({ start, end }) => token.start >= start && token.end <= end);
  const kindWordAt = kind === 'duration' ? kindWordStart(asked, clause.start, HOW_LONG) : kind === 'frequency' ? kindWordStart(asked, clause.start, HOW_OFTEN) : -1;
  const askedNouns = kind === 'entity' ? askedNounOf(asked) : [];
  const focus = kind === 'count' ? focusOf(asked) : kind === 'quantity' ? measureOf(asked) : (askedNouns.at(-1) ?? null);
  // "out of the box" says "by default" (below): its words ask nothing of their own.
  const idiom = OUT_OF_THE_BOX.exec(text);
  for (const [tokenIndex, token] of tokens.entries()) {
    if (token.term === '' || token.start === kindWordAt || INDEFINITE_PRONOUNS.has(token.raw.toLowerCase())) continue;
    if (idiom !== null && token.start >= idiom.index && token.end <= idiom.index + idiom[0].length) continue;
    // "what is massif actually for?" asks what massif is: an adverb is no part of the subject named.
    const inTopic = topicSpan !== null && token.start >= topicSpan.start && token.end <= topicSpan.end && !isOnlyAdverb(token.raw);
    const termIndex = seen.get(token.term);
    if (termIndex !== undefined) {
      // "the docs keep mentioning redzones … what is a redzone?": the subject may have been written before it is asked.
      if (inTopic && !topic.includes(termIndex)) topic.push(termIndex);
      continue;
    }
    seen.set(token.term, terms.length);
    if (inTopic) topic.push(terms.length);
    const capitalByPosition = token === tokens[0] || opensSentenceOrQuote(text, token.start);
    // A count of "types of namespaces" is answered by "8 kinds of namespaces" too, but passages are not searched by "kind".
    const unsearched = kind === 'count' && token.term === focus ? classNeighbourTerms(token, tokens[tokenIndex + 1]) : [];
    const forms = formsOf(token, kind, focus, tokens[tokenIndex + 1], didAt !== -1 && tokenIndex > didAt);
    terms.push({
      forms: unsearched.length > 0 ? [...new Set([...forms, ...unsearched])] : forms,
      ...(unsearched.length > 0 ? { unsearched } : {}),
      raw: token.raw,
      // A place or an organisation is a name however it is typed ("capital of france").
      isName: (!capitalByPosition && /^\p{Lu}/u.test(token.raw)) || isPlaceOrOrganization(token.raw),
      // The subject a question points back at ("… a 'triplet'. what is that?") is asked about wherever it is written.
      isContext: !askedTerms.has(token.term) && !inTopic && !inCode(token),
    });
  }
  const { action, object: actionObject } = actionOf(asked);
  // "… out of the box?", "… if I never set it?", "unless told otherwise": a setting's value when no one sets it is its
  // default, which documentation states in that word.
  if (action === null && !terms.some((term) => term.forms.includes(DEFAULT_TERM)) && IMPLICIT_DEFAULT.some((pattern) => pattern.test(text))) {
    terms.push({ forms: formsOf(DEFAULT_WORD, kind, focus, undefined), raw: DEFAULT_WORD.raw, isName: false, isContext: false, implied: true });
  }
  return {
    text,
    kind,
    focus,
    focusModifiers: askedNouns.slice(0, -1),
    terms,
    // "… during a traffic spike last night. how many connections …": the story's time is not what the question asks of.
    asksAboutPast: tokens.some((token, tokenIndex) => token.start >= clause.start && token.end <= clause.end && marksPast(token, tokens[tokenIndex + 1])),
    asksDate: kind === 'time' && (ASKS_DATE.test(spelledOut) || SINCE.test(text.slice(0, clause.start))),
    asksDay: kind === 'time' && ASKS_DAY.test(spelledOut),
    rateUnit: rateUnitOf(asked),
    numbers: new Set(findNumbers(tokens).map((mention) => formatValue(mention.written))),
    asksDefinition,
    action,
    actionObject,
    topic,
    askedThing: kind === 'other' ? askedThingOf(spelledOut, terms) : -1,
    pointsBack,
    abbreviations: kind === 'expansion' || asksDefinition ? abbreviationsIn(text, tokens, abbreviationSubject(kind, topic, terms, pointsBack)) : [],
  };
}

/**
 * "did anyone die?", "can someone explain …": an indefinite pronoun stands for whoever or whatever the answer names; a
 * source need not write it. Passages keep it: "The pass statement does nothing." says what it does.
 */
const INDEFINITE_PRONOUNS: ReadonlySet<string> = new Set([
  'anyone', 'anybody', 'anything', 'someone', 'somebody', 'something', 'everyone', 'everybody', 'everything', 'nobody', 'nothing',
]);

/** "What is the weather in Kyiv?", "what was the score?": the noun asked about, alone or before a preposition. */
const ASKED_THING = /^\s*what\s+(?:is|was|are|were)\s+(?:the|a|an)\s+(\p{L}+)(?=\s*(?:$|[?.!]|(?:of|in|on|at|for|from|about|like|during)\b))/iu;

function askedThingOf(asked: string, terms: readonly QuestionTerm[]): number {
  const noun = ASKED_THING.exec(asked)?.[1]?.toLowerCase();
  return noun === undefined ? -1 : terms.findIndex((term) => term.raw.toLowerCase() === noun);
}

/** "How do I", "how can you", "how to": the words that open a question asking how to do something. */
const HOW_TO = /^\s*how\s+(?:(?:do|can|could|should|would|might|may|must)\s+(?:i|you|we|one|u)\b|to\b)/iu;

/** The verbs that make their object do something ("make scp use …", "let users log in", "have git ignore …"). */
const CAUSATIVES = /^(?:make|let|have)$/iu;

/** A clause that asks a question of its own: "tell if …", "know whether …", "find out which …". */
const INTERROGATIVE_CLAUSE = /^(?:if|whether|what|which|who|when|where|why|how)$/iu;

/**
 * The action a how-to asks for: the first word after "how do I" that is no adverb ("just", "actually"), read as a verb.
 * None when that verb asks a question of its own, at once or past a particle or an object ("how can I tell if closures
 * are supported?", "find out how many cores …"): any way of finding out answers it ("check the FFI_CLOSURES define to
 * determine whether …").
 */
function actionOf(asked: string): { action: string[] | null; object: string | null } {
  const none = { action: null, object: null };
  const opening = HOW_TO.exec(asked);
  if (opening === null) return none;
  const words = asked
    .slice(opening[0].length)
    .split(/[^\p{L}'-]+/u)
    .filter((word) => word !== '');
  let at = words.findIndex((word) => !isOnlyAdverb(word));
  // "How do I make new repos start on 'main'?" asks to start something: a causative's action is the verb after its object.
  if (CAUSATIVES.test(words[at] ?? '')) {
    const caused = words.findIndex((word, index) => index > at + 1 && index <= at + 4 && tokenize(word)[0]?.term !== '' && mayBeVerb(word));
    if (caused === -1) return none;
    at = caused;
  }
  const verb = words[at];
  if (verb === undefined || !mayBeVerb(verb) || words.slice(at + 1, at + 3).some((word) => INTERROGATIVE_CLAUSE.test(word))) return none;
  const forms = actionVerbForms(verb);
  if (forms === null) return none;
  return { action: [...new Set(forms.flatMap((form) => tokenize(form).map((token) => token.term)).filter((term) => term !== ''))], object: objectOf(asked.slice(opening[0].length), verb) };
}

/**
 * "… rename a local branch?", "… load an SELinux policy module into …": the last word of the noun phrase a determiner
 * opens straight after the verb, up to a preposition, a conjunction or punctuation; null when the verb has no such object
 * or that word cannot be a noun.
 */
function objectOf(text: string, verb: string): string | null {
  const at = new RegExp(`(?<![\\p{L}'-])${verb}(?![\\p{L}'-])`, 'u').exec(text);
  if (at === null) return null;
  const phrase = OBJECT_PHRASE.exec(text.slice(at.index + verb.length))?.[1];
  const head = phrase?.split(/\s+/u).at(-1);
  return head !== undefined && (mayBeNoun(head) || !isEnglishWord(head)) ? head : null;
}

const OBJECT_PHRASE =
  /^\s+(?:a|an|the|my|your|our|their|its|this|that|these|those|all|every|some|any)\s+((?:[\p{L}\p{N}_-]+\s+){0,3}?[\p{L}\p{N}_-]+)(?=\s*(?:$|[?.!,;:)]|(?:to|in|into|on|onto|from|with|without|for|by|at|of|so|and|but|or|while|when|that|which|using|via|as|before|after|if|instead)\b))/iu;

/** Text before a word that opens a quotation ("… getting 'Conditional …"). */
const QUOTATION_BEFORE = /(?:^|\s)['"‘“]$/u;
/** A quoted message or title runs on past a few words; a quoted name ("the 'Patriot' system") does not. */
const QUOTED_MESSAGE = /^[^'"’”]*?\s[^'"’”]*?\s[^'"’”]*?\S/u;

/** The word's capital may come from where it stands: it opens a sentence of the question or a message it quotes. */
function opensSentenceOrQuote(text: string, start: number): boolean {
  return opensSentence(text, start) || (QUOTATION_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && QUOTED_MESSAGE.test(text.slice(start)));
}

/** The word at `offset` opens the question or a sentence of it ("… from them. Valgrind …"). */
export function opensSentence(text: string, offset: number): boolean {
  let at = offset - 1;
  while (at >= 0 && /\s/u.test(text.charAt(at))) at -= 1;
  return at < 0 || '.!?'.includes(text.charAt(at));
}

/**
 * A word that places what is asked before now ("the previous record", "last week"). One that may be a verb marks it only
 * before a word it modifies: "how many hours did the alerts last?" asks how long they went on.
 */
function marksPast(token: Token, next: Token | undefined): boolean {
  return PAST_MARKERS.has(token.term) && (!mayBeVerb(token.raw) || (next !== undefined && next.term !== ''));
}

/**
 * A question word and the words that may stand for it: "how deep …" is answered by a depth and "what is the depth …"
 * by how deep; "how many were wounded" is counted by those injured, "who started …" by who began it. A count asks
 * of a state ("how many were hurt") too: an adjective meets those of its most frequent sense ("wounded", "injured").
 * "How many died" is answered by those killed: a past form meets the verbs that cause it, as a verb after "did" does
 * ("did anyone die?").
 */
function formsOf(token: Token, kind: AnswerKind, focus: string | null, next: Token | undefined, afterDid = false): string[] {
  const counted = kind === 'count' || kind === 'amount';
  // A particle is a stopword ("down"); as a verb of its own it is a term ("downed" → "down"), spelled here as "downs" is.
  const particle = next !== undefined && next.term === '' ? particleAsVerb(token.raw, next.raw).map((verb) => `${verb}s`) : [];
  let related: string[];
  // "short for" is answered by a text that says "stands for", and the other way round.
  if (kind === 'expansion' && EXPANDS.has(token.term)) related = [...EXPANDS, ...ABBREVIATION_NOUNS];
  else if (kind === 'quantity' && token.term === focus) related = measureRelatives(token.raw);
  else related = [...pastFormSynonyms(token.raw), ...(afterDid ? verbCauses(token.raw) : pastFormCauses(token.raw)), ...(counted ? adjectiveSynonyms(token.raw) : []), ...(kind === 'count' && token.term === focus ? nounSynonyms(token.raw) : []), ...(kind === 'person' ? agentNouns(token.raw) : []), ...particle];
  return [...new Set([token.term, ...related.map(normalizeWord).filter((term) => term !== '')])];
}

/**
 * For a counted noun that sorts what follows it into classes ("types of namespaces"), the terms of the next broader and
 * narrower nouns that are none of its synonyms ("kind", "sort"): a count may name its noun by them ("8 kinds of
 * namespaces").
 */
function classNeighbourTerms(token: Token, next: Token | undefined): string[] {
  if (next?.raw.toLowerCase() !== 'of') return [];
  const synonyms = new Set([token.term, ...nounSynonyms(token.raw).map(normalizeWord)]);
  return [...new Set(nounNeighbours(token.raw).map(normalizeWord))].filter((term) => term !== '' && !synonyms.has(term));
}

/** "Stands for", "short for": what a text says of an abbreviation it calls an acronym or an abbreviation ("a recursive acronym for …"). */
const EXPANDS = new Set(['stand', 'short']);
const ABBREVIATION_NOUNS = ['acronym', 'abbreviation'];

/** Where the word naming the kind of answer ("long" of "how long", "often" of "how often") stands in the question, or -1. */
function kindWordStart(asked: string, clauseStart: number, pattern: RegExp): number {
  const match = pattern.exec(asked);
  return match?.indices?.[1] === undefined ? -1 : clauseStart + match.indices[1][0];
}

/**
 * The question itself, without the context around it ("ok so my lead keeps saying … what does X mean?", "After the
 * deal, what percentage …", "whats zprof for? saw it in a zshrc", "I'm sorting in two passes … is sorted() stable?"):
 * the last sentence that asks with a question word and a question mark, from that word to the sentence's end; else the
 * last that asks either way: with a question word ("… thanks. how many drones were shot down"), from that word, or
 * with a question mark ("… but when I use them in a script it fails. do aliases work in scripts?"), whole.
 */
function askedClause(text: string): AskedClause {
  let withWordAndMark: AskedClause | null = null;
  let withWord: AskedClause | null = null;
  let withMark: AskedClause | null = null;
  for (const sentence of text.matchAll(SENTENCE)) {
    const end = sentence.index + sentence[0].length;
    const asks = /\?\s*$/.test(sentence[0]);
    const opening = sentence.index + (/\S/.exec(sentence[0])?.index ?? 0);
    let word: RegExpExecArray | null = null;
    const opensYesNo = YES_NO_OPENING.test(text.slice(opening, end));
    for (const found of sentence[0].matchAll(QUESTION_WORD)) {
      const opensIt = sentence.index + found.index === opening;
      const inverted = INVERTED.test(sentence[0].slice(found.index + found[0].length));
      // "does it have a flag that lists which files it would copy?": a clause of the yes/no question, not the question.
      if (!opensIt && !inverted && opensYesNo && RELATIVE.test(found[0])) continue;
      if (opensIt || !SUBORDINATING.test(found[0]) || inverted) {
        word = found;
        break;
      }
    }
    if (word !== null) {
      const start = sentence.index + word.index;
      // "is there a limit on how big …": the question word opens a clause of a yes/no question, whose words are all asked.
      withWord = { start, end, wordsFrom: YES_NO_OPENING.test(text.slice(opening, start)) ? opening : start };
    }
    if (word !== null && asks) withWordAndMark = withWord;
    if (asks) withMark = { start: opening, end, wordsFrom: opening };
  }
  const lastAsking = withWord === null || (withMark !== null && withMark.start > withWord.start) ? withMark : withWord;
  return withWordAndMark ?? lastAsking ?? { start: 0, end: text.length, wordsFrom: 0 };
}

/**
 * A reason or a purpose the asker adds after the question ("…, since there are no spaces?", "…, so I can open it through
 * a tunnel?"): the words of the question before it are what is asked; the clause, like a preamble, is context.
 */
const AFTERTHOUGHT = /,\s*(?:so(?:\s+that)?|since|because|as)\s+(?!(?:when|which|what|who|whom|whose|where|why|how|version|release|v?\d)\b)\p{L}/iu;

function afterthoughtAt(text: string, clause: AskedClause): number | null {
  const found = AFTERTHOUGHT.exec(text.slice(clause.start, clause.end));
  return found === null ? null : clause.start + found.index;
}

const QUESTION_WORD = /\b(?:what|which|who|whom|whose|when|where|why|how)(?:['’]?s)?\b/giu;
/**
 * A question word that is never the subject asks with the verb before its subject ("when does it run?", "where exactly
 * is it kept?"); written before the subject after the question has opened ("does it run when it starts?"), it opens a
 * clause of the question, not the question.
 */
const SUBORDINATING = /^(?:when|where|why)$/iu;
/** A question word that may open a clause naming a thing ("… lists which files it would copy"), inside a yes/no question. */
const RELATIVE = /^(?:what|which|who|whom|whose)$/iu;
const INVERTED = /^\s+(?:\p{L}+ly\s+)?(?:do|does|did|is|are|was|were|will|would|can|could|should|shall|must|may|might|has|have|had)\b/iu;

interface AskedClause {
  start: number;
  end: number;
  /** Where the words asked about start: the clause's start, or the start of the yes/no question the clause is part of. */
  wordsFrom: number;
}

/** The opening of a yes/no question ("is there …", "can I …", "does anyone know …"). */
const YES_NO_OPENING = /^(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|had)\b/i;

/** A sentence of a question: to a stop, a question or exclamation mark before a space, but not the stop of "i.e." or "e.g.". */
const SENTENCE = /(?:[^.?!]|[.?!](?!\s)|(?<=(?:^|\P{L})\p{L}\.\p{L})\.)+[.?!]*/gu;

/**
 * The clause with an adverb after its question word blanked out, offsets kept: "what exactly is" and "what even is"
 * read as "what is". A word that may be something else too is an adverb only as the tagger reads it there.
 */
function withoutAdverbAfterQuestionWord(asked: string): string {
  return asked.replace(/^(\s*(?:what|which|who|whom|where|when)(?:['’]?s)?\s+)(\p{L}+)(?=\s)/iu, (whole, before: string, word: string) =>
    isOnlyAdverb(word) || (mayBeAdverb(word) && adverbAfterQuestionWord(asked)) ? `${before}${' '.repeat(word.length)}` : whole,
  );
}

/**
 * The subject's words that may be an abbreviation written in small letters: any of an expansion's ("what does the name
 * bash stand for?"), a definition's only when it is one word ("whats wasi for"), or the word an expansion's "that" points back at.
 */
function abbreviationSubject(kind: AnswerKind, topic: readonly number[], terms: readonly QuestionTerm[], pointsBack: boolean): string[] {
  // "… keeps saying eai. what's that short for?": the word the preamble ends on, unless it is an English word.
  if (kind === 'expansion' && pointsBack) {
    const last = terms.findLast((term) => term.isContext);
    return last === undefined || isEnglishWord(last.raw) ? [] : [last.raw];
  }
  return kind === 'expansion' || topic.length === 1 ? topic.map((termIndex) => terms[termIndex]!.raw) : [];
}

/**
 * Words written in capitals ("ICU", "REPL"); when there are none, the words of the subject given ("whats wasi short
 * for", "the name bash"): "whats IFS short for in bash?" asks about IFS alone.
 */
function abbreviationsIn(text: string, tokens: Token[], subject: readonly string[]): string[] {
  // A piece of an identifier ("init" of "__init__", "fs" of "fs.readFile") is no abbreviation to spell out.
  const words = tokens.filter((token) => token.term !== '' && !IDENTIFIER_GLUE.test(text.slice(Math.max(0, token.start - 2), token.start)) && !IDENTIFIER_GLUE_AFTER.test(text.slice(token.end, token.end + 2))).map((token) => token.raw);
  const capitals = words.filter((word) => /^\p{Lu}{2,10}$/u.test(word));
  return [...new Set(capitals.length > 0 ? capitals : words.filter((word) => subject.includes(word)))];
}

/** An underscore, or a dot between word characters, joins words into an identifier: just before a word, just after it. */
const IDENTIFIER_GLUE = /_$|[\p{L}\p{N}]\.$/u;
const IDENTIFIER_GLUE_AFTER = /^(?:_|\.[\p{L}\p{N}])/u;

/**
 * The span of the subject a definition question asks about ("util.promisify" in "What does util.promisify do?"). A
 * phrase after a comma says how to answer, not what about: "what is multiarch, in plain words?" asks about multiarch.
 */
function topicOf(text: string, offset: number, patterns: readonly RegExp[] = TOPIC_PATTERNS): { start: number; end: number } | null {
  for (const pattern of patterns) {
    const span = pattern.exec(text)?.indices?.[1];
    if (span === undefined) continue;
    const comma = text.slice(span[0], span[1]).search(/,\s/u);
    return { start: offset + span[0], end: offset + (comma > 0 ? span[0] + comma : span[1]) };
  }
  return null;
}

/** A phrase a question puts in quotation marks ('invocation directory', “triplet”); an apostrophe within a word opens none. */
const QUOTED = /(?<![\p{L}\p{N}])['‘"“]([^'‘’"“”]+?)['’"”](?![\p{L}\p{N}])/dgu;
/** A subject that points back at what the question wrote before: "what does that mean?", "what is it?". */
const POINTS_BACK = /^(?:that|this|it|these|those|they|them|(?:the\s+)?(?:term|word|phrase|expression))$/iu;

/**
 * The subject of a definition question that quotes it: the quoted phrase within the subject found ("what counts as a
 * 'changeset' when writing change logs?" asks about the changeset), or the last one written before a subject that
 * points back at it ("the instructions mention a 'triplet'. what is that?"); null when the question quotes nothing.
 */
function quotedSubject(text: string, stated: { start: number; end: number } | null): { start: number; end: number } | null {
  const quoted = [...text.matchAll(QUOTED)].map((match) => ({ start: match.indices![1]![0], end: match.indices![1]![1] }));
  if (stated !== null) {
    // …unless a word of its own follows the quote within the subject: "what is a 'sparse' file?" asks about the file.
    const inside = quoted.find((span) => span.start >= stated.start && span.end <= stated.end);
    if (inside !== undefined) {
      const next = tokenize(text.slice(inside.end, stated.end))[0];
      return next !== undefined && next.term !== '' ? null : inside;
    }
  }
  if (stated !== null && !POINTS_BACK.test(text.slice(stated.start, stated.end).trim())) return null;
  return quoted.filter((span) => stated === null || span.end <= stated.start).at(-1) ?? null;
}

/** The measure asked for: "deep" in "how deep …", "magnitude" in "what was the magnitude of …". */
function measureOf(text: string): string | null {
  const word =
    text.match(/\bhow\s+(\w+)/i)?.[1] ??
    text.match(/\bthe\s+(?:\w+\s+)?(magnitude|size|depth|height|length|width|weight|population|cost|price|temperature|speed|distance|age|rate|value|area|volume|score|budget|salary)\b/i)?.[1];
  const token = word === undefined ? undefined : tokenize(word)[0];
  return token === undefined || token.term === '' ? null : token.term;
}

/**
 * The noun a which/what question asks about: "volcano" in "Which volcano was …", "command" in "which git command …" (from
 * the tagger); else the first content word ("stake" in "what stake does …").
 */
function askedNounOf(text: string): string[] {
  // "What was the name of the MIT club …" asks for a club: the noun the name is of.
  const named = NAME_OF.exec(text);
  const terms = askedNouns(named === null ? text : `which ${named[1]!}`).flatMap((noun) => tokenize(noun).flatMap((token) => (token.term === '' ? [] : [token.term])));
  if (terms.length > 0) return terms;
  const after = text.match(/^\s*(?:which|what)\s+(.*)$/i)?.[1];
  const first = after === undefined ? undefined : tokenize(after).find((token) => token.term !== '');
  // "which one does …", "which ones …": a number or the pro-form "one" names no kind of thing.
  if (first === undefined || isNumberWord(first.raw) || /^ones$/iu.test(first.raw)) return [];
  return [first.term];
}

const NAME_OF = /\b(?:which|what)\s+(?:(?:is|was|are|were|'s)\s+)?(?:the\s+)?(?:name|title)s?\s+of\s+(.+)$/iu;

/**
 * The counted noun: the head of the noun phrase after "how many", as the tagger reads it ("formats" in "how many
 * password formats …"), else the first content word after "how many" / "number of" that may be a noun ("consoles" in
 * "how many virtual consoles …", "types" in "how many different types of …"). "How many were injured?" counts no noun: "many"
 * stands alone before an auxiliary verb, and the question's verb says what is counted.
 */
function focusOf(text: string): string | null {
  if (/\bhow\s+many\s+(?:were|was|are|is|have|has|had|did|do|does|will|would|could|can|got|get)\b/i.test(text)) return null;
  const after = text.match(/\bhow\s+(?:many|much)\s+(.*)$/i)?.[1] ?? text.match(/\b(?:number|total|count|amount)\s+of\s+(.*)$/i)?.[1];
  if (after === undefined) return null;
  const counted = countedNoun(text);
  const head = counted === null ? undefined : tokenize(counted).find((token) => token.term !== '');
  if (head !== undefined) return head.term;
  const words = tokenize(after).filter((token) => token.term !== '');
  const first = words.find((token) => !isOnlyModifier(token.raw)) ?? words[0];
  return first?.term ?? null;
}

function isPlaceOrOrganization(word: string): boolean {
  const kind = nameKindOf(word);
  return kind === 'place' || kind === 'organization';
}
