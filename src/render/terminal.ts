/** Answer → text for a terminal: short answer, quotes with their sources, disagreements, related reading. */
import wrapAnsi from 'wrap-ansi';
import type { Answer, Quote } from '../model.js';
import type { IndexInfo } from '../service.js';
import { asShown, corroborationText, describeSource, distinctShortNames } from './sources.js';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  warn(text: string): string;
}

export const plainStyle: Style = { bold: (text) => text, dim: (text) => text, warn: (text) => text };
export const ansiStyle: Style = {
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
  warn: (text) => `\u001b[33m${text}\u001b[39m`,
};

export function renderAnswer(answer: Answer, style: Style = plainStyle): string {
  const lines: string[] = answer.didYouMean === null ? [] : [style.dim(`Read as: ${answer.didYouMean}`), ''];
  if (answer.status === 'no_answer') {
    lines.push(style.bold('No answer: none of the indexed sources answers this question.'));
    if (answer.related.length > 0) {
      lines.push('', style.dim('Not an answer, but related:'));
      for (const quote of answer.related) lines.push(...quoteLines(quote, null, style));
    }
    return lines.join('\n');
  }

  lines.push(style.bold(answer.answer !== null ? `Answer: ${answer.answer}` : 'From the sources:'));
  answer.quotes.forEach((quote, index) => {
    lines.push('', ...quoteLines(quote, index + 1, style));
    lines.push(`     ${style.dim(corroborationLine(quote, answer.sourceCount))}`);
  });
  for (const conflict of answer.conflicts) {
    lines.push('', style.warn(`Sources disagree${conflict.about ? ` (${conflict.about})` : ''}:`));
    for (const value of conflict.values) {
      const short = distinctShortNames(value.refs);
      const names = value.refs.map((source, index) => [short[index], source.published].filter(Boolean).join(' ')).join('; ');
      lines.push(`  • ${style.bold(value.value)} — ${names}`);
      lines.push(`      “${asShown(value.quote.text)}”`);
    }
  }
  return lines.join('\n');
}

function quoteLines(quote: Quote, number: number | null, style: Style): string[] {
  const marker = number === null ? '  -' : `  [${number}]`;
  const section = quote.section === null ? '' : ` › ${quote.section}`;
  const lines = [`${marker} “${asShown(quote.text)}”`, `     ${style.dim(`— ${describeSource(quote.source)}${section} (${quote.source.path})`)}`];
  if (quote.source.url !== null) lines.push(`     ${style.dim(quote.source.url)}`);
  if (number === null && quote.alsoIn.length > 0) lines.push(`     ${style.dim(`also in ${quote.alsoIn.map((source) => source.path).join(', ')}`)}`);
  return lines;
}

export function corroborationLine(quote: Quote, sourceCount: number): string {
  const also = quote.alsoIn.length > 0 ? `; also reported by ${quote.alsoIn.map((source) => distinctName(source, quote)).join(', ')}` : '';
  return `${corroborationText(quote, sourceCount)}${also}`;
}

/** The outlet when it is another than the quote's, else the title; the id when the title is the quote's own (a copy). */
function distinctName(source: Quote['source'], quote: Quote): string {
  if (source.outlet !== null && source.outlet !== quote.source.outlet) return source.outlet;
  return source.title === null || source.title === quote.source.title ? source.id : source.title;
}

export function renderSources(info: IndexInfo): string {
  const lines = [`${info.sources.length} sources, ${info.passages} passages (index built ${info.builtAt})`, ''];
  for (const { source, passages } of info.sources) {
    lines.push(`  ${source.id}  ${describeSource(source)}  ·  ${passages} passages`);
  }
  if (info.skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const skipped of info.skipped) lines.push(`  ${skipped.path}: ${skipped.reason}`);
  }
  return lines.join('\n');
}

/** A line's hanging indent: its leading spaces plus a list marker ("[1] ", "• ", "- ", "— "), so wrapped text lines up. */
const HANGING = /^(\s*(?:\[\d+\] |[•\-—] )?)/;

/**
 * Wraps text to `width` columns (colour codes are not counted), each wrapped line continuing under the text of its
 * first line rather than under its indent or marker. Words longer than the width are cut.
 */
export function wrapToWidth(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = (HANGING.exec(line)?.[1] ?? '').length;
      const room = width - indent;
      if (room < Math.min(10, width / 2)) return wrapAnsi(line, width, { hard: true });
      const [first = '', ...rest] = wrapAnsi(line.slice(indent), room, { hard: true }).split('\n');
      return [line.slice(0, indent) + first, ...rest.map((part) => ' '.repeat(indent) + part)].join('\n');
    })
    .join('\n');
}
