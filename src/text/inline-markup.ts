/**
 * Markdown's inline markup: what a rendered page shows for a code span, an emphasis, a link or an image. Code spans
 * are matched whole, so that no other rule reaches inside one ("`readFile(path[, options])`").
 */

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/gu;
/**
 * A code span, or a link or image with its target (`[text](url)`, `[text][ref]`, `[text][]`) whose text may hold code
 * spans. Brackets with no target after them stay: "[default: 100]", "fd[, options]".
 */
const LINK_OR_CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|!?\[((?:(`+)(?:[^`]|[^`][\s\S]*?[^`])\4(?!`)|[^\]`])+)\](?:\([^)\s]*\)|\[[^\]]*\])/gu;
const STRONG_OR_EMPHASIS = /(\*{1,3})(\S(?:[\s\S]*?\S)?)\1/gu;
/** An underscore inside a word is no emphasis: snake_case_name stays. */
const UNDERSCORE_EMPHASIS = /(?<![\p{L}\p{N}_])(_{1,3})(\S(?:[\s\S]*?\S)?)\1(?![\p{L}\p{N}_])/gu;
const TAG = /<\/?[A-Za-z][^<>]*>/gu;
/** Characters without which a text holds no markup (a tag's `<` counts only when tags are read). */
const MAY_HOLD_MARKUP = /[`*_\]]/u;
/** Private-use characters around a held code span's number: no text holds them. */
const HELD_OPEN = '\u{F0000}';
const HELD_CLOSE = '\u{F0001}';
const HELD = /\u{F0000}(\d+)\u{F0001}/gu;

/**
 * `text` as a rendered Markdown page shows it: code spans without their backticks, emphasis without its marks, a link
 * or an image as its text; with `tags`, inline HTML tags left out too (not in code spans).
 */
export function withoutInlineMarkup(text: string, { tags = false }: { tags?: boolean } = {}): string {
  if (!MAY_HOLD_MARKUP.test(text) && !(tags && text.includes('<'))) return text;
  const unlinked = text.replace(LINK_OR_CODE_SPAN, (whole, _fence, _code, label: string | undefined) => label ?? whole);
  // Code spans are set aside while emphasis and tags are read, which may span them ("**the port (`9229`) …**").
  const spans: string[] = [];
  const held = unlinked.replace(CODE_SPAN, (_whole, _fence, code: string) => `${HELD_OPEN}${spans.push(code) - 1}${HELD_CLOSE}`);
  const shown = held.replace(STRONG_OR_EMPHASIS, '$2').replace(UNDERSCORE_EMPHASIS, '$2');
  return (tags ? shown.replace(TAG, '') : shown).replace(HELD, (_whole, index: string) => spans[Number(index)]!);
}
