/** Question text → what it asks: the kind of answer wanted, its focus noun, and weighted content terms. */
import { tokenize } from '../text/terms.js';

export type AnswerKind = 'count' | 'quantity' | 'duration' | 'time' | 'person' | 'place' | 'entity' | 'other';

export interface QuestionTerm {
  /** The term and its synonyms; a sentence holding any of them covers the term. */
  forms: string[];
  raw: string;
  /** Written with a capital in the question (a name), as opposed to a common word. */
  isName: boolean;
}

export interface Question {
  text: string;
  kind: AnswerKind;
  /** The counted noun of "how many drones …" ("drone"), or the measure of "how deep …" / "what is the depth …"; null when there is none. */
  focus: string | null;
  terms: QuestionTerm[];
  /** Asks about an earlier event ("previous record", "last week"). */
  asksAboutPast: boolean;
  /** Asks what something is or means ("what is X", "what does X do / mean / stand for", "X meaning?"). */
  asksDefinition: boolean;
}

/** Terms that stand for the same thing in news and documentation prose. Stems, both directions. */
const SYNONYM_GROUPS: string[][] = [
  ['injur', 'wound', 'hurt'],
  ['kill', 'die'],
  ['launch', 'fire'],
  ['spokesman', 'spokesperson', 'spokeswoman'],
  ['penetr', 'breach'],
  ['alert', 'siren'],
  ['compani', 'firm', 'oper'],
  ['shoot', 'intercept'],
  ['deep', 'depth'],
  ['high', 'height', 'tall'],
  ['wide', 'width'],
  ['heavi', 'weight'],
  ['far', 'distanc'],
  ['old', 'ag'],
  ['cost', 'price'],
  ['bui', 'purchas'],
];
const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) for (const term of group) SYNONYMS.set(term, group);

/** Nouns that name what is counted only loosely; the answer is then tied to the question's verb instead. */
export const GENERIC_FOCUS = new Set(['person', 'individu', 'time', 'other', 'peopl', 'number', 'total', 'amount']);

export const PAST_MARKERS = new Set(['previou', 'prior', 'earlier', 'former', 'ago', 'last']);

const KIND_PATTERNS: [RegExp, AnswerKind][] = [
  [/^\s*how\s+(many|much)\b/i, 'count'],
  [/^\s*(what|which)\s+(is|was|were|are)\s+the\s+(\w+\s+){0,3}(number|total|count|amount)\s+of\b/i, 'count'],
  [/^\s*how\s+long\b/i, 'duration'],
  [/^\s*how\s+(old|far|big|large|high|tall|fast|often|deep|wide|heavy|strong|hot|cold)\b/i, 'quantity'],
  [/^\s*(what|which)\s+(is|was|are|were)\s+the\s+(\w+\s+)?(magnitude|size|depth|height|length|width|weight|population|cost|price|temperature|speed|distance|age|rate|value|area|volume|score|budget|salary)\b/i, 'quantity'],
  [/^\s*when\b|^\s*(what|which)\s+(year|date|day|month|time)\b/i, 'time'],
  // "Who is Vitali Klitschko?" asks for a description, not a name.
  [/^\s*[Ww]ho\s+(is|was|are|were)\s+\p{Lu}/u, 'other'],
  [/^\s*(who|whom|whose)\b/i, 'person'],
  [/^\s*where\b|^\s*(what|which)\s+(city|town|village|region|country|place|province|state)\b/i, 'place'],
  [/^\s*(which|what)\s+(?!(is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|happened|happens|caused)\b)\w+/i, 'entity'],
];

/** The forms of "what is X?": the answer is the start of X's own entry or section. */
const DEFINITION =
  /^\s*(?:what(?:(?:'|’)?s|\s+(?:is|are|was|were))\b(?!\s+the\s+(?:difference|name|number)\b)|what\s+(?:does|do|did)\b.*\b(?:do|does|mean|means|stand\s+for)\b)|\b(?:meaning|definition|stand\s+for)\W*$/iu;

/** Phrasal verbs made of stopwords, spelled out so that they can match: "got through" → "penetrated". */
const PHRASES: [RegExp, string][] = [
  [/\b(get|gets|got|getting|gotten)\s+through\b/gi, 'penetrated'],
  [/\b(shot|shoot|shoots|brought|bring|brings)\s+down\b/gi, 'intercepted'],
  [/\b(set|sets)\s+up\b/gi, 'configure'],
];

export function analyzeQuestion(text: string): Question {
  const kind = KIND_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
  const tokens = tokenize(PHRASES.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text));
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.term === '' || seen.has(token.term)) continue;
    seen.add(token.term);
    const isFirstWord = token === tokens[0];
    terms.push({
      forms: SYNONYMS.get(token.term) ?? [token.term],
      raw: token.raw,
      isName: !isFirstWord && /^\p{Lu}/u.test(token.raw),
    });
  }
  return {
    text,
    kind,
    focus: kind === 'count' ? focusOf(text) : kind === 'quantity' ? measureOf(text) : null,
    terms,
    asksAboutPast: tokens.some((token) => PAST_MARKERS.has(token.term)),
    asksDefinition: kind === 'other' && DEFINITION.test(text),
  };
}

/** The measure asked for: "deep" in "how deep …", "magnitude" in "what was the magnitude of …". */
function measureOf(text: string): string | null {
  const word =
    text.match(/\bhow\s+(\w+)/i)?.[1] ??
    text.match(/\bthe\s+(?:\w+\s+)?(magnitude|size|depth|height|length|width|weight|population|cost|price|temperature|speed|distance|age|rate|value|area|volume|score|budget|salary)\b/i)?.[1];
  const token = word === undefined ? undefined : tokenize(word)[0];
  return token === undefined || token.term === '' ? null : token.term;
}

/** The counted noun: the first content word after "how many" / "number of". */
function focusOf(text: string): string | null {
  const after = text.match(/\bhow\s+(?:many|much)\s+(.*)$/i)?.[1] ?? text.match(/\b(?:number|total|count|amount)\s+of\s+(.*)$/i)?.[1];
  if (after === undefined) return null;
  const first = tokenize(after).find((token) => token.term !== '');
  return first?.term ?? null;
}
