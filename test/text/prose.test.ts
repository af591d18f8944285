import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fewerWordsThan, isSpace, moreCodeSymbolsThan, unlikeProse } from '../../src/text/prose.js';
import { isChangeNote } from '../../src/text/change-notes.js';
import { withoutInlineMarkup } from '../../src/text/inline-markup.js';

/** The regular-expression formulation the counting loops replace. */
function unlikeProseByPatterns(written: string): number {
  const text = withoutInlineMarkup(written);
  let penalty = 0;
  const words = text.split(/\s+/).length;
  if (!/[.!?…:;"'”’)]$/.test(text)) penalty += 0.5;
  if (words < 5) penalty += 0.5;
  if (words < 5 && text.endsWith(':')) penalty += 0.5;
  const withoutUrls = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/giu, '')
    .replace(/<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/gu, '')
    .replace(/\{([\p{L}\p{N}][\p{L}\p{N} '.,-]*)\}/gu, '$1');
  const symbols = (withoutUrls.match(/[(){}[\]=<>*_#|\\/$@^~`\u2500-\u257f]/gu) ?? []).length;
  if (/^\s*(>>>|\$ |#|\.\.\.)/.test(text) || symbols / Math.max(1, withoutUrls.length) > 0.04) penalty += 0.5;
  if (text.length > 500) penalty += 0.5;
  return Math.min(1, penalty);
}

const proseLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '.', ':', '>>> ', '$ ', '#', '(', '_', '│', '─', '🦀', 'é', 'word', 'Sentence', 'https://x.org/a_b/(c)', '://', '<a_b@c.org>', '@'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('how unlike prose a line is', () => {
  it('isSpace agrees with \\s on every UTF-16 code unit', () => {
    const disagreeing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) disagreeing.push(code.toString(16));
    expect(disagreeing).toEqual([]);
  });

  it('reads a sentence that gives a web or mail address as prose, and a path as code', () => {
    expect(unlikeProse('Originally written by Ian Macdonald, the project now lives at https://github.com/scop/bash-completion/.')).toBe(0);
    expect(unlikeProse('Mercurial was written by Olivia Mackall <olivia@selenic.com>.')).toBe(0);
    expect(unlikeProse('Copy it to /usr/local/lib/bash/completions/git/ and /etc/bash/conf.d/.')).toBe(0.5);
  });

  it('reads a glossary\'s cross-references in braces as prose, and code as code', () => {
    expect(unlikeProse('<hardware, graphics> The most commonly used computer {pointing device}, first introduced by {Douglas Engelbart} in 1968.')).toBe(0);
    expect(unlikeProse('--timeout <seconds> Number of seconds to cache credentials (default: 900).')).toBe(0.5);
    expect(unlikeProse('The loop is written as for (i = 0; i < n; i++) { sum += a[i]; } in the example.')).toBe(0.5);
  });

  it("reads Markdown's inline markup as prose: code spans, emphasis and links are no code", () => {
    // As the same sentences read in the HTML pages: short, and prose.
    expect(unlikeProse('Default is `127.0.0.1:9229`.')).toBe(unlikeProse('Default is 127.0.0.1:9229.'));
    expect(unlikeProse('**More specifically, `--inspect=0.0.0.0` is insecure if the port (`9229` by default) is not firewall-protected.**')).toBe(0);
    expect(unlikeProse('See [`util.callbackify()`][] and [the guide](https://nodejs.org/en/docs/guides/) for the other way round.')).toBe(0);
    expect(withoutInlineMarkup('The *first* and __second__ `code` [link][ref], but snake_case_name and 2 * 3 stay.')).toBe(
      'The first and second code link, but snake_case_name and 2 * 3 stay.',
    );
    expect(unlikeProse('Set `x` = {a: [1, 2], b: (3 * 4)} first.')).toBe(0.5);
  });

  it('counts words, code symbols and penalties exactly as the regular expressions do', () => {
    fc.assert(
      fc.property(proseLike, (text) => {
        const words = text.split(/\s+/).length;
        for (const limit of [1, 2, 5, 9]) expect(fewerWordsThan(text, limit)).toBe(words < limit);
        const symbols = (text.match(/[(){}[\]=<>*_#|\\/$@^~`\u2500-\u257f]/gu) ?? []).length;
        for (const share of [0, 0.04, 0.3]) expect(moreCodeSymbolsThan(text, share)).toBe(symbols / Math.max(1, text.length) > share);
        expect(unlikeProse(text)).toBe(unlikeProseByPatterns(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('change notes of versioned documentation', () => {
  it('are told from statements of what is so now', () => {
    for (const note of ['Changed in version 3.0: The default protocol is 3.', 'New in version 3.2.', 'Added in: v17.5.0', 'Deprecated since version 3.12: Use spawn.']) {
      expect(isChangeNote(note)).toBe(true);
    }
    for (const statement of ['Currently the default protocol is 4.', 'The change in version numbering came later.', 'Added support is planned.']) {
      expect(isChangeNote(statement)).toBe(false);
    }
  });
});
