/**
 * What moderators should add to the articles next: the questions that got no answer or a 👎 / "Not what I asked",
 * grouped when they are near-duplicates ("how many drones were launched" / "How many drones launched?"), most
 * pressing first. Pure: records in, groups out.
 */
import { contentTerms } from '../text/terms.js';
import type { AskedRecord, Rating } from './records.js';

export interface InsightInput {
  asked: AskedRecord;
  ratings: Record<Rating, number>;
}

export interface InsightGroup {
  /** The phrasing asked most often (the earliest among equals). */
  question: string;
  /** Other phrasings in the group, most asked first. */
  variants: string[];
  /** Times a question of the group was asked in the period. */
  asked: number;
  /** Of those, how many got no answer. */
  unanswered: number;
  /** Members who rated an answer of the group 👎. */
  down: number;
  /** Members who said an answer of the group was not what they asked. */
  notAsked: number;
  /** ISO time of the latest ask. */
  lastAsked: string;
}

/** Two questions are one group when their key words overlap this much (Jaccard). */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

const QUESTION_WORDS = /^(how (?:many|much|long|old|far|often)|who|whom|whose|what|when|where|why|which|how)\b/;

/** The words that make a question what it is: its question word ("how many", "who") and its stemmed content terms. */
export function questionKey(question: string): Set<string> {
  const lower = question.trim().toLowerCase();
  const key = new Set(contentTerms(lower));
  const kind = QUESTION_WORDS.exec(lower)?.[1];
  if (kind) key.add(`?${kind}`);
  if (key.size === 0) key.add(lower.replace(/\W+/g, ' ').trim());
  return key;
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Groups the questions that need attention; those answered and not rated down are left out. */
export function insightGroups(inputs: readonly InsightInput[]): InsightGroup[] {
  const groups: { key: Set<string>; phrasings: Map<string, { text: string; count: number; first: string }>; group: InsightGroup }[] = [];
  const sorted = [...inputs].sort((a, b) => (a.asked.at < b.asked.at ? -1 : a.asked.at > b.asked.at ? 1 : 0));
  for (const { asked, ratings } of sorted) {
    const needsAttention = asked.status === 'no_answer' || ratings.down > 0 || ratings.not_asked > 0;
    if (!needsAttention) continue;
    const key = questionKey(asked.question);
    let best: (typeof groups)[number] | undefined;
    let bestScore = NEAR_DUPLICATE_SIMILARITY;
    for (const candidate of groups) {
      const score = similarity(key, candidate.key);
      if (score >= bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) {
      best = {
        key,
        phrasings: new Map(),
        group: { question: asked.question, variants: [], asked: 0, unanswered: 0, down: 0, notAsked: 0, lastAsked: asked.at },
      };
      groups.push(best);
    }
    const phrasing = asked.question.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[?.!\s]+$/, '');
    const seen = best.phrasings.get(phrasing) ?? { text: asked.question.trim(), count: 0, first: asked.at };
    seen.count += 1;
    best.phrasings.set(phrasing, seen);
    const group = best.group;
    group.asked += 1;
    if (asked.status === 'no_answer') group.unanswered += 1;
    group.down += ratings.down;
    group.notAsked += ratings.not_asked;
    group.lastAsked = asked.at;
  }
  for (const { phrasings, group } of groups) {
    const ranked = [...phrasings.values()].sort((a, b) => b.count - a.count || (a.first < b.first ? -1 : 1));
    group.question = ranked[0]?.text ?? group.question;
    group.variants = ranked.slice(1).map((phrasing) => phrasing.text);
  }
  const weight = (group: InsightGroup): number => group.unanswered + group.down + group.notAsked;
  return groups
    .map(({ group }) => group)
    .sort((a, b) => weight(b) - weight(a) || b.asked - a.asked || (a.lastAsked < b.lastAsked ? 1 : -1));
}
