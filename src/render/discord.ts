/**
 * Answer → Discord message bodies, within Discord's limits. Pure: plain data in, plain JSON (APIEmbed) out.
 *
 * Article text is untrusted: it is shown escaped (markdown, masked links, bare URLs, mentions), and cut at a word
 * with "…" before escaping, so a cut never lands inside markdown. Quoth's own markdown is added around the escaped
 * text in whole pieces, and each piece is budgeted so the message never exceeds a limit.
 */
import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import { corroborationText, distinctShortNames, shortSourceName, sourceName } from './sources.js';
import type { RatingChange } from '../feedback/ledger.js';
import type { InsightGroup } from '../feedback/insights.js';
import type { Rating } from '../feedback/records.js';
import type { Answer, Conflict, Quote, SourceRef, SourceSummary } from '../model.js';
import type { IndexInfo, QuestionError, ReindexReport } from '../service.js';

/** Discord's documented message and embed limits. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of every title, description, field name and value, footer text and author name, across a message's embeds. */
  embedsTotal: 6000,
} as const;

export const COLORS = {
  answered: 0x3b82f6,
  noAnswer: 0x9ca3af,
  conflict: 0xf59e0b,
  ok: 0x22c55e,
  failure: 0xef4444,
} as const;

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
}

const ELLIPSIS = '…';
const ZWSP = '\u200b';

// ---------------------------------------------------------------------------------------------------------------
// Escaping and cutting
// ---------------------------------------------------------------------------------------------------------------

/**
 * Makes untrusted text inert for Discord: one line, no markdown, no clickable or masked links, no mention syntax.
 * The visible characters stay the same (a zero-width space breaks URL schemes and mentions).
 */
export function neutralize(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const defused = oneLine
    // Bare URLs: `https://x` → `https\u200b://x` is no longer auto-linked (nor usable as a masked link target).
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1${ZWSP}://`)
    // @everyone / @here.
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    // <@id>, <@!id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>, <a:emoji:id>, <t:123>, <id:customize>.
    .replace(/<(?=[@#/:a-z])/gi, `<${ZWSP}`);
  const escaped = escapeMarkdown(defused, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  })
    // Masked links the regex above did not see (brackets split across the cut) stay literal.
    .replace(/(?<!\\)\[/g, '\\[');
  // A leading ">" would turn into a nested block quote.
  return escaped.startsWith('>') ? `\\${escaped}` : escaped;
}

/**
 * The longest prefix of `raw`, cut after a whole word, whose transformed form plus "…" fits in `max` characters.
 * Returns the whole transformed text when it fits. Never returns more than `max` characters.
 */
export function fitText(raw: string, max: number, transform: (text: string) => string = neutralize): string {
  if (max <= 0) return '';
  const whole = transform(raw);
  if (whole.length <= max) return whole;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const fits = (end: number): string | null => {
    const piece = transform(raw.slice(0, end).trimEnd());
    return piece.length + ELLIPSIS.length <= max ? `${piece}${ELLIPSIS}` : null;
  };
  // Word ends: positions just before a whitespace run.
  const wordEnds: number[] = [];
  for (const match of raw.matchAll(/\S(?=\s)/g)) wordEnds.push(match.index + 1);
  let best: string | null = null;
  let low = 0;
  let high = wordEnds.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = fits(wordEnds[middle] ?? 0);
    if (candidate === null) high = middle - 1;
    else {
      best = candidate;
      low = middle + 1;
    }
  }
  // Keep at least half the room used; otherwise (one very long word) cut between characters instead.
  if (best !== null && best.length >= max / 2) return best;
  const chars = Array.from(raw);
  let count = Math.min(chars.length, max);
  while (count > 0) {
    const candidate = `${transform(chars.slice(0, count).join('').trimEnd())}${ELLIPSIS}`;
    if (candidate.length <= max) return best !== null && best.length > candidate.length ? best : candidate;
    count = Math.max(0, Math.min(count - 1, Math.floor(count * (max / candidate.length))));
  }
  return best ?? ELLIPSIS;
}

/** Plain text (Quoth's own, or already safe) cut to `max` characters at a word. */
function fitPlain(text: string, max: number): string {
  return fitText(text, max, (piece) => piece);
}

/** An `http(s)` URL safe to use as a masked-link target, or null. */
export function safeUrl(url: string | null | undefined, max = 512): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return href.length <= max ? href : null;
}

/** Total characters Discord counts toward the 6000 limit, across all embeds of one message. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += embed.title?.length ?? 0;
    total += embed.description?.length ?? 0;
    total += embed.footer?.text.length ?? 0;
    total += embed.author?.name.length ?? 0;
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

/** Every limit a message breaks, as readable sentences; empty when it is within all of Discord's limits. */
export function limitViolations(message: RenderedMessage): string[] {
  const problems: string[] = [];
  if ((message.content?.length ?? 0) > DISCORD_LIMITS.content) problems.push('content longer than 2000');
  if (message.embeds.length > DISCORD_LIMITS.embeds) problems.push('more than 10 embeds');
  message.embeds.forEach((embed, index) => {
    const at = `embed ${index}`;
    if ((embed.title?.length ?? 0) > DISCORD_LIMITS.embedTitle) problems.push(`${at}: title longer than 256`);
    if ((embed.description?.length ?? 0) > DISCORD_LIMITS.embedDescription) problems.push(`${at}: description longer than 4096`);
    if ((embed.footer?.text.length ?? 0) > DISCORD_LIMITS.footer) problems.push(`${at}: footer longer than 2048`);
    if ((embed.author?.name.length ?? 0) > DISCORD_LIMITS.authorName) problems.push(`${at}: author longer than 256`);
    const fields = embed.fields ?? [];
    if (fields.length > DISCORD_LIMITS.fields) problems.push(`${at}: more than 25 fields`);
    fields.forEach((field, fieldIndex) => {
      if (field.name.length === 0 || field.name.length > DISCORD_LIMITS.fieldName) problems.push(`${at} field ${fieldIndex}: name length ${field.name.length}`);
      if (field.value.length === 0 || field.value.length > DISCORD_LIMITS.fieldValue) problems.push(`${at} field ${fieldIndex}: value length ${field.value.length}`);
    });
  });
  if (embedsLength(message.embeds) > DISCORD_LIMITS.embedsTotal) problems.push('embeds longer than 6000 in total');
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------------------

/**
 * A short inert label naming a source for "also reported by": outlet (date), else title (date); its id when that name
 * is the quoted source's own (a copy of the page under another file name).
 */
function shortLabel(source: SourceRef, max: number, quoted?: SourceRef, name = shortSourceName(source)): string {
  const label = fitText(quoted !== undefined && name === shortSourceName(quoted) ? source.id : name, max);
  return source.published ? `${label} (${source.published})` : label;
}

/** Joins items while they fit in `max` characters, ending with "and N more" when some were left out. */
function joinWithin(items: readonly string[], max: number, separator = ', '): string {
  const shown: string[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const rest = items.length - index - 1;
    const candidate = [...shown, items[index] ?? ''].join(separator);
    const suffix = rest > 0 ? ` and ${rest} more` : '';
    if (candidate.length + suffix.length > max) {
      const left = items.length - shown.length;
      const tail = `${shown.length > 0 ? ' and ' : ''}${left} more`;
      return fitPlain(`${shown.join(separator)}${tail}`, max);
    }
    shown.push(items[index] ?? '');
  }
  return shown.join(separator);
}

// ---------------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------------

interface Budget {
  /** Characters of each quote's text (after escaping). */
  quote: number;
  /** Titles, outlets, values. */
  label: number;
  /** "Also reported by" lists and conflict source lists. */
  list: number;
  /** Longest source URL still linked. */
  url: number;
  conflicts: number;
  conflictValues: number;
}

/** Tried in order until the whole message fits in 6000 characters. */
const BUDGETS: readonly Budget[] = [
  { quote: 700, label: 200, list: 400, url: 512, conflicts: 3, conflictValues: 6 },
  { quote: 450, label: 150, list: 250, url: 300, conflicts: 3, conflictValues: 6 },
  { quote: 280, label: 100, list: 160, url: 200, conflicts: 2, conflictValues: 4 },
  { quote: 160, label: 70, list: 100, url: 120, conflicts: 1, conflictValues: 4 },
  { quote: 80, label: 50, list: 60, url: 0, conflicts: 1, conflictValues: 3 },
];

export interface AnswerRenderOptions {
  /** All indexed sources by id, to name the sources of conflicting values (the answer holds only their ids). */
  sources?: ReadonlyMap<string, SourceRef>;
}

/** "Reported by 4 of 5 sources (3 independent)" for a quote. */
export function corroborationLine(quote: Quote, sourceCount: number): string {
  const text = corroborationText(quote, sourceCount);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Longest source title shown under a quote: about two lines on a 360 px phone screen. */
export const TITLE_MAX = 70;
/** Longest section heading shown after the title: a term or a heading, not a paragraph. */
const SECTION_MAX = 50;

/** A source's title, shortened with "…" and linked when it has a URL; raw text escaped. */
function titleLink(source: SourceRef, budget: Budget): string {
  const name = fitText(sourceName(source), Math.min(TITLE_MAX, budget.label)).replace(/(?<!\\)\]/g, '\\]');
  const url = safeUrl(source.url, budget.url);
  return url ? `[${name}](${url})` : name;
}

/**
 * One quote as it reads on a phone: the quote, then directly under it the line naming its source (title · outlet ·
 * date, the title linked when there is a URL), then who else reports it. No side-by-side fields, no alignment.
 */
function quoteWithSource(quote: Quote, number: number, answer: Answer, budget: Budget, related: boolean): string {
  const source = quote.source;
  const details = [source.outlet?.trim() ? fitText(source.outlet.trim(), Math.min(60, budget.label)) : null, source.published].filter(Boolean);
  const section = quote.section === null ? '' : ` › ${fitText(quote.section, Math.min(SECTION_MAX, budget.label))}`;
  const lines = [`> ${fitText(quote.text, budget.quote)}`, `**[${number}]** ${[`${titleLink(source, budget)}${section}`, ...details].join(' · ')}`];
  if (related && quote.alsoIn.length > 0) lines.push(`also ${joinWithin(quote.alsoIn.map((other) => shortLabel(other, Math.min(60, budget.label), source)), budget.list)}.`);
  if (!related) {
    const also =
      quote.alsoIn.length > 0
        ? `; also ${joinWithin(
            quote.alsoIn.map((other) => shortLabel(other, Math.min(60, budget.label), source)),
            budget.list,
          )}`
        : '';
    lines.push(`${corroborationLine(quote, answer.sourceCount)}${also}.`);
  }
  return lines.join('\n');
}

/** The source's publication date as an ISO timestamp for the embed, or nothing when unknown or unreadable. */
function publishedTimestamp(source: SourceRef | undefined): { timestamp?: string } {
  if (!source?.published) return {};
  const time = Date.parse(source.published);
  return Number.isNaN(time) ? {} : { timestamp: new Date(time).toISOString() };
}

function findSource(id: string, answer: Answer, options: AnswerRenderOptions): SourceRef | undefined {
  const known = options.sources?.get(id);
  if (known) return known;
  for (const quote of [...answer.quotes, ...answer.related]) {
    if (quote.source.id === id) return quote.source;
    const other = quote.alsoIn.find((candidate) => candidate.id === id);
    if (other) return other;
  }
  return undefined;
}

function conflictEmbed(conflict: Conflict, answer: Answer, options: AnswerRenderOptions, budget: Budget): APIEmbed {
  const values = conflict.values.slice(0, budget.conflictValues);
  const fields: APIEmbedField[] = values.map((value) => {
    const refs = value.refs ?? [];
    const sources = value.sources.map((id, index) => (refs[index]?.id === id ? refs[index] : (refs.find((ref) => ref.id === id) ?? findSource(id, answer, options))));
    const found = sources.filter((source): source is SourceRef => source !== undefined);
    const distinct = distinctShortNames(found);
    const names = new Map(found.map((source, index) => [source, distinct[index]!]));
    const stated = sources.map((source, index) => (source === undefined ? fitText(value.sources[index]!, 40) : shortLabel(source, Math.min(60, budget.label), undefined, names.get(source))));
    const quoteSource = refs.find((ref) => ref.id === value.quote.sourceId) ?? findSource(value.quote.sourceId, answer, options);
    const quoteLine = `> ${fitText(value.quote.text, budget.quote)}`;
    const from = quoteSource ? `— ${fitText(sourceName(quoteSource), budget.label)}` : '';
    const by = `Stated by ${value.sources.length} source${value.sources.length === 1 ? '' : 's'}: ${joinWithin(stated, budget.list)}`;
    return {
      name: fitText(value.value, Math.min(DISCORD_LIMITS.fieldName, budget.label)),
      value: fitPlain([quoteLine, from, by].filter(Boolean).join('\n'), DISCORD_LIMITS.fieldValue),
      inline: true,
    };
  });
  const hidden = conflict.values.length - values.length;
  return {
    color: COLORS.conflict,
    title: fitText(`Sources disagree: ${conflict.about}`, Math.min(DISCORD_LIMITS.embedTitle, budget.label + 20)),
    description:
      'The sources give different figures. Each one is shown with its own quote; Quoth does not pick one.' +
      (hidden > 0 ? ` (${hidden} more value${hidden === 1 ? '' : 's'} not shown.)` : ''),
    fields,
  };
}

function renderWithBudget(answer: Answer, options: AnswerRenderOptions, budget: Budget): APIEmbed[] {
  const title = fitText(answer.question, Math.min(DISCORD_LIMITS.embedTitle, budget.label + 56));
  const indexed = `${answer.sourceCount} indexed source${answer.sourceCount === 1 ? '' : 's'}`;
  const readAs = answer.didYouMean === null ? [] : [`*Read as:* ${fitText(answer.didYouMean, budget.label + 56)}`];
  const shown = answer.status === 'no_answer' ? answer.related.slice(0, 3) : answer.quotes.slice(0, 3);
  const dated = publishedTimestamp(shown[0]?.source);
  // Discord prints the timestamp right after the footer text, so the footer says whose date it is.
  const footer = { text: `Quoth · verbatim quotes from ${indexed} · no AI-written text${dated.timestamp ? ' · [1] published' : ''}` };
  if (answer.status === 'no_answer') {
    const lines = [
      ...readAs,
      answer.sourceCount === 1 ? '**No answer.** The only indexed source does not answer this question.' : `**No answer.** None of the ${indexed} answers this question.`,
      shown.length > 0 ? '\n**Related reading** — close to your question, but *not* an answer:' : '',
      ...shown.map((quote, index) => `\n${quoteWithSource(quote, index + 1, answer, budget, true)}`),
    ].filter(Boolean);
    return [{ color: COLORS.noAnswer, title, description: lines.join('\n'), footer, ...dated }];
  }
  const lines: string[] = [...readAs];
  lines.push(answer.answer ? `**${fitText(answer.answer, budget.label)}**` : '**Here is what the sources say:**');
  if (answer.conflicts.length > 0) lines.push('⚠️ The sources disagree on this — see below.');
  shown.forEach((quote, index) => lines.push('', quoteWithSource(quote, index + 1, answer, budget, false)));
  const main: APIEmbed = { color: COLORS.answered, title, description: lines.join('\n'), footer, ...dated };
  const conflicts = answer.conflicts.slice(0, budget.conflicts).map((conflict) => conflictEmbed(conflict, answer, options, budget));
  return [main, ...conflicts];
}

/** The /ask reply: short answer, each quote above its source and corroboration, and a "Sources disagree" embed per conflict. */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): RenderedMessage {
  for (const budget of BUDGETS) {
    const embeds = renderWithBudget(answer, options, budget);
    if (limitViolations({ embeds }).length === 0) return { embeds };
  }
  // Unreachable with the budgets above; kept so an unforeseen input still yields a valid message.
  return {
    embeds: [
      {
        color: COLORS.noAnswer,
        title: fitText(answer.question, 200),
        description: 'The answer is too long to show in Discord. Run `npm run ask` locally to read it in full.',
      },
    ],
  };
}

/** A question Quoth refused (empty, too long). */
export function renderQuestionError(error: QuestionError): RenderedMessage {
  return { content: fitPlain(error.message, DISCORD_LIMITS.content), embeds: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// /sources
// ---------------------------------------------------------------------------------------------------------------

export const SOURCES_PAGE_SIZE = 10;

export interface SourcesPage {
  embed: APIEmbed;
  /** 0-based page actually shown (clamped). */
  page: number;
  pageCount: number;
}

function sourceLine(summary: SourceSummary, index: number): string {
  const source = summary.source;
  const meta = [source.outlet ? fitText(source.outlet, 60) : null, source.published ?? 'date unknown'].filter(Boolean).join(' · ');
  const url = safeUrl(source.url, 300);
  const name = fitText(sourceName(source), 150);
  const title = url ? `[${name}](${url})` : name;
  return `**${index + 1}.** ${title}\n${meta} · ${summary.passages} passage${summary.passages === 1 ? '' : 's'} · \`${fitText(source.id, 80, (id) => id.replace(/`/g, "'"))}\``;
}

/** One page of the indexed sources, sorted as `info.sources` is. */
export function renderSourcesPage(info: IndexInfo, requestedPage: number, pageSize = SOURCES_PAGE_SIZE): SourcesPage {
  const pageCount = Math.max(1, Math.ceil(info.sources.length / pageSize));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage)), pageCount - 1);
  const slice = info.sources.slice(page * pageSize, page * pageSize + pageSize);
  const lines = slice.map((summary, offset) => sourceLine(summary, page * pageSize + offset));
  const skipped = info.skipped.length > 0 ? `\n\n${info.skipped.length} file${info.skipped.length === 1 ? ' was' : 's were'} skipped (see /reindex).` : '';
  const description = info.sources.length === 0 ? 'Nothing is indexed yet. Add articles to the seeds folder and run /reindex.' : lines.join('\n\n') + skipped;
  return {
    page,
    pageCount,
    embed: {
      color: COLORS.answered,
      title: `Indexed sources (${info.sources.length})`,
      description: fitPlain(description, DISCORD_LIMITS.embedDescription),
      footer: { text: `Page ${page + 1} of ${pageCount} · ${info.passages} passages · index built ${info.builtAt}` },
    },
  };
}

/** One source's details for `/sources source:<id>`. */
export function renderSourceDetails(summary: SourceSummary, info: IndexInfo): APIEmbed {
  const source = summary.source;
  const url = safeUrl(source.url, 2000);
  const fields: APIEmbedField[] = [
    { name: 'Outlet', value: source.outlet ? fitText(source.outlet, 200) : 'unknown', inline: true },
    { name: 'Published', value: source.published ?? 'unknown', inline: true },
    { name: 'Passages', value: String(summary.passages), inline: true },
    { name: 'Id', value: fitText(source.id, 1000), inline: false },
    { name: 'File', value: fitText(source.path, 1000), inline: false },
  ];
  if (url) fields.push({ name: 'Link', value: `[${fitText(new URL(url).host, 200)}](${url})`, inline: false });
  return {
    color: COLORS.answered,
    title: fitText(sourceName(source), DISCORD_LIMITS.embedTitle),
    ...(url ? { url } : {}),
    fields,
    footer: { text: `Index built ${info.builtAt}` },
  };
}

/** Reply when `source:` names nothing indexed. */
export function renderUnknownSource(query: string): RenderedMessage {
  return { content: `No indexed source matches “${fitText(query, 200)}”. Run /sources to see the list.`, embeds: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// /reindex
// ---------------------------------------------------------------------------------------------------------------

function listField(name: string, items: readonly string[]): APIEmbedField {
  const value = items.length === 0 ? 'none' : joinWithin(items.map((item) => fitText(item, 200)), DISCORD_LIMITS.fieldValue, '\n');
  return { name: `${name} (${items.length})`, value, inline: false };
}

function seconds(durationMs: number): string {
  return durationMs < 1000 ? `${Math.round(durationMs)} ms` : `${(durationMs / 1000).toFixed(1)} s`;
}

/** "Read 2 files (the 10 unchanged were reused) · +14 / −3 passages", when the library says so. */
function incrementalLine(report: ReindexReport): string {
  const parts: string[] = [];
  if (report.filesRead !== undefined) {
    const reused = report.unchanged > 0 ? ` (the ${report.unchanged} unchanged were reused)` : '';
    parts.push(`Read ${report.filesRead} file${report.filesRead === 1 ? '' : 's'}${reused}`);
  }
  if (report.passageChanges) parts.push(`+${report.passageChanges.added} / −${report.passageChanges.removed} passages`);
  return parts.length > 0 ? `\n${parts.join(' · ')}` : '';
}

/** What a finished reindex changed. */
export function renderReindexReport(report: ReindexReport): RenderedMessage {
  const changes = report.added.length + report.changed.length + report.removed.length;
  const summary =
    changes === 0 && report.skipped.length === 0
      ? 'Nothing changed: every source was already indexed.'
      : `${changes} source${changes === 1 ? '' : 's'} changed.`;
  return {
    embeds: [
      {
        color: COLORS.ok,
        title: 'Index rebuilt',
        description: `${summary}\n${report.passages} passages · built in ${seconds(report.durationMs)} · now serving the new index.${incrementalLine(report)}`,
        fields: [
          listField('Added', report.added),
          listField('Changed', report.changed),
          listField('Removed', report.removed),
          { name: 'Unchanged', value: String(report.unchanged), inline: true },
          listField(
            'Skipped',
            report.skipped.map((file) => `${file.path} — ${file.reason}`),
          ),
        ],
        footer: { text: `Index built ${report.builtAt}` },
      },
    ],
  };
}

/** A rebuild that failed; the previous index keeps answering. */
export function renderReindexFailure(reason: string): RenderedMessage {
  return {
    embeds: [
      {
        color: COLORS.failure,
        title: 'Reindex failed',
        description: `${fitText(reason, 1500)}\n\nThe previous index is still answering questions.`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Errors and refusals
// ---------------------------------------------------------------------------------------------------------------

/** The short ephemeral reply to a command that failed; the id is also in the log. */
export function renderCommandError(errorId: string): RenderedMessage {
  return {
    content: `Something went wrong while handling that command. If it keeps happening, tell the bot's operator this error id: \`${errorId}\`.`,
    embeds: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Where and how often, feedback, sharing
// ---------------------------------------------------------------------------------------------------------------

/** Private notice in a channel where Quoth does not answer; channel mentions render as links and never ping. */
export function renderChannelNotice(allowedChannelIds: readonly string[]): RenderedMessage {
  const channels = joinWithin(
    allowedChannelIds.map((id) => `<#${id}>`),
    1500,
  );
  return { content: `Quoth answers questions only in ${channels}. Ask there, and everyone can learn from the answer.`, embeds: [] };
}

/** Private notice while a member's cooldown runs: how long, and a Discord timestamp that counts down. */
export function renderCooldownNotice(retryAt: number, now: number): RenderedMessage {
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return {
    content: `You are asking quickly: try again in ${seconds} second${seconds === 1 ? '' : 's'} (<t:${Math.ceil(retryAt / 1000)}:R>).`,
    embeds: [],
  };
}

const RATING_WORDS: Record<Rating, string> = { up: '👍', down: '👎', not_asked: '“Not what I asked”' };

/** The private acknowledgement of a 👍 / 👎 / "Not what I asked" click. */
export function renderRatingAck(rating: Rating, change: RatingChange): RenderedMessage {
  const word = RATING_WORDS[rating];
  const content =
    change === 'same'
      ? `You already rated this answer ${word}; each person counts once.`
      : change === 'changed'
        ? `Changed your rating of this answer to ${word}. Each person counts once.`
        : rating === 'up'
          ? `Thanks — your ${word} is recorded.`
          : `Thanks — your ${word} is recorded. Moderators see such questions in /insights and can add articles that answer them.`;
  return { content, embeds: [] };
}

/** The public copy of a private answer: the same embeds, saying who shared it (a mention that never pings). */
export function renderSharedBy(userId: string, embeds: APIEmbed[]): RenderedMessage {
  return { content: `Shared by <@${userId}>`, embeds };
}

export function renderShareRefusal(sharedByUserId: string): RenderedMessage {
  return { content: `This answer is already posted in the channel (shared by <@${sharedByUserId}>).`, embeds: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// /insights
// ---------------------------------------------------------------------------------------------------------------

export const INSIGHTS_PAGE_SIZE = 8;

export interface InsightsPage {
  embed: APIEmbed;
  page: number;
  pageCount: number;
}

function times(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function insightLine(group: InsightGroup, index: number): string {
  const counts = [
    `asked ${group.asked}×`,
    group.unanswered > 0 ? `${group.unanswered} unanswered` : null,
    group.down > 0 ? `👎 ${group.down}` : null,
    group.notAsked > 0 ? `“not what I asked” ${group.notAsked}` : null,
  ].filter(Boolean);
  const lines = [`**${index + 1}.** ${fitText(group.question, 200)}`, counts.join(' · ')];
  if (group.variants.length > 0) {
    lines.push(`also asked as: ${joinWithin(group.variants.map((variant) => `“${fitText(variant, 80)}”`), 300, '; ')}`);
  }
  return lines.join('\n');
}

/** One page of /insights: the questions to add articles for, in the last `days` days. */
export function renderInsightsPage(groups: readonly InsightGroup[], days: number, requestedPage: number, pageSize = INSIGHTS_PAGE_SIZE): InsightsPage {
  const pageCount = Math.max(1, Math.ceil(groups.length / pageSize));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage)), pageCount - 1);
  const slice = groups.slice(page * pageSize, page * pageSize + pageSize);
  const period = days === 1 ? 'the last day' : `the last ${days} days`;
  const description =
    groups.length === 0
      ? `No question went unanswered or got a 👎 in ${period}.`
      : `Questions that got no answer, a 👎 or “Not what I asked” in ${period}, near-duplicates grouped, most pressing first. ` +
        `Articles that answer them are what to add next (see docs/ARTICLES.md).\n\n${slice.map((group, offset) => insightLine(group, page * pageSize + offset)).join('\n\n')}`;
  return {
    page,
    pageCount,
    embed: {
      color: COLORS.noAnswer,
      title: `Insights: ${times(groups.length, 'question')} to look at`,
      description: fitPlain(description, DISCORD_LIMITS.embedDescription),
      footer: { text: `Page ${page + 1} of ${pageCount} · ${period}` },
    },
  };
}
