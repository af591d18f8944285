/**
 * What kind of name a word is, from compromise's English lexicon (about 3,000 given names, 900 family names, titles
 * and roles, cities, countries, regions, organisations, demonyms): "richard" a person's name, "mayor" a title,
 * "kyiv" a place, "facebook" an organisation. A word the lexicon does not hold has no kind; most names in a corpus
 * are such words, so a kind is evidence for or against a reading, never the only test.
 */
import { englishLexicon } from './lexicon.js';

export type NameKind = 'person' | 'title' | 'place' | 'organization' | 'demonym' | 'time';

const KIND_OF_TAG: Readonly<Record<string, NameKind>> = {
  MaleName: 'person',
  FemaleName: 'person',
  FirstName: 'person',
  LastName: 'person',
  Person: 'person',
  Honorific: 'title',
  Actor: 'title',
  City: 'place',
  Country: 'place',
  Region: 'place',
  Place: 'place',
  Organization: 'organization',
  SportsTeam: 'organization',
  Demonym: 'demonym',
  Month: 'time',
  WeekDay: 'time',
};

let kinds: Map<string, NameKind> | undefined;

/** The kind of name `word` is (any case), or undefined. The lexicon loads on first use (about half a second). */
export function nameKindOf(word: string): NameKind | undefined {
  return lexicon().get(word.toLowerCase());
}

/** Loads the lexicon now, so that the first question does not wait for it. */
export function prepareNameLexicon(): void {
  lexicon();
}

function lexicon(): Map<string, NameKind> {
  return (kinds ??= loadKinds());
}

function loadKinds(): Map<string, NameKind> {
  const map = new Map<string, NameKind>();
  for (const [word, tags] of Object.entries(englishLexicon())) {
    if (word.includes(' ')) continue;
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = KIND_OF_TAG[tag];
      if (kind !== undefined) {
        map.set(word, kind);
        break;
      }
    }
  }
  return map;
}
