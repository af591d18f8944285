/** Every application command, in one list: the bot dispatches from it and deploy-commands registers exactly it. */
import type { Command } from '../src/discord/command.js';
import * as ask from './ask.js';
import * as askMessage from './ask-message.js';
import * as insights from './insights.js';
import * as reindex from './reindex.js';
import * as sources from './sources.js';

export const commands: readonly Command[] = [ask, sources, reindex, insights, askMessage];

/** The JSON body PUT to Discord's application command endpoints. */
export function commandPayloads() {
  return commands.map((command) => command.data.toJSON());
}
