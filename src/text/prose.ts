/** How unlike a well-formed prose sentence a line of text is: a heading fragment, a code line, a run-on. */
import { withoutInlineMarkup } from './inline-markup.js';

/**
 * 0 for a well-formed prose sentence, up to 1 for text that is not one: a heading or table-of-contents
 * fragment, a code line or signature, an overlong run-on.
 */
export function unlikeProse(written: string): number {
  let penalty = 0;
  // Markdown's inline markup is no code: "Default is `127.0.0.1:9229`.", "**Only with --force.**".
  const text = withoutInlineMarkup(written);
  const short = fewerWordsThan(text, 5);
  if (!/[.!?…:;"'”’)]$/.test(text)) penalty += 0.5;
  if (short) penalty += 0.5;
  // A short line ending in a colon labels what follows ("vacuum-stmt:", "Options:").
  if (short && text.endsWith(':')) penalty += 0.5;
  if (text.length > 500) penalty += 0.5;
  if (penalty >= 1) return 1;
  // A web address's slashes and a mail address's brackets are no code: "Originally written by Ian Macdonald, the
  // project now lives at https://…", "Mercurial was written by Olivia Mackall <olivia@selenic.com>."
  const symbolsOf = withoutWordBraces(withoutAddresses(text));
  if (/^\s*(>>>|\$ |#|\.\.\.)/.test(text) || moreCodeSymbolsThan(symbolsOf, 0.04)) penalty += 0.5;
  return Math.min(1, penalty);
}

const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/giu;
const MAIL_ADDRESS = /<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/gu;

function withoutAddresses(text: string): string {
  const withoutUrls = text.includes('://') ? text.replace(URL, '') : text;
  return withoutUrls.includes('@') ? withoutUrls.replace(MAIL_ADDRESS, '') : withoutUrls;
}

/**
 * Words in braces are a plain-text glossary's cross-reference, no code: "first introduced by {Douglas Engelbart}" (the
 * Jargon File's and FOLDOC's mark). Words in angle brackets stay code: "--timeout <seconds>" is a command line.
 */
const WORD_BRACES = /\{([\p{L}\p{N}][\p{L}\p{N} '.,-]*)\}/gu;

function withoutWordBraces(text: string): string {
  return text.includes('{') ? text.replace(WORD_BRACES, '$1') : text;
}

/** Whether `text.split(/\s+/)` would give fewer than `limit` parts (one more than the runs of white space). */
export function fewerWordsThan(text: string, limit: number): boolean {
  let parts = 1;
  let inSpace = false;
  for (let index = 0; index < text.length; index++) {
    const space = isSpace(text.charCodeAt(index));
    if (space && !inSpace && ++parts >= limit) return false;
    inSpace = space;
  }
  return parts < limit;
}

/** What `\s` matches, by UTF-16 code unit. */
export function isSpace(code: number): boolean {
  if (code < 128) return ASCII_SPACE[code] === 1;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const ASCII_SPACE = asciiTable(' \t\n\v\f\r');
/** Code punctuation; with the box-drawing characters of tables drawn in text, below. */
const CODE_SYMBOLS = asciiTable('(){}[]=<>*_#|\\/$@^~`');

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
}

/**
 * Whether code punctuation and box drawing make more than `share` of `text`'s characters (all of them in the BMP:
 * counted by code unit, as the `u` flag counts them).
 */
export function moreCodeSymbolsThan(text: string, share: number): boolean {
  const length = Math.max(1, text.length);
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 128 ? CODE_SYMBOLS[code] === 1 : code >= 0x2500 && code <= 0x257f) && ++count / length > share) return true;
  }
  return false;
}
