/** The feedback records folded into what the bot asks of them. Pure: records in, answers out. */
import type { AskedRecord, FeedbackRecord, Rating, SharedRecord } from './records.js';

export type RatingChange = 'new' | 'changed' | 'same';

export class FeedbackLedger {
  private readonly asked = new Map<string, AskedRecord>();
  /** answerId → userId → latest rating and when it was given. */
  private readonly ratings = new Map<string, Map<string, { rating: Rating; at: string }>>();
  private readonly shares = new Map<string, SharedRecord>();

  apply(record: FeedbackRecord): void {
    switch (record.kind) {
      case 'asked':
        this.asked.set(record.answerId, record);
        break;
      case 'rated': {
        const byUser = this.ratings.get(record.answerId) ?? new Map<string, { rating: Rating; at: string }>();
        byUser.set(record.userId, { rating: record.rating, at: record.at });
        this.ratings.set(record.answerId, byUser);
        break;
      }
      case 'shared':
        if (!this.shares.has(record.answerId)) this.shares.set(record.answerId, record);
        break;
    }
  }

  /** How a new rating by this member would count: a first one, a change of mind, or the one already given. */
  ratingChange(answerId: string, userId: string, rating: Rating): RatingChange {
    const previous = this.ratings.get(answerId)?.get(userId);
    if (previous === undefined) return 'new';
    return previous.rating === rating ? 'same' : 'changed';
  }

  /** Counts of the current ratings of one answer: each member counts once, with their latest rating. */
  tally(answerId: string): Record<Rating, number> {
    const counts: Record<Rating, number> = { up: 0, down: 0, not_asked: 0 };
    for (const { rating } of this.ratings.get(answerId)?.values() ?? []) counts[rating] += 1;
    return counts;
  }

  answer(answerId: string): AskedRecord | undefined {
    return this.asked.get(answerId);
  }

  sharedBy(answerId: string): SharedRecord | undefined {
    return this.shares.get(answerId);
  }

  /** Every answer asked in `guildId` at or after `since` (ISO), with its current rating counts. */
  answersSince(since: string, guildId: string | null): { asked: AskedRecord; ratings: Record<Rating, number> }[] {
    const result: { asked: AskedRecord; ratings: Record<Rating, number> }[] = [];
    for (const record of this.asked.values()) {
      if (record.at >= since && record.guildId === guildId) result.push({ asked: record, ratings: this.tally(record.answerId) });
    }
    return result;
  }
}
