/**
 * The buttons under an answer: 👍 / 👎 (and "Not what I asked" when there was no answer), and "Post in channel" on a
 * private answer. Custom ids carry the answer id (the id of the interaction that asked): `ask:<action>:<answerId>`.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Rating } from '../feedback/records.js';
import type { Components } from './reply.js';

export type AnswerAction = { kind: 'rate'; rating: Rating; answerId: string } | { kind: 'share'; answerId: string };

const BUTTON = /^ask:(up|down|not_asked|share):(\d{1,20})$/;

export function parseAnswerButton(customId: string): AnswerAction | null {
  const match = BUTTON.exec(customId);
  if (!match) return null;
  const [, action, answerId] = match as unknown as [string, Rating | 'share', string];
  return action === 'share' ? { kind: 'share', answerId } : { kind: 'rate', rating: action, answerId };
}

export function answerButtons(answerId: string, options: { noAnswer: boolean; shareable: boolean }): Components {
  const button = (action: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary, emoji?: string) => ({
    type: ComponentType.Button as const,
    style,
    custom_id: `ask:${action}:${answerId}`,
    label,
    ...(emoji ? { emoji: { name: emoji } } : {}),
  });
  const components = [
    button('up', 'Helpful', ButtonStyle.Secondary, '👍'),
    button('down', 'Not helpful', ButtonStyle.Secondary, '👎'),
    ...(options.noAnswer ? [button('not_asked', 'Not what I asked', ButtonStyle.Secondary)] : []),
    ...(options.shareable ? [button('share', 'Post in channel', ButtonStyle.Primary)] : []),
  ];
  return [{ type: ComponentType.ActionRow, components }];
}
