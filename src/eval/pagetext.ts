/**
 * A source file's text as a reader sees it, which is what quotes are checked against: for HTML the page's
 * text as a browser shows it (tags, scripts and styles removed, character entities decoded, a line break
 * where a block element starts or ends), for `.txt` and `.md` the file's own text. Pure.
 */
import { Parser } from 'htmlparser2';
import { decodeText } from '../ingest/decode.js';

/** Elements whose content a browser does not show as page text. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);

/** Elements a browser lays out on their own lines; their edges separate words. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

/** Paragraph break: the block separator, so a sentence splitter never joins two blocks. */
const BLOCK_BREAK = '\n\n';

/** The text of an HTML page, blocks separated by blank lines and white space otherwise as written. */
export function htmlPageText(html: string): string {
  const parts: string[] = [];
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (BLOCKS.has(name)) parts.push(BLOCK_BREAK);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCKS.has(name)) parts.push(BLOCK_BREAK);
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('');
}

const HTML_FILE = /\.html?$/iu;

/** The text of a source file, by its path's extension. */
export function sourceText(filePath: string, content: string): string {
  return HTML_FILE.test(filePath) ? htmlPageText(content) : content;
}

/** A source file's bytes read as the indexer reads them (an HTML page that is not UTF-8 in its own encoding), then its text. */
export function sourceTextOfBytes(filePath: string, bytes: Uint8Array): string {
  const decoded = decodeText(bytes, { html: HTML_FILE.test(filePath) });
  return sourceText(filePath, decoded.ok ? decoded.text : Buffer.from(bytes).toString('utf8'));
}
