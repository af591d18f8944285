/**
 * What the feedback file holds: one JSON object a line, each a fact about one answer. Checked by zod when read back,
 * because the file outlives the code that wrote it and can be damaged.
 */
import { z } from 'zod';

export const RATINGS = ['up', 'down', 'not_asked'] as const;
export type Rating = (typeof RATINGS)[number];

const id = z.string().regex(/^\d{1,20}$/);
const time = z.iso.datetime();

/** A question Quoth answered (or could not): the question, its outcome, the sources quoted, where it was asked. */
const asked = z.object({
  v: z.literal(1),
  kind: z.literal('asked'),
  at: time,
  answerId: id,
  question: z.string().min(1).max(1000),
  status: z.enum(['answered', 'no_answer']),
  sources: z.array(z.string()).max(50),
  guildId: id.nullable(),
  channelId: id.nullable(),
});

/** A member's 👍 / 👎 / "Not what I asked" on an answer; a later rating by the same member replaces the earlier. */
const rated = z.object({
  v: z.literal(1),
  kind: z.literal('rated'),
  at: time,
  answerId: id,
  userId: id,
  rating: z.enum(RATINGS),
});

/** A private answer posted in the channel; an answer is posted once. */
const shared = z.object({
  v: z.literal(1),
  kind: z.literal('shared'),
  at: time,
  answerId: id,
  userId: id,
});

export const feedbackRecord = z.discriminatedUnion('kind', [asked, rated, shared]);

export type FeedbackRecord = z.infer<typeof feedbackRecord>;
export type AskedRecord = z.infer<typeof asked>;
export type RatedRecord = z.infer<typeof rated>;
export type SharedRecord = z.infer<typeof shared>;
