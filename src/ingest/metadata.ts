/** Turning what the boilerplate pass noticed (headline, footer mentions) into title and outlet values. */

/** Words that may stand in an outlet slot of a footer phrase but never name an outlet. */
const NOT_OUTLETS = new Set(['us', 'me', 'this', 'it', 'them', 'our', 'the', 'here', 'more', 'this story']);

/**
 * Cleans a name seen in a footer phrase (`Follow Metro.co.uk on Twitter`, `More on Capital News`,
 * `© 2025 Example Media Ltd`): trims punctuation and a web domain's suffix. Null when it cannot be a name.
 */
export function outletName(raw: string): string | null {
  let name = raw.replace(/\s+/gu, ' ').trim().replace(/^[\s"'“‘]+|[\s"'”’.,:;!|]+$/gu, '');
  name = name.replace(/^(?:www\.)/iu, '');
  // `Metro.co.uk` → `Metro`; a multi-word name keeps its spelling.
  const domain = /^([A-Za-z][\w-]*)\.(?:co\.uk|com|org|net|co|news|info|io|uk|ie|in|au|ca|de|fr|ke|ng|za)$/u.exec(name);
  if (domain?.[1]) name = domain[1];
  if (name.length < 2 || name.length > 60) return null;
  if (NOT_OUTLETS.has(name.toLowerCase()) || /^(?:our|my|your)\s/iu.test(name)) return null;
  const words = name.split(' ');
  if (words.length > 6 || !/^[\p{Lu}\p{N}]/u.test(name)) return null;
  return name;
}

const COPYRIGHT = /^(?:(?:©|\(c\)|copyright\b)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)(?:[.,|]\s*(?:all rights reserved|some rights reserved).*)?$/iu;

/** The holder named in a copyright line (`© 2025 Capital News. All rights reserved.` → `Capital News`). */
export function copyrightHolder(line: string): string | null {
  const m = COPYRIGHT.exec(line.trim());
  if (!m?.[1]) return null;
  return outletName(m[1].replace(/\s*\d{4}$/u, ''));
}

/**
 * A leading all-capitals credit glued to a headline, such as a picture agency before `The …`: the
 * capitals cannot start the sentence, because an article follows them.
 */
const LEADING_CREDIT = /^[\p{Lu}\d][\p{Lu}\d&./-]{1,15}(?:\s+[\p{Lu}\d][\p{Lu}\d&./-]{1,15}){0,2}\s+(?=(?:The|A|An)\s+\p{L})/u;

/** The headline as a title: white space collapsed, a glued picture credit dropped. */
export function cleanHeadline(headline: string): string {
  return headline.replace(/\s+/gu, ' ').trim().replace(LEADING_CREDIT, '');
}
