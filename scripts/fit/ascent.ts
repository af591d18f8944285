/**
 * Fitting the ranking weights: coordinate ascent on the share of questions answered right (the top candidate is a
 * right sentence and scores at least the threshold) or abstained right (nothing reaches the threshold), averaged
 * over corpora so a large corpus does not drown a small one. The threshold is swept for every weight vector tried.
 * Pure: candidates in, weights out.
 */
import { FEATURES, type FeatureName, type RankingModel } from '../../src/answer/features.js';

export interface Candidate {
  features: Float64Array;
  right: boolean;
  /** The sentence and its source, for diagnostics. */
  text: string;
  source: string;
}

export interface Case {
  corpus: string;
  id: string;
  kind: string;
  question: string;
  answerable: boolean;
  candidates: Candidate[];
  /** From the suite the floors are set on; a supplement's cases count in the objective, not against the floors. */
  bindsFloor: boolean;
}

export interface Outcome {
  answeredRight: number;
  abstainedRight: number;
  answerable: number;
  unanswerable: number;
  /** Answered with a wrong sentence, or answered when it should have abstained. */
  wrong: number;
}

export const toVector = (features: Record<FeatureName, number>): Float64Array => Float64Array.from(FEATURES, (name) => features[name]);

function topOf(candidates: Candidate[], weights: Float64Array): { score: number; right: boolean } | null {
  let best: { score: number; right: boolean } | null = null;
  for (const candidate of candidates) {
    let score = 0;
    for (let i = 0; i < weights.length; i++) score += weights[i]! * candidate.features[i]!;
    if (best === null || score > best.score) best = { score, right: candidate.right };
  }
  return best;
}

/** Outcome of every case at one threshold. */
export function outcomeAt(tops: ({ score: number; right: boolean } | null)[], cases: Case[], threshold: number): Outcome {
  const outcome: Outcome = { answeredRight: 0, abstainedRight: 0, answerable: 0, unanswerable: 0, wrong: 0 };
  cases.forEach((testCase, index) => {
    const top = tops[index];
    const answers = top !== null && top !== undefined && top.score >= threshold;
    if (testCase.answerable) {
      outcome.answerable += 1;
      if (answers && top.right) outcome.answeredRight += 1;
      else if (answers) outcome.wrong += 1;
    } else {
      outcome.unanswerable += 1;
      if (answers) outcome.wrong += 1;
      else outcome.abstainedRight += 1;
    }
  });
  return outcome;
}

/** The least a corpus must keep: test/eval-floors.json, by corpus name. */
export type CorpusFloors = ReadonlyMap<string, { answerableRight: number; abstainedRight: number }>;

interface Scored {
  threshold: number;
  /** Mean over corpora of (answered right + abstained right) / cases. */
  value: number;
  /** Every corpus with a floor is at or above it. */
  meetsFloors: boolean;
}

function scoreAt(tops: ({ score: number; right: boolean } | null)[], cases: Case[], threshold: number, floors: CorpusFloors): Scored {
  const byCorpus = new Map<string, { answered: number; abstained: number; total: number; answeredOnFloor: number; abstainedOnFloor: number }>();
  cases.forEach((testCase, index) => {
    const top = tops[index];
    const answers = top !== null && top !== undefined && top.score >= threshold;
    const entry = byCorpus.get(testCase.corpus) ?? { answered: 0, abstained: 0, total: 0, answeredOnFloor: 0, abstainedOnFloor: 0 };
    const answeredRight = testCase.answerable && answers && top.right;
    const abstainedRight = !testCase.answerable && !answers;
    if (answeredRight) entry.answered += 1;
    if (abstainedRight) entry.abstained += 1;
    if (testCase.bindsFloor && answeredRight) entry.answeredOnFloor += 1;
    if (testCase.bindsFloor && abstainedRight) entry.abstainedOnFloor += 1;
    entry.total += 1;
    byCorpus.set(testCase.corpus, entry);
  });
  let sum = 0;
  let meetsFloors = true;
  for (const [corpus, { answered, abstained, total, answeredOnFloor, abstainedOnFloor }] of byCorpus) {
    sum += (answered + abstained) / total;
    const floor = floors.get(corpus);
    if (floor !== undefined && (answeredOnFloor < floor.answerableRight || abstainedOnFloor < floor.abstainedRight)) meetsFloors = false;
  }
  return { threshold, value: sum / Math.max(1, byCorpus.size), meetsFloors };
}

/** Meeting the floors comes first; then the higher mean. */
function isBetter(candidate: Scored, current: Scored | null, gain = 0): boolean {
  if (current === null) return true;
  if (candidate.meetsFloors !== current.meetsFloors) return candidate.meetsFloors;
  return candidate.value > current.value + gain;
}

/** The best threshold for fixed weights: tried between consecutive top scores. */
function bestThreshold(tops: ({ score: number; right: boolean } | null)[], cases: Case[], floors: CorpusFloors): Scored {
  const scores = [...new Set(tops.flatMap((top) => (top === null ? [] : [top.score])))].sort((a, b) => a - b);
  const thresholds = [scores[0]! - 1, ...scores.map((score, i) => (i + 1 < scores.length ? (score + scores[i + 1]!) / 2 : score + 1))];
  let best: Scored | null = null;
  for (const threshold of thresholds) {
    const scored = scoreAt(tops, cases, threshold, floors);
    if (isBetter(scored, best, 1e-12)) best = scored;
  }
  return best!;
}

const STEPS = [-1, -0.5, -0.25, -0.1, -0.05, 0.05, 0.1, 0.25, 0.5, 1];
/** A weight change must gain at least this much of the objective: ties keep the smaller model. */
const MIN_GAIN = 1e-9;

export interface Fit {
  model: RankingModel;
  value: number;
  /** In the candidates' own scoring, which the whole pipeline follows closely but not exactly. */
  meetsFloors: boolean;
}

/**
 * Coordinate ascent from `start`; each round tries every step on every feature and keeps the best single change.
 * With floors, a change that keeps every corpus at or above its floor beats any that does not.
 */
export function fitWeights(cases: Case[], start: RankingModel, floors: CorpusFloors = new Map(), rounds = 30): Fit {
  const weights = Float64Array.from(FEATURES, (name) => start.weights[name]);
  const evaluate = (candidate: Float64Array) => bestThreshold(cases.map((testCase) => topOf(testCase.candidates, candidate)), cases, floors);
  let current = evaluate(weights);
  for (let round = 0; round < rounds; round++) {
    let bestChange: { feature: number; value: number; result: Scored } | null = null;
    for (let feature = 0; feature < weights.length; feature++) {
      const original = weights[feature]!;
      for (const step of STEPS) {
        weights[feature] = Math.round((original + step) * 1000) / 1000;
        const result = evaluate(weights);
        if (isBetter(result, bestChange?.result ?? current, MIN_GAIN)) bestChange = { feature, value: weights[feature]!, result };
      }
      weights[feature] = original;
    }
    if (bestChange === null) break;
    weights[bestChange.feature] = bestChange.value;
    current = bestChange.result;
  }
  return { model: toModel(weights, current.threshold), value: current.value, meetsFloors: current.meetsFloors };
}

export function toModel(weights: Float64Array, threshold: number): RankingModel {
  const named = Object.fromEntries(FEATURES.map((name, i) => [name, weights[i]!])) as Record<FeatureName, number>;
  return { weights: named, threshold: Math.round(threshold * 10000) / 10000 };
}

/** Each case's top candidate under a model. */
export function tops(cases: Case[], model: RankingModel): ({ score: number; right: boolean } | null)[] {
  const weights = Float64Array.from(FEATURES, (name) => model.weights[name]);
  return cases.map((testCase) => topOf(testCase.candidates, weights));
}
