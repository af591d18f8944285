/**
 * Names written as code in a text: snake_case, dotted.names, camelCase, --options and a name with its version after a
 * slash ("HTTP/3", "HTTP/1.1"); not "e.g." or "i.e.", whose parts are single letters.
 */
const IDENTIFIER = /(?<![\p{L}\p{N}_.-])(?:--?\p{Ll}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*|\p{L}[\p{L}\p{N}]*(?:[_.]\p{L}[\p{L}\p{N}]*)+|\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{L}{2,}\/\d+(?:\.\d+)*)(?![\p{L}\p{N}_-])/gu;

/** The identifiers `text` writes, each once, as written. */
export function identifiersIn(text: string): string[] {
  return [...new Set(identifierSpans(text).map(({ start, end }) => text.slice(start, end)))];
}

/** Where `text` writes identifiers: each one's start and end. */
export function identifierSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(IDENTIFIER)]
    .filter((match) => match[0].split(/[_.-]/u).some((part) => part.length >= 2))
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
