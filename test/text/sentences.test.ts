import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const sentencesOf = (text: string): string[] => splitSentences(text).map((range) => text.slice(range.start, range.end));

describe('splitSentences', () => {
  it('splits at terminal punctuation followed by a capital', () => {
    expect(sentencesOf('Kyiv was hit. Fires broke out! Was anyone hurt? Yes.')).toEqual([
      'Kyiv was hit.',
      'Fires broke out!',
      'Was anyone hurt?',
      'Yes.',
    ]);
  });

  it('takes a capital letter before a given or family name for an initial, after a title or a role too', () => {
    expect(sentencesOf('HOUSTON, March 3 - Pennzoil Co chairman J. Hugh Liedtke said the offer was fair. It was rejected.')).toEqual([
      'HOUSTON, March 3 - Pennzoil Co chairman J. Hugh Liedtke said the offer was fair.',
      'It was rejected.',
    ]);
    expect(sentencesOf('The shelf is labelled X. Then the drawer opens.')).toEqual(['The shelf is labelled X.', 'Then the drawer opens.']);
  });

  it('does not split after abbreviations and initials', () => {
    expect(sentencesOf('The U.S. President spoke to Mr. Smith. George W. Bush listened.')).toEqual([
      'The U.S. President spoke to Mr. Smith.',
      'George W. Bush listened.',
    ]);
  });

  it('joins a sentence that is wholly a bracketed aside to the sentence it introduces', () => {
    const text = '[MIT, after 2000: orig. from a TV episode.] Any seemingly pointless activity. (See also below.) More. (A) and (B) differ.';
    expect(sentencesOf(text)).toEqual([
      '[MIT, after 2000: orig. from a TV episode.] Any seemingly pointless activity.',
      '(See also below.) More.',
      '(A) and (B) differ.',
    ]);
  });

  it('joins a bracketed aside that closes its block to the sentence it remarks on', () => {
    expect(sentencesOf('Port to listen on. (default: 8000)\n\n(See the notes.)')).toEqual(['Port to listen on. (default: 8000)', '(See the notes.)']);
    expect(sentencesOf('Every file needs a notice. (Without one, the file is not free.)')).toEqual(['Every file needs a notice.', '(Without one, the file is not free.)']);
    expect(sentencesOf('The timeout used when a lock is held, a negative value\n    means no timeout. (default: 600)')).toEqual([
      'The timeout used when a lock is held, a negative value\n    means no timeout. (default: 600)',
    ]);
  });

  it('joins a line that is wholly a bracketed remark to the line above it, not across a blank line', () => {
    const text = 'This controls how much context the patcher may ignore.\n    (default: 2)\n\n(default: 3)\nNext line.\n(See the notes.)';
    expect(sentencesOf(text)).toEqual([
      'This controls how much context the patcher may ignore.\n    (default: 2)',
      '(default: 3)',
      'Next line.',
      '(See the notes.)',
    ]);
  });

  it('keeps a quotation of several sentences in one piece', () => {
    const text = '“Absolutely horrible night in Kyiv. One of the worst so far,” wrote Andrii Sybiha on X. Noting the call, he added more.';
    expect(sentencesOf(text)).toEqual([
      '“Absolutely horrible night in Kyiv. One of the worst so far,” wrote Andrii Sybiha on X.',
      'Noting the call, he added more.',
    ]);
  });

  it('leaves a quoted excerpt longer than a long sentence in its sentences', () => {
    const excerpt =
      '"We use a counting tool to determine the number of physical source lines of code of the release, which many people had asked about. We show that the release includes more than 55,000,000 physical lines of code. In addition, we offer an analysis of the languages used."';
    expect(sentencesOf(`Quoting from this article: ${excerpt}`)).toEqual([
      'Quoting from this article: "We use a counting tool to determine the number of physical source lines of code of the release, which many people had asked about.',
      'We show that the release includes more than 55,000,000 physical lines of code.',
      'In addition, we offer an analysis of the languages used."',
    ]);
  });

  it('ends a sentence at a blank line or a line that ends with punctuation, not at a soft wrap', () => {
    const text = 'A heading without a stop\n\nFirst line of a paragraph that wraps\nonto the next line.\nSecond paragraph.';
    expect(sentencesOf(text)).toEqual([
      'A heading without a stop',
      'First line of a paragraph that wraps\nonto the next line.',
      'Second paragraph.',
    ]);
  });

  it("leaves a list item's number out of the sentences: it says nothing alone", () => {
    expect(sentencesOf('Steps:\n1. Install the package.\n2. Run it now.')).toEqual(['Steps:', 'Install the package.', 'Run it now.']);
    expect(sentencesOf('   2. One who programs enthusiastically.')).toEqual(['One who programs enthusiastically.']);
    expect(sentencesOf('It was released in version 1. The next one came later.')).toEqual(['It was released in version 1.', 'The next one came later.']);
  });

  it('reads on past a Markdown link that ends a line when the next line goes on in lower case', () => {
    const text =
      'The module uses the [Friso](https://github.com/lionsoul2014/friso)\nchinese tokenization library for this purpose.\n' +
      'Release 2.0.0 (5 Nov 2003)\nFixed bugs are listed below.\nSee the [changes](changes.md)\nTheir list is long.';
    expect(sentencesOf(text)).toEqual([
      'The module uses the [Friso](https://github.com/lionsoul2014/friso)\nchinese tokenization library for this purpose.',
      'Release 2.0.0 (5 Nov 2003)',
      'Fixed bugs are listed below.',
      'See the [changes](changes.md)',
      'Their list is long.',
    ]);
  });

  it('ends a sentence at each row of a table written with bars, not at a wrapped line that holds a bar', () => {
    const text =
      '`core.bgp_address` | string | local | - | Address to bind the BGP server to (BGP)\n' +
      '`core.bgp_asn` | string | global | - | The BGP Autonomous System Number to use for the local server\n' +
      '`core.https_trusted_proxy` | string | global | - | Comma-separated list of IP addresses (`a|b` escaped \\| too)\n' +
      'Pipe the log through grep with cat log | grep error to find them\nand read what it finds.';
    expect(sentencesOf(text)).toEqual([
      '`core.bgp_address` | string | local | - | Address to bind the BGP server to (BGP)',
      '`core.bgp_asn` | string | global | - | The BGP Autonomous System Number to use for the local server',
      '`core.https_trusted_proxy` | string | global | - | Comma-separated list of IP addresses (`a|b` escaped \\| too)',
      'Pipe the log through grep with cat log | grep error to find them\nand read what it finds.',
    ]);
    // A row may leave out its last cells: rows that open with a bar are rows all the same.
    const ragged = '| `--enable-shared` is on by default | It is required to embed CPython. |\n| argument to `--enable-universalsdk` is ignored |\n| `MACOSX_DEPLOYMENT_TARGET` defaults to the running version |';
    expect(sentencesOf(ragged)).toEqual(ragged.split('\n'));
  });

  it('splits a run of lines too long to be one sentence (a list of links written without stops) line by line', () => {
    const lines = Array.from({ length: 200 }, (_, index) => `option-${index} → changes.html#version_${index}`);
    expect(sentencesOf(lines.join('\n'))).toEqual(lines);
    expect(sentencesOf(lines.slice(0, 3).join('\n'))).toEqual([lines.slice(0, 3).join('\n')]);
  });

  it('returns ordered, non-overlapping, trimmed ranges inside the requested range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        let previousEnd = start;
        for (const range of splitSentences(text, { start, end })) {
          expect(range.start).toBeGreaterThanOrEqual(previousEnd);
          expect(range.end).toBeLessThanOrEqual(end);
          expect(range.end).toBeGreaterThan(range.start);
          const slice = text.slice(range.start, range.end);
          expect(slice).toBe(slice.trim());
          previousEnd = range.end;
        }
      }),
    );
  });
});
