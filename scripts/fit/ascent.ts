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

/** Mean over corpora of (answered right + abstained right) / cases. */
function objective(tops: ({ score: number; right: boolean } | null)[], cases: Case[], threshold: number): number {
  const byCorpus = new Map<string, { right: number; total: number }>();
  cases.forEach((testCase, index) => {
    const top = tops[index];
    const answers = top !== null && top !== undefined && top.score >= threshold;
    const right = testCase.answerable ? answers && top.right : !answers;
    const entry = byCorpus.get(testCase.corpus) ?? { right: 0, total: 0 };
    entry.right += right ? 1 : 0;
    entry.total += 1;
    byCorpus.set(testCase.corpus, entry);
  });
  let sum = 0;
  for (const { right, total } of byCorpus.values()) sum += right / total;
  return sum / Math.max(1, byCorpus.size);
}

/** The best threshold for fixed weights: tried between consecutive top scores. */
function bestThreshold(tops: ({ score: number; right: boolean } | null)[], cases: Case[]): { threshold: number; value: number } {
  const scores = [...new Set(tops.flatMap((top) => (top === null ? [] : [top.score])))].sort((a, b) => a - b);
  const thresholds = [scores[0]! - 1, ...scores.map((score, i) => (i + 1 < scores.length ? (score + scores[i + 1]!) / 2 : score + 1))];
  let best = { threshold: thresholds[0]!, value: -1 };
  for (const threshold of thresholds) {
    const value = objective(tops, cases, threshold);
    // Ties go to the lower threshold's neighbour in the middle of the plateau would be nicer; the first is stable.
    if (value > best.value + 1e-12) best = { threshold, value };
  }
  return best;
}

const STEPS = [-1, -0.5, -0.25, -0.1, -0.05, 0.05, 0.1, 0.25, 0.5, 1];
/** A weight change must gain at least this much of the objective: ties keep the smaller model. */
const MIN_GAIN = 1e-9;

export interface Fit {
  model: RankingModel;
  value: number;
}

/** Coordinate ascent from `start`; each round tries every step on every feature and keeps the best single change. */
export function fitWeights(cases: Case[], start: RankingModel, rounds = 30): Fit {
  const weights = Float64Array.from(FEATURES, (name) => start.weights[name]);
  const evaluate = (candidate: Float64Array) => bestThreshold(cases.map((testCase) => topOf(testCase.candidates, candidate)), cases);
  let current = evaluate(weights);
  for (let round = 0; round < rounds; round++) {
    let bestChange: { feature: number; value: number; result: { threshold: number; value: number } } | null = null;
    for (let feature = 0; feature < weights.length; feature++) {
      const original = weights[feature]!;
      for (const step of STEPS) {
        weights[feature] = Math.round((original + step) * 1000) / 1000;
        const result = evaluate(weights);
        if (result.value > (bestChange?.result.value ?? current.value) + MIN_GAIN) bestChange = { feature, value: weights[feature]!, result };
      }
      weights[feature] = original;
    }
    if (bestChange === null) break;
    weights[bestChange.feature] = bestChange.value;
    current = bestChange.result;
  }
  return { model: toModel(weights, current.threshold), value: current.value };
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
