import { MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { languageFor } from '../i18n';
import { findCommand, type Command, type CommandInput } from './command';
import { helpCard, helpCommand } from './commands/help';

/** What the bot is built with; commands are added here as they are written (one file each in `commands/`). */
export interface PlanDeskBotOptions {
  commands?: readonly Command[];
}

/**
 * PlanDesk in Teams: turns a message into one command and its result into one card. Text that names
 * no command gets the help card, and so does a conversation the bot has just been added to (install).
 */
export class PlanDeskBot extends TeamsActivityHandler {
  private readonly commands: readonly Command[];

  constructor(options: PlanDeskBotOptions = {}) {
    super();
    this.commands = options.commands ?? [helpCommand];

    this.onMessage(async (context, next) => {
      const input = inputOf(context);
      const found = findCommand(this.commands, input.args);
      const card = found ? await found.command.handle({ ...input, args: found.args }) : helpCard(input.lang);
      await context.sendActivity(MessageFactory.attachment(card));
      await next();
    });

    // 'MembersAdded' rather than 'TeamsMembersAdded': the Teams variant fetches every member's profile first.
    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      // Only the bot's own arrival: greeting every person who joins a team would flood its channels.
      if (membersAdded.some((member) => member.id === recipient.id)) {
        await context.sendActivity(MessageFactory.attachment(helpCard(languageFor(context.activity.locale))));
      }
      await next();
    });
  }
}

/** The turn as a command sees it; `args` holds the whole text, without the @mention of the bot in a channel. */
function inputOf(context: TurnContext): CommandInput {
  const { activity } = context;
  // removeRecipientMention edits the activity it is given, so it gets a copy.
  const text = activity.text ? TurnContext.removeRecipientMention({ ...activity }) ?? '' : '';
  return {
    lang: languageFor(activity.locale),
    args: text.trim(),
    user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId, name: activity.from.name },
  };
}
