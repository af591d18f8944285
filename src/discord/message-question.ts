/** A message's text as a question for "Ask Quoth": refused, with a reason, when it cannot be one. Pure. */
import { MAX_QUESTION_LENGTH } from '../service.js';
import { withoutMentions } from './asking.js';

export type MessageQuestion = { ok: true; question: string } | { ok: false; reason: string };

export function questionFromMessage(content: string): MessageQuestion {
  const text = withoutMentions(content)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') {
    return { ok: false, reason: 'That message has no text to ask about (only attachments, links, emoji or mentions).' };
  }
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  if (words.length < 2) {
    return { ok: false, reason: `“${text.slice(0, 80)}” does not read as a question. Pick a message that asks something, or use /ask.` };
  }
  if (text.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      reason: `That message is too long to ask as it is (${text.length} characters; questions are limited to ${MAX_QUESTION_LENGTH}). Use /ask with the part you want answered.`,
    };
  }
  return { ok: true, question: text };
}
