/**
 * Boilerplate removal: decides, block by block and within blocks, which parts of a document are the
 * article's prose (the body) and which are site chrome, prompts, footers, credits and metadata. Every
 * decision is recorded as a `Removal` with a reason. The rules describe patterns seen across news sites and
 * documentation pages; none is keyed to one file.
 */
import type { Removal, TextRange } from '../model.js';
import { DATE_PATTERN, toIsoDate } from './dates.js';
import type { Block } from './document.js';
import { continuesLine, trimRange } from './document.js';
import { copyrightHolder, outletName } from './metadata.js';

export interface BoilerplateOptions {
  /** Read and drop a leading `date YYYY-MM-DD` marker at the start of the first block. */
  dateMarker: boolean;
  /** Apply the phrase rules: chrome lines, prompts, footers, credits, related-story lists. */
  phrases: boolean;
  /** Take the first headline-like block before the prose as the headline (kept out of the body). */
  headline: boolean;
  /** Drop short lines with no sentence punctuation after the last prose (video titles, related links). */
  trailing: boolean;
}

/** What the pass found, besides the body: hints for the metadata. */
export interface Cleaned {
  body: TextRange[];
  removed: Removal[];
  headline: string | null;
  published: string | null;
  outlet: string | null;
}

interface LineRule {
  pattern: RegExp;
  reason: string;
  /** Capture group 1 names the outlet. */
  outlet?: boolean;
}

const SOCIAL =
  '(?:twitter|facebook|x|instagram|whatsapp|telegram|linkedin|youtube|tiktok|threads|bluesky|mastodon|google news|flipboard|snapchat)';

/** Whole-block rules, tried in order on the block's text with white space collapsed. */
const LINE_RULES: LineRule[] = [
  // Site chrome and navigation.
  {
    pattern:
      /^(?:skip to (?:main )?content|skip navigation|toggle navigation|(?:main |open |close )?menu|search|search (?:for|this site)\W*|home|sign in|log ?in|log ?out|register|back to top|go to top|scroll to top)$/iu,
    reason: 'site navigation',
  },
  { pattern: /^(?:hi|hello|hey)?[,!\s]*what are you (?:looking|searching) for\W*$/iu, reason: 'search box prompt' },
  {
    pattern: /^(?:connect|stay connected|stay in touch|keep in touch|get connected) with us\W*$/iu,
    reason: 'social links',
  },
  // Labels standing alone on a line.
  { pattern: /^(?:published|updated|last updated|posted|modified|first published)(?:\s+on)?\s*:?$/iu, reason: 'date label' },
  {
    pattern: /^(?:published|updated|last updated|posted)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/iu,
    reason: 'date label',
  },
  {
    // `By Jane Doe`, `By Jane Doe and John Roe, Political Editor` — but not a sentence that starts with "By".
    pattern: /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}.'’-]*){0,5}(?:\s*[,|]\s*[^.!?]{1,60})?$/u,
    reason: 'byline',
  },
  { pattern: /^(?:reporting|writing|editing|additional reporting|compiled) by\b[^.!?]{0,200}\W*$/iu, reason: 'agency sign-off' },
  {
    pattern:
      /^(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|scroll to continue(?: with content)?|continue reading(?: below)?|article continues below)$/iu,
    reason: 'advertisement',
  },
  {
    pattern:
      /^(?:share|share this(?: article| story| page| post)?|share on \w+|print|email|tweet|copy link|link copied|save(?: article)?|bookmark|listen(?: to this article)?(?:\s*\d+\s*min)?|\d+\s*min(?:ute)?s? read|read more|show more|load more|view comments|image|video|photo|gallery|watch|play)$/iu,
    reason: 'share and tool buttons',
  },
  { pattern: /^in this (?:article|story)\s*:.{0,80}$/iu, reason: 'topic tags' },
  { pattern: /^(?:tags?|topics?|filed under|categories)\s*:.{0,200}$/iu, reason: 'topic tags' },
  // Comment forms.
  {
    pattern:
      /^(?:leave a (?:reply|comment)\b.{0,40}|your email address will not be published\b.{0,120}|required fields are marked\b.{0,40}|(?:post|add|submit|write|view|show) (?:a |your |all )?comments?\b.{0,40}|(?:\d+\s+)?comments?(?:\s*\(\d+\))?|no comments(?: yet)?\W*|you must be (?:logged in|signed in) to post a comment\b.{0,40}|cancel reply|save my name, email\b.{0,160})$/iu,
    reason: 'comment form',
  },
  // Contact, newsletter and social footers.
  {
    pattern: /^(?:(?:got|have|do you have) a (?:story|news tip|tip)\b|(?:get in touch|contact us|email us|write to us)\b).{0,300}$/iu,
    reason: 'contact footer',
  },
  { pattern: /^for more (?:stories|news|articles|updates|coverage|videos|like this)\b.{0,150}$/iu, reason: 'newsletter footer' },
  {
    pattern:
      /^(?:sign up|subscribe|register) (?:for|to)\b(?=.*\b(?:newsletters?|alerts?|e-?mails?|updates|digest|briefing|our|daily|weekly)\b).{0,200}$/iu,
    reason: 'newsletter footer',
  },
  {
    pattern: /^(?:get|receive) .{0,80}\b(?:sent|delivered) (?:straight |directly )?to your (?:inbox|device|phone)\b.{0,120}$/iu,
    reason: 'newsletter footer',
  },
  {
    pattern: new RegExp(`^(?:follow|like|join|find) (.{1,40}?) on ${SOCIAL}\\b.{0,300}$`, 'iu'),
    reason: 'social footer',
    outlet: true,
  },
  {
    pattern: new RegExp(
      `^(?:click|tap) here\\b.{0,120}$|^(?:share|follow|join|like|connect with|chat with) us\\b.{0,120}$|^(?:join|follow|subscribe to) (?:our|the) .{0,40}\\b(?:channel|page|group|account) on ${SOCIAL}\\b.{0,80}$`,
      'iu',
    ),
    reason: 'share or follow prompt',
  },
  // Notices.
  { pattern: /^(?:©|\(c\)\s|copyright\b).{0,200}$|^all rights reserved\W*$/iu, reason: 'copyright notice' },
  { pattern: /^\(?visited \d+ times?,? \d+ visits? today\)?$|^[\d,.]+[km]?\s+(?:views|reads|shares)$/iu, reason: 'view counter' },
  {
    pattern: /^(?:photo|picture|image|photograph|credit|video)s?(?:\s+(?:by|credit))?\s*:\s*.{1,100}$/iu,
    reason: 'photo credit',
  },
];

/** `… follow Harbour Gazette on Instagram …` anywhere in a line; `outletName` then checks the capitals. */
const FOLLOW_MENTION = new RegExp(`\\b(?:follow|like|join) ((?:\\S+ ){0,3}?\\S+) on ${SOCIAL}\\b`, 'iu');

/** Headers that always start a list of other stories. */
const RELATED_HEADER =
  /^(?:related(?:\s+(?:stories|articles|posts|news|content|coverage|reading|links))?|you (?:may|might) also (?:like|enjoy|be interested in)|recommended(?:\s+(?:for you|stories|articles|reading))?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|read next|what to read next|more (?:stories|news|articles|headlines|top stories)(?: from .{1,40})?|latest (?:news|stories|headlines)|top stories|editor'?s picks)\s*:?$/iu;
/** `More on <outlet>`: a related-stories header only when what follows looks like a list of teasers. */
const MORE_ON = /^more (?:on|from) ([^.!?]{2,50})$/iu;

const DATE_LINE = new RegExp(
  `^(?:(published|posted|updated|last updated|modified)(?:\\s+on)?\\s*:?\\s*)?(${DATE_PATTERN})(?:,?\\s*(?:at\\s*)?\\d{1,2}[:.]\\d{2}\\s*(?:am|pm)?(?:\\s*[A-Z]{2,5})?)?\\W*$`,
  'iu',
);
const DATE_MARKER = /^(?:date|published|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)/iu;

interface SpanRule {
  pattern: RegExp;
  reason: string;
  /** A cheap test the block must pass before the pattern is tried. */
  hint: RegExp;
}

const AGENCY =
  '(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|Getty Images|ANSA|Anadolu(?: Agency)?|Xinhua|TASS|Sputnik|dpa|Bloomberg|Shutterstock|Alamy)';

/** Rules for parts of a block (picture credits inside captions, agency notices, counters). Global regexes. */
const SPAN_RULES: SpanRule[] = [
  {
    pattern:
      // The credited name starts with a capital (`(Photo by Jane Doe)`, `(Picture: via Reuters)`); the flag
      // is `u` only, so that `\p{Lu}` means capitals, and the keywords spell out both cases.
      /\((?:[Pp]hotos?|[Pp]ictures?|[Ii]mages?|[Pp]hotograph|[Cc]redits?|[Vv]ideo)(?:\s+(?:by|credit|courtesy(?: of)?)\s*:?|\s*:)\s*(?=\p{Lu}|via\s|courtesy\s)[^()]{1,150}\)/gu,
    reason: 'photo credit',
    hint: /\(/u,
  },
  { pattern: /\(visited \d+ times?,? \d+ visits? today\)/giu, reason: 'view counter', hint: /visit/iu },
  {
    pattern:
      /\b(?:ATTENTION EDITORS|EDITORIAL USE ONLY|MANDATORY CREDIT|NO RESALES|NO ARCHIVES|THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY)\b(?:[\s,.:;'’"()/–—-]*[A-Z0-9][A-Z0-9'’]*\b)*[.!]?/gu,
    reason: 'agency notice',
    hint: /[A-Z]{4} [A-Z]/u,
  },
  {
    // `Press service of …/Handout via REUTERS`, `Jane Doe/AFP via Getty Images`, `REUTERS/Jane Doe`: a credit
    // sentence at the end of a caption (or before an agency notice in capitals).
    pattern: new RegExp(
      `(?<=^|[.!?]["”’)]?\\s+)[^.!?()]{0,150}?(?:(?:\\/\\s*|\\s)(?:Handout\\s+)?via\\s+${AGENCY}|\\/${AGENCY}(?:\\s+via\\s+Getty Images)?|\\b${AGENCY}\\/\\p{Lu}[\\p{L}.'-]*(?:\\s\\p{Lu}[\\p{L}.'-]*){0,2})(?=\\s*$|\\s+[A-Z]{3,}\\b|\\s*\\()`,
      'gu',
    ),
    reason: 'photo credit',
    hint: new RegExp(AGENCY, 'u'),
  },
  {
    // Picture-agency caption datelines: `KYIV, UKRAINE - JULY 4: …`.
    pattern:
      /^[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Z.'’ -]+)*\s+[-–—]\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+\d{1,2}(?:,\s*\d{4})?:\s*/gu,
    reason: 'caption dateline',
    hint: /^[A-Z]{2}/u,
  },
];

const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;
const ELLIPSIS_END = /(?:\.\.\.|…)["'”’)\]]*$/u;

function wordCount(s: string): number {
  return s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Short and without sentence punctuation: a label, a section name, a button. */
function isLabel(s: string): boolean {
  return wordCount(s) <= 3 && s.length <= 40 && !SENTENCE_END.test(s);
}

function isHeadlineLike(s: string): boolean {
  const words = wordCount(s);
  return (
    words >= 4 &&
    words <= 25 &&
    s.length <= 200 &&
    !/[.:;,]["'”’)]*$/u.test(s) &&
    /^["'“‘]?[\p{Lu}\p{N}]/u.test(s) &&
    !/https?:\/\/|@\w+\.\w/u.test(s)
  );
}

interface State {
  block: Block;
  start: number;
  end: number;
  /** Why the whole block is out of the body; undefined while it is kept. */
  reason?: string;
  /** Parts of a kept block that are out of the body, ordered, non-overlapping. */
  cuts: Removal[];
}

function normalised(text: string, state: State): string {
  return text.slice(state.start, state.end).replace(/\s+/gu, ' ');
}

/** The block's text without its cut parts, for judging its form. */
function keptText(text: string, state: State): string {
  let out = '';
  let at = state.start;
  for (const cut of state.cuts) {
    out += text.slice(at, cut.range.start);
    at = cut.range.end;
  }
  return (out + text.slice(at, state.end)).replace(/\s+/gu, ' ').trim();
}

function applySpanRules(text: string, state: State): void {
  const found: Removal[] = [];
  const slice = text.slice(state.start, state.end);
  for (const rule of SPAN_RULES) {
    if (!rule.hint.test(slice)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(slice); m; m = rule.pattern.exec(slice)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const range = trimRange(text, state.start + m.index, state.start + m.index + m[0].length);
      if (range) found.push({ range, reason: rule.reason });
    }
  }
  found.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  for (const cut of found) {
    const last = state.cuts[state.cuts.length - 1];
    if (last && cut.range.start < last.range.end) {
      if (cut.range.end > last.range.end) last.range.end = cut.range.end;
      continue;
    }
    state.cuts.push({ range: { ...cut.range }, reason: cut.reason });
  }
}

/** After a `More on …` line: a teaser list has dates and section labels between its items, or ellipses. */
function looksLikeTeaserList(text: string, states: State[], from: number): boolean {
  let markers = 0;
  let ellipses = 0;
  let prose = 0;
  for (const state of states.slice(from, from + 12)) {
    if (state.block.kind !== 'text' && state.block.kind !== 'item') continue;
    const s = normalised(text, state);
    if (DATE_LINE.test(s) || isLabel(s)) markers++;
    else if (ELLIPSIS_END.test(s)) ellipses++;
    else prose++;
  }
  return markers >= 2 || (ellipses > 0 && ellipses >= prose);
}

/**
 * A plain-text line that goes on with the sentence of the line above it: a wrapped line where no sentence ended ("… so
 * phreaking came to depend⏎more on overtly criminal acts …"). It is prose, not a header of links, a byline or a notice.
 */
function continuesSentence(text: string, previous: State, st: State): boolean {
  return continuesLine(text, previous, st) && !/[.!?:"”)\]]$/u.test(text.slice(previous.start, previous.end).trimEnd());
}

/** After a `Related stories` line: only headline-sized lines, no paragraphs of prose. */
function onlyShortTextAfter(text: string, states: State[], from: number): boolean {
  return states
    .slice(from)
    .filter((st) => !st.reason && st.block.kind === 'text')
    .every((st) => wordCount(keptText(text, st)) <= 20);
}

export function removeBoilerplate(text: string, blocks: Block[], options: BoilerplateOptions): Cleaned {
  const states: State[] = blocks.map((block) => ({ block, start: block.start, end: block.end, cuts: [] }));
  const removed: Removal[] = [];
  let published: string | null = null;
  let outlet: string | null = null;
  let headline: string | null = null;
  const noteOutlet = (name: string | null): void => {
    if (!outlet && name) outlet = name;
  };

  // 1. A leading `date YYYY-MM-DD` marker.
  const first = states[0];
  if (options.dateMarker && first && first.block.kind === 'text') {
    const m = DATE_MARKER.exec(text.slice(first.start, first.end));
    const date = m?.[1] ? toIsoDate(m[1]) : null;
    if (m && date) {
      published = date;
      const rest = trimRange(text, first.start + m[0].length, first.end);
      if (rest) {
        removed.push({ range: { start: first.start, end: first.start + m[0].length }, reason: 'date marker' });
        [first.start, first.end] = [rest.start, rest.end];
      } else {
        first.reason = 'date marker';
      }
    }
  }

  // 2. Block-level rules, and span rules on what is kept.
  /** Where the description of the last defined term ends: an entry's text ("CITED⏎  Copyright In …") is no chrome. */
  let describedUntil = -1;
  for (const [index, state] of states.entries()) {
    if (state.reason) continue;
    const kind = state.block.kind;
    if (kind === 'heading') {
      state.reason = 'heading';
      if (state.block.term === true && state.block.governsUntil !== undefined) describedUntil = state.block.governsUntil;
      continue;
    }
    if (!options.phrases || kind === 'code') continue;
    const s = normalised(text, state);
    // Whole-block rules are for lines of prose; list items and table cells (index entries, operator tables)
    // only get the span rules.
    // A line of wrapped prose ("… the name was coined⏎by Milton Sirotta, the nine-year-old …") or of an entry's
    // description is no line of chrome.
    const wrapped = (index > 0 && continuesSentence(text, states[index - 1]!, state)) || state.start < describedUntil;
    for (const rule of kind === 'text' && !wrapped ? LINE_RULES : []) {
      const m = rule.pattern.exec(s);
      if (!m) continue;
      state.reason = rule.reason;
      if (rule.outlet && m[1]) noteOutlet(outletName(m[1]));
      if (rule.reason === 'copyright notice') noteOutlet(copyrightHolder(s));
      break;
    }
    if (state.reason) continue;
    if (kind === 'text' && !wrapped && DATE_LINE.test(s)) {
      state.reason = 'date line';
      continue;
    }
    applySpanRules(text, state);
    if (keptText(text, state) === '') state.reason = state.cuts[0]?.reason ?? 'empty';
  }

  const isKeptProse = (st: State): boolean =>
    !st.reason && st.block.kind !== 'code' && SENTENCE_END.test(keptText(text, st));
  const firstProse = states.findIndex(isKeptProse);

  // 3. The headline, and navigation labels around it before the prose starts.
  if (options.headline) {
    const preambleEnd = firstProse === -1 ? Math.min(1, states.length) : firstProse;
    const at = states.findIndex(
      (st, i) => i < preambleEnd && !st.reason && st.block.kind === 'text' && isHeadlineLike(keptText(text, st)),
    );
    const found = states[at];
    // A lone headline-like line with nothing after it is the article, not its headline.
    if (found && states.length > 1) {
      headline = keptText(text, found);
      // A line that the next goes on from ("Installing or upgrading a binary package now upgrades other binaries from"
      // over "the same source package …") opens a wrapped sentence: it names the text, but stays in it.
      if (!continuesSentence(text, found, states[at + 1]!)) {
        found.reason = 'headline';
        found.cuts = [];
      }
    }
    if (options.phrases) {
      for (const st of states.slice(0, preambleEnd)) {
        if (!st.reason && isLabel(keptText(text, st))) st.reason = 'navigation label';
      }
    }
  }

  // 4. Preamble dates: a date line before the prose is the publication date.
  for (const [i, st] of states.entries()) {
    if (st.reason !== 'date line' && st.reason !== 'date label') continue;
    const m = DATE_LINE.exec(normalised(text, st));
    const isPublished = m?.[1] ? /^(?:published|posted)/iu.test(m[1]) : i < firstProse;
    if (!published && m?.[2] && isPublished) published = toIsoDate(m[2]);
  }

  // 5. Lists of other stories and everything after them.
  if (options.phrases && firstProse !== -1) {
    for (let i = firstProse + 1; i < states.length; i++) {
      const st = states[i] as State;
      if (st.block.kind === 'code' || st.block.kind === 'item') continue;
      const s = normalised(text, st);
      // A defined term is no header of links: "Recommended" over "Old name for Recommends." in a list of fields.
      if (st.block.term === true) continue;
      const more = st.block.kind === 'heading' ? null : MORE_ON.exec(s);
      const strong = RELATED_HEADER.test(s);
      if ((!strong && !more) || continuesSentence(text, states[i - 1]!, st)) continue;
      const isHeader = looksLikeTeaserList(text, states, i + 1) || (strong && onlyShortTextAfter(text, states, i + 1));
      if (!isHeader) continue;
      if (more?.[1]) noteOutlet(outletName(more[1]));
      for (const rest of states.slice(i)) {
        if (!rest.reason || rest.reason === 'heading' || rest.reason === 'navigation label') {
          rest.reason = 'related stories list';
          rest.cuts = [];
        }
      }
      break;
    }
  }

  // 6. Short unpunctuated lines after the last prose: video titles, links to other stories.
  if (options.trailing) {
    let lastProse = -1;
    states.forEach((st, i) => {
      if (isKeptProse(st)) lastProse = i;
    });
    if (lastProse !== -1) {
      for (const st of states.slice(lastProse + 1)) {
        if (st.reason || st.block.kind !== 'text') continue;
        const s = keptText(text, st);
        if (!SENTENCE_END.test(s) && (isHeadlineLike(s) || isLabel(s))) {
          st.reason = 'trailing headline (video or related link)';
        }
      }
    }
  }

  // 7. Footer outlet mentions in lines other rules already dropped.
  for (const st of states.slice(Math.max(firstProse, 0))) {
    if (!st.reason || outlet) continue;
    const s = normalised(text, st);
    const follow = FOLLOW_MENTION.exec(s);
    if (follow?.[1]) noteOutlet(outletName(follow[1]));
  }

  // 8. Body ranges and the removal record.
  const body: TextRange[] = [];
  for (const st of states) {
    if (st.reason) {
      removed.push({ range: { start: st.start, end: st.end }, reason: st.reason });
      continue;
    }
    let at = st.start;
    const pieces: TextRange[] = [];
    for (const cut of st.cuts) {
      const piece = trimRange(text, at, cut.range.start);
      if (piece) pieces.push(piece);
      removed.push(cut);
      at = cut.range.end;
    }
    const tail = trimRange(text, at, st.end);
    if (tail) pieces.push(tail);
    for (const piece of pieces) {
      if (/[\p{L}\p{N}]/u.test(text.slice(piece.start, piece.end))) body.push(piece);
      else removed.push({ range: piece, reason: 'no words (punctuation only)' });
    }
  }
  removed.sort((a, b) => a.range.start - b.range.start);
  return { body, removed, headline, published, outlet };
}
