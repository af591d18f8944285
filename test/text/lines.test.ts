import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachLine, linesOf } from '../../src/text/lines.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...new Set(cuts.map((at) => at % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

/** A line's content: anything but `\n`, including bare CRs, white space, and characters of several UTF-8 bytes. */
const lineText = fc
  .array(fc.oneof(fc.constantFrom('', ' ', '\t', '\r', 'é', '“', '🦀', '中', '\u2028', 'a', 'How many?'), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 6 })
  .map((parts) => parts.join('').replaceAll('\n', ''));

describe('lines of standard input', () => {
  it('gives back exactly the lines written, in order, however the bytes are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(lineText.map((line) => line.replace(/\r+$/u, '')), fc.constantFrom('\n', '\r\n')), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (lines, cuts) => {
          const text = lines.map(([line, ending]) => `${line}${ending}`).join('');
          const read = await collect(linesOf(chunked(new TextEncoder().encode(text), cuts)));
          expect(read).toEqual(lines.map(([line]) => line));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads any text as splitting it at LF, dropping one CR before each LF and a final LF', async () => {
    const reference = (text: string): string[] => {
      if (text === '') return [];
      const parts = text.split('\n');
      if (parts[parts.length - 1] === '') parts.pop();
      return parts.map((part) => (part.endsWith('\r') ? part.slice(0, -1) : part));
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(lineText, fc.constantFrom('\n', '\r', '\r\n')), { maxLength: 30 }).map((parts) => parts.join('')),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (text, cuts) => {
          expect(await collect(linesOf(chunked(new TextEncoder().encode(text), cuts)))).toEqual(reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never treats a bare CR as a line end', async () => {
    expect(await collect(linesOf(chunked(new TextEncoder().encode('a\rb\r\n\r\nc'), [2, 4])))).toEqual(['a\rb', '', 'c']);
    expect(await collect(linesOf(chunked(new TextEncoder().encode(''), [])))).toEqual([]);
    expect(await collect(linesOf(chunked(new TextEncoder().encode('\n\n'), [])))).toEqual(['', '']);
  });

  it('pairs one result with every line, in order, even when handling some lines throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(lineText, fc.boolean()), { maxLength: 30 }), async (cases) => {
        const failing = new Set(cases.flatMap(([, fails], i) => (fails ? [i] : [])));
        let index = -1;
        async function* lines(): AsyncGenerator<string> {
          for (const [line] of cases) yield line;
        }
        const results = await collect(
          eachLine(
            lines(),
            (line) => {
              index += 1;
              if (failing.has(index)) throw new Error(`no answer for ${line}`);
              return { line, ok: true };
            },
            (line) => ({ line, ok: false }),
          ),
        );
        expect(results).toEqual(cases.map(([line, fails]) => ({ line, ok: !fails })));
      }),
      { numRuns: 200 },
    );
  });
});
