import { describe, expect, it } from 'vitest';
import { htmlPageText, sourceText } from '../../src/eval/pagetext.js';
import { collapseSpace } from '../../src/eval/score.js';

const shown = (html: string): string => collapseSpace(htmlPageText(html));

describe('htmlPageText', () => {
  it('decodes named and numeric character entities', () => {
    expect(shown('<p>Fish &amp; chips&nbsp;&mdash; it&#8217;s &lt;cheap&gt; &#x201C;ok&#x201D;</p>')).toBe('Fish & chips — it’s <cheap> “ok”');
  });

  it('drops scripts, styles and the head, keeping the body text', () => {
    const html =
      '<html><head><title>Page title</title><style>p { color: red }</style></head>' +
      '<body><p>Before.</p><script>var p = "<p>not text</p>";</script><p>After.</p></body></html>';
    expect(shown(html)).toBe('Before. After.');
  });

  it('collapses white space and joins inline elements as written', () => {
    expect(shown('<p>  The   <code>os</code>.path\n\tmodule\n is <em>useful</em>. </p>')).toBe('The os.path module is useful.');
  });

  it('separates block elements so their words do not run together', () => {
    expect(shown('<ul><li>one</li><li>two</li></ul><div>three<br>four</div><table><tr><td>five</td><td>six</td></tr></table>')).toBe(
      'one two three four five six',
    );
  });

  it('puts a blank line between blocks, so a sentence never spans two', () => {
    expect(htmlPageText('<p>First</p><p>Second</p>')).toMatch(/First\n\n+Second/u);
  });
});

describe('sourceText', () => {
  it('reads .html and .htm files as pages and other files as they are', () => {
    expect(collapseSpace(sourceText('a/page.HTM', '<p>x &amp; y</p>'))).toBe('x & y');
    expect(sourceText('notes.md', '# Title\n\n<b>bold</b> &amp;')).toBe('# Title\n\n<b>bold</b> &amp;');
  });
});
