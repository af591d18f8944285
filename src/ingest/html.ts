/**
 * HTML reader: parses with htmlparser2, keeps the page's main content, drops chrome (navigation, headers,
 * footers, asides, forms, share and cookie widgets…) and extracts text with block elements on their own
 * lines, paragraphs separated by blank lines, inline elements joined as written and `<pre>` kept as is.
 */
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { TextRange } from '../model.js';
import type { Block, BlockKind, SourceDocument, StatedMetadata } from './document.js';
import { DEFINITION_TERM_LEVEL, isTermHeading, trimRange } from './document.js';
import { toIsoDate } from './dates.js';
import { copyrightHolder } from './metadata.js';
import { readPlainText } from './text.js';
import { splitSentences } from '../text/sentences.js';
import { unlikeProse } from '../text/prose.js';

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = ReturnType<typeof DomUtils.findAll>[number];
type DomText = { data: string; parent: DomNode['parent'] };

/** Elements whose whole content is chrome or not text. */
const DROPPED_TAGS = new Set([
  'head', 'script', 'style', 'nav', 'header', 'footer', 'form', 'noscript', 'template',
  'iframe', 'svg', 'canvas', 'button', 'select', 'textarea', 'input', 'object', 'embed', 'dialog', 'menu',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog']);
/** Words of `class` / `id` values that mark chrome. Matched whole, between `-`, `_`, white space or the ends. */
const CHROME_WORDS = [
  'sidebar', 'sphinxsidebar', 'sphinxsidebarwrapper', 'related', 'breadcrumb', 'breadcrumbs', 'share',
  'sharing', 'social', 'cookie', 'cookies', 'consent', 'comments', 'comment', 'footer', 'menu', 'toc',
  'nav', 'navbar', 'navigation', 'newsletter', 'promo', 'advert', 'advertisement', 'ads', 'headerlink',
  'permalink', 'anchorjs', 'skip', 'popup', 'modal', 'masthead', 'subscribe', 'signup', 'byline',
];
const CHROME = wordPattern(CHROME_WORDS);
/**
 * A box set beside the text: `<aside>` or a `sidebar` class says where it stands, not what it holds. A blog's
 * sidebar of links or labels ("Popular now", "Related stories") is chrome; a book's sidebar ("QUICK LOOK buildd, the
 * Debian package recompiler: buildd is the abbreviation of …") or a footnote in `<aside>` is text.
 */
const BESIDE = 'sidebar';
const CHROME_NOT_BESIDE = wordPattern(CHROME_WORDS.filter((word) => word !== BESIDE));

/**
 * Elements that end a paragraph (blank line) or a line (newline). Others are inline. A table row stands apart as a
 * paragraph does: it states one thing ("columns per table | 1,600 | …"); so does a list item, whose last words need
 * no full stop to end it ("released under the MIT Licence" is not continued by the next item's "Though …").
 */
const PARAGRAPH_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'body', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'tr', 'li',
  'figure', 'figcaption', 'hr', 'address', 'details', 'fieldset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const LINE_TAGS = new Set(['dt', 'dd', 'td', 'th', 'caption', 'summary', 'br', 'option']);
const ITEM_TAGS = new Set(['li', 'dt', 'dd', 'td', 'th', 'caption']);
const HEADING = /^h([1-6])$/u;
/** HTML white space; deliberately not `\s`, which would also collapse non-breaking spaces. */
const HTML_SPACE = /[ \t\n\r\f]+/gu;

/** Matches a value holding one of `list` as a whole word of a `class`, `id` or `rel` attribute. */
function wordPattern(list: string[]): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${list.join('|')})(?=$|[\\s_-])`, 'iu');
}

function hasWord(value: string | undefined, pattern: RegExp): boolean {
  return value !== undefined && value !== '' && pattern.test(value);
}

const CONTAINERS = new Set(['html', 'body', 'main', 'article']);
/** Content wrappers of blog and news templates: `entry-content`, `post-body`, `article__text`, `#content`. */
const CONTENT_CLASS = /(?:^|\s)(?:entry|post|article|story)(?:-|_|__)?(?:content|body|text)(?:\s|$)/iu;
const CONTENT_ID = /^(?:content|main-content|maincontent|main)$/iu;
/** A whole class name, not a word of a longer one: Sphinx's `.body`, not Docutils' `.field-body` table cell. */
const BODY_CLASS = /(?:^|\s)body(?:\s|$)/iu;
const DOCUMENT_CLASS = /(?:^|\s)document(?:\s|$)/iu;
const FOOTER_CLASS = wordPattern(['footer']);
const CANONICAL = wordPattern(['canonical']);

/**
 * `classesSayNothing`: inside `<pre>`/`<code>`, where classes are syntax highlighting (`hljs-comment`), or a heading,
 * where a link with a chrome-like class holds the heading's words (`<h2><a class="toc-backref">Options</a></h2>`).
 */
function isDropped(el: DomElement, classesSayNothing = false): boolean {
  if (el.type === ElementType.Script || el.type === ElementType.Style) return true;
  if (DROPPED_TAGS.has(el.name)) return true;
  const attribs = el.attribs;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  if (attribs.role && DROPPED_ROLES.has(attribs.role)) return true;
  if (isSelfAnchor(el)) return true;
  if (isRelationLinks(el)) return true;
  if (isIndexList(el)) return true;
  if (el.name === 'aside') return hasWord(attribs.class, CHROME_NOT_BESIDE) || hasWord(attribs.id, CHROME) || !readsAsProse(el);
  // Page-level containers carry state classes (`has-sidebar`, `comments-open`) that say nothing about them.
  if (CONTAINERS.has(el.name) || classesSayNothing) return false;
  if (hasWord(attribs.class, CHROME_NOT_BESIDE)) return true;
  if (hasWord(attribs.class, CHROME) && !readsAsProse(el)) return true;
  return hasWord(attribs.id, CHROME);
}

/** Mostly unlinked text that holds at least one sentence ("… is the abbreviation of “build daemon”."). */
function readsAsProse(el: DomElement): boolean {
  return !isMostlyLinks(el) && SENTENCE_END.test(DomUtils.textContent(el));
}

const SENTENCE_END = /[\p{L}\p{N})\]"'”’][.!?](?:\s|$)/u;

/** Descriptions that make a definition list an index rather than a glossary. */
const MIN_INDEX_ENTRIES = 3;

/**
 * A book's index ("connect_timeout — The smtp transport [Generic options]"): a definition list whose every description
 * is nothing but links to where the documentation treats its term. Its lines point elsewhere; they say nothing of their
 * own. A list of links to other sites ("Git (git) — https://git-scm.com/") says where each thing lives: it stays.
 */
function isIndexList(el: DomElement): boolean {
  const entry = INDEX_ENTRY.get(el.name);
  return entry !== undefined && childrenNamed(el, entry).length >= MIN_INDEX_ENTRIES && pointsOnly(el);
}

/**
 * What holds an index's entry in each kind of list: a definition list's description, or a list item (Sphinx's newer
 * `genindex`: "+aaflag" over a list of "dig command line option" links).
 */
const INDEX_ENTRY = new Map([
  ['dl', 'dd'],
  ['ul', 'li'],
]);

/**
 * Every entry of the list is nothing but links within the documentation, or holds only subentries that are
 * ("access control lists (ACLs)" over "arguments — Access control lists [ACL conditions]", …).
 */
function pointsOnly(list: DomElement): boolean {
  return childrenNamed(list, INDEX_ENTRY.get(list.name)!).every((entry) => {
    const { letters, linked } = lettersOf(entry.children, false, list.name);
    const subentries = childrenNamed(entry, list.name);
    if (list.name === 'ul') return (linked === letters ? letters > 0 || subentries.length > 0 : subentries.length > 0) && subentries.every(pointsOnly);
    const pointsItself = letters === 0 ? subentries.length > 0 : linked === letters || SEE_ALSO.test(ownText(entry));
    return pointsItself && subentries.every(pointsOnly);
  });
}

/** An index's cross reference: "see “BATV”", "see also “limit”" point to another entry. */
const SEE_ALSO = /^\s*see(?:\s+also)?\s/iu;

/** The text of an element without its nested definition lists. */
function ownText(el: DomElement): string {
  return el.children.map((child) => (child.type === ElementType.Text ? child.data : child.type === ElementType.Tag && child.name !== 'dl' ? ownText(child) : '')).join('');
}

function childrenNamed(el: DomElement, name: string): DomElement[] {
  return el.children.filter((child): child is DomElement => child.type === ElementType.Tag && child.name === name);
}

/** A link to a page of the same documentation ("ch-smtp.html#a"), not to another site ("https://git-scm.com/"). */
function isLinkWithin(href: string | undefined): boolean {
  return href !== undefined && !/^[a-z][a-z0-9+.-]*:/iu.test(href);
}

/** Letters and digits under `nodes`, and those inside links within the documentation; a nested list of `nested`'s kind (an entry's subentries) is its own. */
function lettersOf(nodes: DomElement['children'], inLink: boolean, nested = 'dl'): { letters: number; linked: number } {
  let letters = 0;
  let linked = 0;
  for (const node of nodes) {
    if (node.type === ElementType.Text) {
      const count = node.data.replace(/[^\p{L}\p{N}]/gu, '').length;
      letters += count;
      if (inLink) linked += count;
    } else if (node.type === ElementType.Tag && node.name !== nested) {
      const inner = lettersOf(node.children, inLink || (node.name === 'a' && isLinkWithin(node.attribs.href)), nested);
      letters += inner.letters;
      linked += inner.linked;
    }
  }
  return { letters, linked };
}

function linkedLength(el: DomElement): number {
  return DomUtils.findAll((child) => child.name === 'a' && child.attribs.href !== undefined, el.children).reduce((sum, link) => sum + textLength(link), 0);
}

/** More than a quarter of its letters are in links: a list of links, however it is titled. */
function isMostlyLinks(el: DomElement): boolean {
  return linkedLength(el) * 4 > textLength(el);
}

/**
 * A paragraph of links to the pages around this one, each marked so by its `rel` ("Next: <a rel=next>Introduction</a>,
 * Up: <a rel=up>…</a> [<a rel=contents>Contents</a>]", Texinfo's page header): navigation, whatever its class. So is a
 * list or a table of mostly links of which two or more have a keyboard shortcut (`accesskey`: DocBook's "Prev / Up /
 * Home / Next"), and no heading: those are the page's controls, not its text.
 */
function isRelationLinks(el: DomElement): boolean {
  // A table laying out the whole page (libxml2's API pages, whose signatures are mostly links) holds headings: no bar.
  if (NAVIGATION_BLOCKS.has(el.name) && isMostlyLinks(el) && DomUtils.findOne((child) => HEADING.test(child.name), el.children) === null) {
    const shortcuts = DomUtils.findAll((child) => child.name === 'a' && child.attribs.href !== undefined && (child.attribs.accesskey ?? '') !== '', el.children);
    if (shortcuts.length >= 2) return true;
  }
  if (el.name !== 'p' && el.name !== 'div') return false;
  let links = 0;
  let labels = 0;
  for (const child of el.children) {
    if (child.type === ElementType.Text) labels += (child as { data: string }).data.trim().length;
    else if ((child as DomElement).name === 'a' && NAVIGATION_RELATIONS.test((child as DomElement).attribs.rel ?? '')) links += 1;
    else return false;
  }
  return links >= 2 && labels <= MAX_NAVIGATION_LABELS * links;
}

/**
 * A list whose every item is one link and nothing else ("Main Menu", "Windows binaries", "Bug Tracker"): a menu of
 * places to go, not text. A list that says something of its links ("<a>os</a> — operating system interfaces") stays.
 */
function isListOfLinksOnly(el: DomElement): boolean {
  if (el.name !== 'ul' && el.name !== 'ol') return false;
  const items = el.children.filter((child): child is DomElement => (child as DomElement).name === 'li');
  if (items.length < MIN_MENU_ITEMS || el.children.some((child) => child.type === ElementType.Text && (child as { data: string }).data.trim() !== '')) return false;
  return items.every((item) => {
    const links = DomUtils.findAll((child) => child.name === 'a' && child.attribs.href !== undefined, item.children);
    const linked = links.length === 1 ? textLength(links[0]!) : 0;
    return linked > 0 && linked === textLength(item);
  });
}

/**
 * A paragraph of links with only separators between them, perhaps after a label: a breadcrumb trail ("Apache > HTTP
 * Server > Documentation"), a bar of languages ("Available Languages: de | en | fr"). A list written with commas or
 * words between its links ("see <a>A</a>, <a>B</a> and <a>C</a>") is text.
 */
function isLinkBar(el: DomElement): boolean {
  if (el.name !== 'p' && el.name !== 'div') return false;
  const links = DomUtils.findAll((child) => child.name === 'a' && child.attribs.href !== undefined, el.children);
  if (links.length < 2 || links.some((link) => textLength(link) === 0)) return false;
  const between: string[] = [];
  const walk = (nodes: DomNode[]): void => {
    for (const node of nodes) {
      if (node.type === ElementType.Text) between.push(node.data);
      else if (node.type === ElementType.Tag && !(node.name === 'a' && node.attribs.href !== undefined)) walk(node.children);
    }
  };
  walk(el.children);
  const separators = between.join('').replace(LINK_BAR_LABEL, '');
  // Two links make a bar only when something stands between them ("en | fr"); three when only white space does.
  return LINK_BAR_SEPARATORS.test(separators) && (links.length >= MIN_MENU_ITEMS || /\S/u.test(separators));
}

/** What a link bar holds besides its links: separators and white space only. */
const LINK_BAR_SEPARATORS = /^[\s>/|»›·•–—]*$/u;
/** A label before a link bar's first link ("Available Languages:"). */
const LINK_BAR_LABEL = /^\s*[\p{L}\p{N} ]{1,40}:/u;

/**
 * The label or the value cell of a row that is a label and its value (`<tr><th>Default:</th><td>TimeOut 60</td></tr>`),
 * null for any other element.
 */
function labelAndValue(el: DomElement): 'label' | 'value' | null {
  if ((el.name !== 'td' && el.name !== 'th') || el.parent === null || (el.parent as DomElement).name !== 'tr') return null;
  const cells = (el.parent as DomElement).children.filter((child): child is DomElement => child.type === ElementType.Tag);
  if (cells.length !== 2 || cells[0]!.name !== 'th' || cells[1]!.name !== 'td' || !/:\s*$/u.test(DomUtils.textContent(cells[0]!))) return null;
  return el === cells[0] ? 'label' : 'value';
}

/** Fewer links than this in a list are a short reference ("see <a>A</a>, <a>B</a>"), not a menu. */
const MIN_MENU_ITEMS = 3;

/** A list or a table: where a bar of page controls stands ("Prev / Up / Home / Next"); a paragraph's links are read by `rel`. */
const NAVIGATION_BLOCKS = new Set(['ul', 'ol', 'table']);
const NAVIGATION_RELATIONS = wordPattern(['next', 'prev', 'previous', 'up', 'contents', 'index', 'start', 'first', 'last']);
/** Characters of label per link ("Next: ", ", Previous: ", "][") a navigation paragraph may hold besides its links. */
const MAX_NAVIGATION_LABELS = 16;

/** A link to a place in the same page whose text is only a mark (`#`, `¶`, `§`): a heading's permalink. */
function isSelfAnchor(el: DomElement): boolean {
  return el.name === 'a' && (el.attribs.href ?? '').startsWith('#') && !/[\p{L}\p{N}]/u.test(DomUtils.textContent(el));
}

/** Accumulates text with lazily written separators and records one block per paragraph or line. */
class TextBuilder {
  private readonly parts: string[] = [];
  private written = 0;
  private pendingBreak = 0;
  private pendingSpace = false;
  private openBlock: { start: number; kind: BlockKind; level?: number } | null = null;
  readonly blocks: Block[] = [];
  /** Offsets where visible text of a dropped element (a permalink's `¶`, a hidden span) was left out. */
  readonly gaps: number[] = [];

  /** Characters written so far: the offset the next text starts at, separators aside. */
  get length(): number {
    return this.written;
  }

  constructor(private readonly kindNow: () => { kind: BlockKind; level?: number }) {}

  requestBreak(lines: 1 | 2): void {
    if (this.written > 0) this.pendingBreak = Math.max(this.pendingBreak, lines);
  }

  /** Text outside `<pre>`: runs of HTML white space become one space. */
  inline(raw: string): void {
    const collapsed = raw.replace(HTML_SPACE, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (collapsed === ' ' && this.openBlock) this.pendingSpace = true;
      return;
    }
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.endsWith(' ');
    const core = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (leading && this.openBlock) this.pendingSpace = true;
    this.append(core);
    this.pendingSpace = trailing;
  }

  leftOut(): void {
    this.gaps.push(this.written);
  }

  /** The terms recorded since block `from` govern no text past here: what follows their table is not theirs. */
  endTerms(from: number): void {
    for (const block of this.blocks.slice(from)) if (isTermHeading(block)) block.governsUntil ??= this.written;
  }

  /** The terms that start at or after text offset `from` govern no text past here. */
  endTermsFrom(from: number): void {
    for (const block of this.blocks) if (isTermHeading(block) && block.start >= from) block.governsUntil ??= this.written;
  }

  /** The last term before text offset `from` governs up to here, when terms of their own start since `from`. */
  endTermOverSubentries(from: number): void {
    if (!this.blocks.some((block) => isTermHeading(block) && block.start >= from)) return;
    const term = this.blocks.findLast((block) => isTermHeading(block) && block.start < from);
    if (term !== undefined) term.governsUntil ??= this.written;
  }

  /** Text inside `<pre>`, kept as written. */
  preformatted(raw: string): void {
    if (raw) this.append(raw);
  }

  private append(s: string): void {
    if (this.pendingBreak > 0 && this.openBlock) {
      this.closeBlock();
      this.write(this.pendingBreak === 2 ? '\n\n' : '\n');
    } else if (this.pendingBreak > 0 && this.written > 0) {
      this.write(this.pendingBreak === 2 ? '\n\n' : '\n');
    } else if (this.pendingSpace && this.openBlock) {
      this.write(' ');
    }
    this.pendingBreak = 0;
    this.pendingSpace = false;
    if (!this.openBlock) this.openBlock = { start: this.written, ...this.kindNow() };
    this.write(s);
  }

  private write(s: string): void {
    this.parts.push(s);
    this.written += s.length;
  }

  private closeBlock(): void {
    if (!this.openBlock) return;
    const { start, kind, level } = this.openBlock;
    this.openBlock = null;
    this.blocks.push({ start, end: this.written, kind, ...(level === undefined ? {} : { level }) });
  }

  finish(): string {
    this.closeBlock();
    return this.parts.join('');
  }
}

interface Context {
  pre: number;
  /** Depth inside `<pre>` or `<code>`. */
  code: number;
  item: number;
  heading: number;
  /** Depth inside `<a href>`. */
  link: number;
  /** Inside an entry's one-row table (`isEntryTable`): its cells are one line. */
  entry: number;
  /** Depth inside `<dd>`. */
  description: number;
}

function extract(root: DomNode[]): { text: string; blocks: Block[]; linkedShare: number } {
  const ctx: Context = { pre: 0, code: 0, item: 0, heading: 0, link: 0, entry: 0, description: 0 };
  let visible = 0;
  let linked = 0;
  const builder = new TextBuilder(() => {
    if (ctx.heading > 0) return { kind: 'heading', level: ctx.heading };
    if (ctx.pre > 0) return { kind: 'code' };
    return { kind: ctx.item > 0 ? 'item' : 'text' };
  });

  /** The `<pre>` a keyword's bold line describes, and where the text of each such `<pre>` went. */
  let describedByTerm: DomElement | null = null;
  const describedRanges: TextRange[] = [];
  const walk = (nodes: DomNode[]): void => {
    for (const node of nodes) {
      if (node.type === ElementType.Text) {
        const letters = node.data.replace(HTML_SPACE, '').length;
        visible += letters;
        if (ctx.link > 0) linked += letters;
        if (ctx.pre > 0) builder.preformatted(node.data);
        else builder.inline(node.data);
        continue;
      }
      if (node.type !== ElementType.Tag) continue;
      // A menu is left out of the text, but its links count as the page's: a page that is all menus is a page of links.
      if (ctx.code === 0 && (isListOfLinksOnly(node) || isLinkBar(node))) {
        const letters = textLength(node);
        visible += letters;
        linked += letters;
        builder.leftOut();
        continue;
      }
      // In code, an inline element's classes are syntax highlighting (a list is no highlighting: a `dropdown-menu` of
      // links set inside a `<pre>`); in a heading, a link holding its words is the heading (Docutils' `toc-backref` link
      // back to the table of contents): neither is chrome by its class.
      const highlighting = ctx.code > 0 && !PARAGRAPH_TAGS.has(node.name) && !LINE_TAGS.has(node.name);
      if (isDropped(node, highlighting || (ctx.heading > 0 && ctx.heading < DEFINITION_TERM_LEVEL))) {
        if (textLength(node) > 0) builder.leftOut();
        continue;
      }
      const name = node.name;
      if (name === 'br') {
        if (ctx.heading > 0) builder.inline(' ');
        else builder.requestBreak(1);
        continue;
      }
      // A row that is a label and its value reads as one line: "Default: TimeOut 60".
      const labelled = labelAndValue(node);
      const inEntryRow = ctx.entry > 0 && name !== 'table';
      const breaks = labelled === 'value' || inEntryRow ? 0 : PARAGRAPH_TAGS.has(name) ? 2 : LINE_TAGS.has(name) ? 1 : 0;
      if (labelled === 'value' || inEntryRow) builder.inline(' ');
      if (breaks) builder.requestBreak(breaks);
      const level = HEADING.exec(name)?.[1];
      const saved = { ...ctx };
      if (level) ctx.heading = Number(level);
      // A term heads the description that follows: an API entry (`<dt id="os.path.join">` in Sphinx, Javadoc, MDN), a
      // glossary's headword, an option (`-m, --move`). A label ending in a colon ("Parameters:") names no term.
      else if (name === 'dt' && ctx.heading === 0 && !DomUtils.textContent(node).trim().endsWith(':')) ctx.heading = DEFINITION_TERM_LEVEL;
      // A one-row table that names a setting and its properties heads the prose after it, as a term does: "message_size_limit
      // | Use: main | Type: string | Default: 50M" over "This option limits the maximum size of message …".
      else if (ctx.heading === 0 && isEntryTable(node)) {
        ctx.heading = DEFINITION_TERM_LEVEL;
        ctx.entry++;
      }
      // A question set in bold on its own heads its answer, as a term does: a FAQ's "<p><b>(1) How do I …?</b></p>".
      else if (ctx.heading === 0 && isBoldQuestion(node)) ctx.heading = DEFINITION_TERM_LEVEL;
      else if (ctx.heading === 0) {
        // A keyword set in bold on a line of its own, with at most its arguments, heads the prose after it as a term
        // does: HAProxy's "<b>timeout client</b> &lt;timeout&gt;" over "Set the maximum inactivity time on the client side."
        const described = boldTermDescription(node);
        if (described !== null) {
          ctx.heading = DEFINITION_TERM_LEVEL;
          describedByTerm = described;
        }
        // An option list set as a table (Docutils' `table.option-list`): a row's first cell, all code, is the term its
        // second cell describes ("--enable-usb | Turns on generation of the USB driver code.").
        else if (isCodeTermCell(node)) ctx.heading = DEFINITION_TERM_LEVEL;
      }
      if (name === 'pre') ctx.pre++;
      if (name === 'pre' || name === 'code') ctx.code++;
      if (ITEM_TAGS.has(name)) ctx.item++;
      if (name === 'dd') ctx.description++;
      if (name === 'a' && node.attribs.href !== undefined) ctx.link++;
      const firstBlock = builder.blocks.length;
      const firstOffset = builder.length;
      walk(node.children);
      if (node === describedByTerm) describedRanges.push({ start: firstOffset, end: builder.length });
      Object.assign(ctx, saved);
      // A table's terms (an option list's rows) describe its rows alone; a one-row entry table heads the prose after it.
      if (name === 'table' && !isEntryTable(node)) builder.endTerms(firstBlock);
      // A description that holds terms of its own (a "Note" or a method's entry in a nested list) goes on after them:
      // its term governs to the description's end, and the terms inside end none.
      if (name === 'dd') builder.endTermOverSubentries(firstOffset);
      // …and a list of terms inside a description describes its own entries alone.
      if (name === 'dl' && ctx.description > 0) builder.endTermsFrom(firstOffset);
      if (breaks && labelled !== 'label') builder.requestBreak(breaks);
    }
  };
  walk(root);
  const text = builder.finish();
  const blocks: Block[] = [];
  const { gaps } = builder;
  let gap = 0;
  let pageLetters = -1;
  for (const [index, block] of builder.blocks.entries()) {
    const range = trimRange(text, block.start, block.end);
    if (!range) continue;
    if (block.kind === 'code') {
      if (pageLetters === -1) pageLetters = letterCount(text);
      const described = describedRanges.some((described) => range.start >= described.start && range.end <= described.end);
      const document = preformattedDocument(text, range, pageLetters) ?? preformattedProse(text, range, described);
      if (document !== null) {
        blocks.push(...document);
        continue;
      }
    }
    const trimmed: Block = { ...block, ...range };
    if (block.kind === 'heading') trimmed.title = text.slice(range.start, range.end).replace(/\s+/gu, ' ');
    // A term is quoted with its description only when the page shows nothing else between them.
    while (gap < gaps.length && gaps[gap]! < block.start) gap++;
    const next = builder.blocks[index + 1]?.start ?? text.length;
    const leftOutBetween = gap < gaps.length && gaps[gap]! <= next;
    // A FAQ's question stands over its answer; it is not joined to it.
    if (isTermHeading(block) && !leftOutBetween && !trimmed.title!.endsWith('?')) trimmed.term = true;
    if (block.kind === 'heading' && leftOutBetween) trimmed.leftOutAfter = true;
    blocks.push(trimmed);
  }
  return { text, blocks, linkedShare: visible === 0 ? 0 : linked / visible };
}

/** A document read as plain text has sections: at least this many headings or terms. */
const MIN_DOCUMENT_SECTIONS = 2;

/**
 * A page that is one preformatted document (a manual page as man2html writes it, a text file served in `<pre>`) is
 * read as plain text, its sections and terms included: the `<pre>` holds most of the page's letters, most of them in
 * prose sentences, and it has sections. A program listing, a session log or a table is code. Null for any other block.
 */
function preformattedDocument(text: string, range: TextRange, pageLetters: number): Block[] | null {
  const content = text.slice(range.start, range.end);
  if (letterCount(content) * 2 < pageLetters || !readsAsProseText(content)) return null;
  const { blocks } = readPlainText(content);
  if (blocks.filter((block) => block.kind === 'heading').length < MIN_DOCUMENT_SECTIONS) return null;
  return blocks.map((block) => shiftedBlock(block, range.start));
}

/**
 * A `<pre>` that holds prose, not code: paragraphs of a manual set as preformatted text between its entries (HAProxy's
 * configuration manual sets every keyword's description so), or a keyword's description however it ends (`described`).
 * Read as plain text, its terms ("roundrobin  Each server is used in turns …") included, without sections of its own: a
 * short line in a few paragraphs is no heading.
 */
function preformattedProse(text: string, range: TextRange, described: boolean): Block[] | null {
  const content = text.slice(range.start, range.end);
  if (!described && !readsAsProseText(content)) return null;
  return readPlainText(content).blocks.map((block) =>
    shiftedBlock(block.kind === 'heading' && block.term !== true ? { start: block.start, end: block.end, kind: 'text' } : block, range.start),
  );
}

/**
 * Most of the text's letters are in sentences that read as prose, two of them at least (a program's one-line message,
 * "(node:1234) MaxListenersExceededWarning: Possible memory leak detected.", is output); with `unended`, one will do,
 * and a sentence that would read as prose but for a missing full stop counts ("Enable logging of HTTP request, session
 * state and timers", a keyword's description).
 */
function readsAsProseText(content: string, unended = false): boolean {
  let proseLetters = 0;
  let proseSentences = 0;
  for (const sentence of splitSentences(content)) {
    const written = content.slice(sentence.start, sentence.end);
    const unlike = unlikeProse(written);
    if (unlike === 0) proseSentences += 1;
    if (unlike === 0 || (unended && unlike < 1)) proseLetters += letterCount(written);
  }
  return proseLetters * 2 >= letterCount(content) && (unended || proseSentences >= MIN_PROSE_SENTENCES);
}

const MIN_PROSE_SENTENCES = 2;

function shiftedBlock(block: Block, offset: number): Block {
  return {
    ...block,
    start: block.start + offset,
    end: block.end + offset,
    ...(block.governsUntil === undefined ? {} : { governsUntil: block.governsUntil + offset }),
  };
}

function letterCount(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/** A name as code writes it: one word of letters, digits and joining marks ("message_size_limit", "-bt", "os.path"). */
const ENTRY_NAME = /^[\p{L}\p{N}_$.:@/+-]{2,60}$/u;

/**
 * A table of one row, without header cells, whose first cell is one name and whose next cells describe it, standing
 * right before a paragraph of prose: an entry's heading (Exim's "message_size_limit | Use: main | Type: string†
 * | Default: 50M"). A row of links or a layout table is none.
 */
function isEntryTable(el: DomElement): boolean {
  if (el.name !== 'table') return false;
  const rows = DomUtils.findAll((child) => child.name === 'tr', el.children);
  if (rows.length !== 1) return false;
  const cells = rows[0]!.children.filter((child): child is DomElement => child.type === ElementType.Tag && (child.name === 'td' || child.name === 'th'));
  if (cells.length < 2 || cells.some((cell) => cell.name === 'th') || !ENTRY_NAME.test(DomUtils.textContent(cells[0]!).trim())) return false;
  let next = DomUtils.nextElementSibling(el);
  while (next !== null && textLength(next) === 0) next = DomUtils.nextElementSibling(next);
  return next !== null && next.name === 'p' && SENTENCE_END.test(DomUtils.textContent(next));
}

/** Elements whose text is code as typed or shown: a name, an option, a key. */
const CODE_TAGS = new Set(['code', 'kbd', 'samp', 'tt', 'var']);

/**
 * A cell whose every word is set as code, before a cell that reads as prose: the first of its row's two cells, or a
 * row's only cell over a row whose first cell is empty (Docutils sets a long option so: "--with-cgi-bin=path" spans
 * the row, its description in the next).
 */
function isCodeTermCell(el: DomElement): boolean {
  if (el.name !== 'td' || el.parent === null || (el.parent as DomElement).name !== 'tr') return false;
  const cellsOf = (row: DomElement): DomElement[] => row.children.filter((child): child is DomElement => child.type === ElementType.Tag);
  const cells = cellsOf(el.parent as DomElement);
  const next = DomUtils.nextElementSibling(el.parent as DomElement);
  const below = next === null ? [] : cellsOf(next);
  const description =
    cells.length === 2 ? cells[1] : cells.length === 1 && below.length === 2 && !LETTER_OR_DIGIT.test(DomUtils.textContent(below[0]!)) ? below[1] : undefined;
  if (cells[0] !== el || description === undefined || description.name !== 'td' || !SENTENCE_END.test(DomUtils.textContent(description))) return false;
  const texts = DomUtils.filter((node) => node.type === ElementType.Text, el.children, true) as unknown as DomText[];
  return texts.some((node) => LETTER_OR_DIGIT.test(node.data)) && texts.every((node) => !LETTER_OR_DIGIT.test(node.data) || insideCode(node, el));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A text node stands inside a code element below `root`. */
function insideCode(node: DomText, root: DomElement): boolean {
  for (let at = node.parent as DomElement | null; at !== null && at !== root; at = at.parent as DomElement | null) if (CODE_TAGS.has(at.name)) return true;
  return false;
}

/** Blocks a FAQ sets its questions in: a paragraph, a table cell, a list item. */
const QUESTION_HOLDERS = new Set(['p', 'div', 'td', 'th', 'li']);

/** A block whose only content is one bold run ending in a question mark (links without text aside). */
function isBoldQuestion(el: DomElement): boolean {
  if (!QUESTION_HOLDERS.has(el.name)) return false;
  const content = el.children.filter((child) => (child.type === ElementType.Text ? child.data.trim() !== '' : child.type !== ElementType.Tag || textLength(child) > 0));
  const [only] = content;
  if (content.length !== 1 || only === undefined || only.type !== ElementType.Tag || (only.name !== 'b' && only.name !== 'strong')) return false;
  const text = DomUtils.textContent(only).trim();
  return text.endsWith('?') && text.length <= MAX_QUESTION_HEADING;
}

/** Longer than this, a bold run is emphasis, not a question standing over its answer. */
const MAX_QUESTION_HEADING = 200;

/** Blocks a manual sets a keyword's line in. */
const TERM_HOLDERS = new Set(['p', 'div']);
/** A keyword of a few words ("timeout client", "no option log-health-checks"), not a phrase of emphasis. */
const MAX_TERM_WORDS = 4;
/** A keyword's line with its arguments ("http-request replace-path <match-regex> <replace-fmt> [ { if | unless } <condition> ]"). */
const MAX_TERM_LINE = 200;

/**
 * What a block that opens with a bold keyword and holds nothing else but its arguments (no sentence, no label's colon)
 * describes: the prose right after it, a paragraph or a `<pre>` that reads as prose (a full stop aside); null when the
 * block is no such keyword's line.
 */
function boldTermDescription(el: DomElement): DomElement | null {
  if (!TERM_HOLDERS.has(el.name)) return null;
  const first = el.children.find((child) => (child.type === ElementType.Text ? child.data.trim() !== '' : child.type !== ElementType.Tag || textLength(child) > 0));
  if (first === undefined || first.type !== ElementType.Tag || (first.name !== 'b' && first.name !== 'strong')) return null;
  const keyword = DomUtils.textContent(first).trim();
  const line = DomUtils.textContent(el).replace(HTML_SPACE, ' ').trim();
  if (keyword.split(' ').length > MAX_TERM_WORDS || !LETTER_OR_DIGIT.test(keyword) || keyword.endsWith(':')) return null;
  if (line.length > MAX_TERM_LINE || SENTENCE_END.test(line) || line.endsWith(':')) return null;
  let next = DomUtils.nextElementSibling(el);
  while (next !== null && textLength(next) === 0) next = DomUtils.nextElementSibling(next);
  if (next === null || (next.name !== 'p' && next.name !== 'pre')) return null;
  const following = DomUtils.textContent(next);
  const describes = next.name === 'p' ? SENTENCE_END.test(following) : readsAsProseText(following, true);
  return describes ? next : null;
}

function textLength(el: DomElement): number {
  return DomUtils.textContent(el).replace(HTML_SPACE, '').length;
}

/**
 * The element holding the page's main content: the biggest `<article>`, else `<main>`, `.body`, `.document`. Named so
 * by its class or id, it must hold paragraphs: `<h2 id="main">Main Configuration Files</h2>` is a section's anchor.
 */
function contentRoot(all: DomElement[]): DomElement | null {
  const named = (test: (el: DomElement) => boolean): DomElement | undefined => all.find((el) => test(el) && holdsBlocks(el));
  const main =
    all.find((el) => el.name === 'main' || el.attribs.role === 'main') ??
    named((el) => hasWord(el.attribs.class, CONTENT_CLASS) || hasWord(el.attribs.id, CONTENT_ID)) ??
    named((el) => el.name !== 'body' && hasWord(el.attribs.class, BODY_CLASS)) ??
    named((el) => hasWord(el.attribs.class, DOCUMENT_CLASS)) ??
    null;
  let best: DomElement | null = null;
  let bestLength = 0;
  for (const article of all) {
    if (article.name !== 'article') continue;
    const length = textLength(article);
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  if (best && (!main || bestLength >= 0.3 * textLength(main))) return best;
  return main;
}

/** Holds a paragraph, a list, a table or another block of text, not only inline text as a heading or a link does. */
function holdsBlocks(el: DomElement): boolean {
  return DomUtils.findOne((child) => PARAGRAPH_TAGS.has(child.name) && !HEADING.test(child.name), el.children) !== null;
}

/** domutils' `DocumentPosition.PRECEDING` (a const enum, which isolated modules cannot read). */
const DOCUMENT_PRECEDING = 2;

/**
 * The block holding the page's `<h1>` when it stands before the content root rather than in it: an AsciiDoc man
 * page's `#header` ("git-rerere(1)", NAME, "git-rerere - Reuse recorded resolution…"), an article's headline with its
 * standfirst. Kept only when it is not chrome, is mostly unlinked text, and is short beside the content.
 */
function titleBlockBefore(all: DomElement[], root: DomElement): DomElement | null {
  const h1 = all.find((el) => el.name === 'h1');
  const block = h1?.parent;
  if (!h1 || !block || block.type !== ElementType.Tag || CONTAINERS.has(block.name)) return null;
  // Before the root in document order, and neither inside it nor holding it.
  if (DomUtils.compareDocumentPosition(block, root) !== DOCUMENT_PRECEDING) return null;
  for (let el: DomElement | null = block; el; el = el.parent?.type === ElementType.Tag ? (el.parent as DomElement) : null) {
    if (isDropped(el)) return null;
  }
  const length = textLength(block);
  const linked = DomUtils.findAll((el) => el.name === 'a' && el.attribs.href !== undefined, block.children)
    .reduce((sum, a) => sum + textLength(a), 0);
  return linked <= length / 2 && length <= textLength(root) / 2 ? block : null;
}

/** `<meta>` values by lower-cased `property`, `name` or `itemprop`; the first of each wins. */
function metaValues(all: DomElement[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of all) {
    if (el.name !== 'meta') continue;
    const content = el.attribs.content?.trim();
    if (!content) continue;
    for (const key of [el.attribs.property, el.attribs.name, el.attribs.itemprop]) {
      const k = key?.toLowerCase();
      if (k && !values.has(k)) values.set(k, content);
    }
  }
  return values;
}

const DATE_META = [
  'article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date',
  'dc.date.issued', 'dcterms.date', 'dcterms.created', 'parsely-pub-date',
];
const LD_DATE = /"datePublished"\s*:\s*"([^"]+)"/u;

function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/gu, ' ').trim();
  return t ? t : undefined;
}

const SUBHEADING = /^h[2-6]$/u;

function statedMetadata(all: DomElement[], root: DomElement | null): StatedMetadata {
  const meta = metaValues(all);
  const first = (keys: string[]): string | undefined => keys.map((k) => meta.get(k)).find((v) => v !== undefined);
  const inRoot = (test: (el: DomElement) => boolean): DomElement | null =>
    root ? (test(root) ? root : DomUtils.findOne(test, root.children)) : (all.find(test) ?? null);
  const stated: StatedMetadata = {};

  const isH1 = (el: DomElement): boolean => el.name === 'h1' && !isSiteBanner(el);
  const h1 = inRoot(isH1) ?? all.find(isH1);
  const h1Text = h1 ? clean(textOf(h1)) : undefined;
  const titleTag = all.find((el) => el.name === 'title');
  const siteName = first(['og:site_name', 'application-name']);
  const pageTitle = titleTag ? clean(DomUtils.textContent(titleTag)) : undefined;
  // A page whose h1s are its numbered sections ("1. Syntax", "2. Description") is titled by its <title>.
  const h1IsSection = all.filter(isH1).length > 1;
  const declared = clean(first(['og:title', 'twitter:title'])) ?? (pageTitle ? withoutSiteName(pageTitle, siteName) : undefined);
  // A <title> the page heads a section with, below an h1 that says something else, names the page; the h1 is the site's
  // ("<h1>The XML C parser and toolkit of Gnome</h1><h2>XSLT</h2>" under "<title>XSLT</title>").
  const h1IsBanner = declared !== undefined && h1Text !== declared && all.some((el) => SUBHEADING.test(el.name) && clean(textOf(el)) === declared);
  const title = h1IsSection || h1IsBanner ? (declared ?? h1Text) : (h1Text ?? declared);
  if (title) stated.title = title;

  const outlet = clean(siteName) ?? footerCopyright(all);
  if (outlet) stated.outlet = outlet;

  const isTime = (el: DomElement): boolean => el.name === 'time' && Boolean(el.attribs.datetime);
  const dates: (() => string | undefined)[] = [
    () => first(DATE_META),
    () => all.find((el) => isTime(el) && el.attribs.itemprop === 'datePublished')?.attribs.datetime,
    () =>
      all
        .filter((el) => el.name === 'script' && el.attribs.type === 'application/ld+json')
        .map((el) => LD_DATE.exec(DomUtils.textContent(el))?.[1])
        .find((d) => d !== undefined),
    () => inRoot(isTime)?.attribs.datetime,
  ];
  for (const candidate of dates) {
    const value = candidate();
    const date = value ? toIsoDate(value) : null;
    if (date) {
      stated.published = date;
      break;
    }
  }

  const canonical = all.find((el) => el.name === 'link' && hasWord(el.attribs.rel, CANONICAL))?.attribs.href;
  const url = canonical ?? meta.get('og:url');
  if (url && /^https?:\/\//iu.test(url)) stated.url = url;
  return stated;
}

/** A link to a site's home page: its root ("http://www.exim.org", "/") or an index page ("../index.html"). */
const HOME_PAGE = /^(?:[a-z][a-z\d+.-]*:\/\/[^/?#]+)?(?:\.{0,2}\/)*(?:index\.html?)?(?:[?#].*)?$/iu;

/** A heading whose words all link to the site's home page names the site (a banner), not the page. */
function isSiteBanner(heading: DomElement): boolean {
  const words = clean(textOf(heading));
  if (words === undefined) return false;
  const links = DomUtils.findAll((el) => el.name === 'a' && HOME_PAGE.test(el.attribs.href?.trim() ?? '#none'), heading.children);
  return links.length > 0 && clean(links.map(textOf).join(' ')) === words;
}

/** Text of an element without the chrome inside it (heading anchors such as `¶`). */
function textOf(el: DomElement): string {
  const parts: string[] = [];
  const walk = (nodes: DomNode[]): void => {
    for (const node of nodes) {
      if (node.type === ElementType.Text) parts.push(node.data);
      else if (node.type === ElementType.Tag && !isDropped(node)) walk(node.children);
    }
  };
  walk(el.children);
  return parts.join('');
}

/** `Headline | Outlet` → `Headline` when the outlet is known. */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const parts = title.split(/\s+[|–—-]\s+/u);
  const kept = parts.filter((p) => p.trim().toLowerCase() !== siteName.trim().toLowerCase());
  return kept.length > 0 && kept.length < parts.length ? kept.join(' - ') : title;
}

function footerCopyright(all: DomElement[]): string | undefined {
  for (const el of all) {
    if (el.name !== 'footer' && el.attribs.role !== 'contentinfo' && !hasWord(el.attribs.class, FOOTER_CLASS)) continue;
    for (const line of DomUtils.textContent(el).split(/\n/u)) {
      const holder = copyrightHolder(line.trim());
      if (holder) return holder;
    }
  }
  return undefined;
}

export function readHtml(source: string): SourceDocument {
  const doc = parseDocument(source, { decodeEntities: true });
  const all = DomUtils.findAll(() => true, doc.children);
  const root = contentRoot(all);
  const heading = root ? titleBlockBefore(all, root) : null;
  // The chosen root is content by choice, whatever its own classes say; only its descendants are judged.
  const { text, blocks, linkedShare } = extract(root ? [...(heading ? [heading] : []), ...root.children] : doc.children);
  return { format: 'html', text, blocks, removed: [], stated: statedMetadata(all, root), warnings: [], linkedShare };
}
