/**
 * Lines of a stream, for `ask --json -`: a line ends at `\n`, with an optional `\r` before it (dropped); a bare `\r`
 * is part of its line; text after the last `\n` is a last line; an input ending in `\n` has no empty line after it.
 * Bytes are decoded as UTF-8 across chunk boundaries, so a character split between two chunks stays whole.
 */
export async function* linesOf(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    let end: number;
    while ((end = pending.indexOf('\n', from)) !== -1) {
      yield withoutCarriageReturn(pending.slice(from, end));
      from = end + 1;
    }
    pending = pending.slice(from);
  }
  pending += decoder.decode();
  if (pending !== '') yield withoutCarriageReturn(pending);
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * One result per line, in order, whatever happens: a line whose handler throws gets `onFault`'s result in its
 * place, so a script reading the output can pair the n-th result with its n-th line.
 */
export async function* eachLine<T>(
  lines: AsyncIterable<string>,
  handle: (line: string) => T,
  onFault: (line: string, error: unknown) => T,
): AsyncGenerator<T> {
  for await (const line of lines) {
    let result: T;
    try {
      result = handle(line);
    } catch (error) {
      result = onFault(line, error);
    }
    yield result;
  }
}
