import { describe, expect, it } from 'vitest';
import { insightGroups, questionKey, type InsightInput } from '../../src/feedback/insights.js';

let counter = 0;
function input(question: string, options: { status?: 'answered' | 'no_answer'; down?: number; notAsked?: number; guildId?: string } = {}): InsightInput {
  counter += 1;
  return {
    asked: {
      v: 1,
      kind: 'asked',
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
      answerId: String(counter),
      question,
      status: options.status ?? 'no_answer',
      sources: [],
      guildId: options.guildId ?? '1',
      channelId: '2',
    },
    ratings: { up: 0, down: options.down ?? 0, not_asked: options.notAsked ?? 0 },
  };
}

describe('insightGroups', () => {
  it('groups phrasings of one question and keeps different questions apart', () => {
    const groups = insightGroups([
      input('How many drones were launched?'),
      input('how many drones launched'),
      input('How many drones did Russia launch?'),
      input('When were the drones launched?'),
    ]);
    expect(groups.map((group) => [group.question, group.asked])).toEqual([
      ['How many drones were launched?', 3],
      ['When were the drones launched?', 1],
    ]);
    expect(groups[0]?.variants).toEqual(['how many drones launched', 'How many drones did Russia launch?']);
  });

  it('leaves out answers nobody rated down, and counts 👎 and "Not what I asked" by member', () => {
    const groups = insightGroups([
      input('Who is the mayor?', { status: 'answered' }),
      input('Who is the mayor of Kyiv?', { status: 'answered', down: 2 }),
      input('Where is the mayor?', { status: 'answered', notAsked: 1 }),
    ]);
    expect(groups.map((group) => [group.question, group.unanswered, group.down, group.notAsked])).toEqual([
      ['Who is the mayor of Kyiv?', 0, 2, 0],
      ['Where is the mayor?', 0, 0, 1],
    ]);
  });

  it('orders by unanswered + 👎 + "not what I asked", then by how often asked', () => {
    const groups = insightGroups([input('Why is the sky blue?'), input('What is the capital of France?', { down: 1 }), input('What is the capital of France?')]);
    expect(groups.map((group) => group.question)).toEqual(['What is the capital of France?', 'Why is the sky blue?']);
  });

  it('keys a question by its question word and stemmed content words', () => {
    expect(questionKey('How many people were injured?')).toEqual(new Set(['person', 'injur', '?how many']));
    expect(questionKey('???')).toEqual(new Set(['']));
  });
});
