import {
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type FileConsentCardResponse,
  type InvokeResponse,
} from 'botbuilder';
import { DEFAULT_LANG, languageFor, t, type Lang } from '../i18n';
import { renderCard } from './cards';
import { actionFor, CARD_ACTIONS } from './actions';
import type { CardAction } from './actions/card-action';
import { isAutomaticRefresh } from './actions/plan-refresh';
import { findCommand, type Command, type CommandInput } from './command';
import { helpCard, helpCommand } from './commands/help';
import { answerFile } from './files/answer-file';
import { acceptExport, declineExport, type ConsentTurn } from './files/send-export';
import { escapeMarkdown } from './markdown';
import { sentFileOf, type SentFile } from './files/sent-file';
import type { BotServices } from './services';
import type { TeamMember } from '../app/use-cases';
import { messageCard } from './actions/application-actions-shared';

/** What the bot is built with; commands and card verbs are one file each in `commands/` and `actions/`. */
export interface PlanDeskBotOptions {
  commands?: readonly Command[];
  actions?: readonly CardAction[];
  /** The use cases' dependencies; without them the bot can only show help. */
  services?: BotServices;
}

/**
 * PlanDesk in Teams: a message becomes one command and its result one card; an `adaptiveCard/action`
 * invoke becomes one card verb, answered with the updated card. Every conversation with a person is
 * remembered so PlanDesk can write to them later, and the outbox is delivered after each turn.
 */
export class PlanDeskBot extends TeamsActivityHandler {
  private readonly commands: readonly Command[];
  private readonly actions: readonly CardAction[];
  private readonly services: BotServices | undefined;

  constructor(options: PlanDeskBotOptions = {}) {
    super();
    this.commands = options.commands ?? [helpCommand];
    this.actions = options.actions ?? CARD_ACTIONS;
    this.services = options.services;

    this.onTurn(async (context, next) => {
      await this.remember(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const input = inputOf(context, await this.languageOf(context));
      const answer = await this.answerTo(input, sentFileOf(context.activity.attachments));
      await context.sendActivity(
        typeof answer === 'string' ? MessageFactory.text(answer) : MessageFactory.attachment(answer),
      );
      this.services?.deliverSoon();
      await next();
    });

    // 'MembersAdded' rather than 'TeamsMembersAdded': the Teams variant fetches every member's profile first.
    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      const botAdded = membersAdded.some((member) => member.id === recipient.id);
      // Only the bot's own arrival: greeting every person who joins a team would flood its channels.
      if (botAdded) {
        await context.sendActivity(MessageFactory.attachment(helpCard(await this.languageOf(context))));
        this.services?.deliverSoon();
      }
      if (context.activity.channelData?.team) await this.reviewTeam(context, botAdded);
      await next();
    });
  }

  /**
   * Every invoke: the ones PlanDesk handles go to their handlers; one it does not know (or an
   * `adaptiveCard/action` without an action) is the client's mistake, answered 400 rather than the
   * framework's 501.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    if (name === 'adaptiveCard/action') {
      const action = (value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
      if (!action || typeof action.verb !== 'string')
        return badRequest('an adaptiveCard/action invoke needs value.action with a verb');
    }
    // The framework reads value.action without looking: a consent answer without one would fail the turn.
    if (name === 'fileConsent/invoke') {
      const action = (value as { action?: unknown } | null | undefined)?.action;
      if (action !== 'accept' && action !== 'decline')
        return badRequest('a fileConsent/invoke needs value.action, accept or decline');
    }
    const response = await super.onInvokeActivity(context);
    return response.status === 501 ? badRequest(`PlanDesk does not handle the invoke "${name ?? ''}"`) : response;
  }

  /**
   * A message edited or deleted in Teams: PlanDesk has no use for either, and the framework reads its
   * channelData without looking, so one sent without any is left alone rather than failing the turn.
   */
  protected override async dispatchMessageUpdateActivity(context: TurnContext): Promise<void> {
    if (context.activity.channelData) await super.dispatchMessageUpdateActivity(context);
  }

  protected override async dispatchMessageDeleteActivity(context: TurnContext): Promise<void> {
    if (context.activity.channelData) await super.dispatchMessageDeleteActivity(context);
  }

  /** `adaptiveCard/action`: one verb, answered within the invoke with the card that replaces the one acted on. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action;
    const action = actionFor(this.actions, verb);
    const { activity } = context;
    const user = activity.from;
    if (!action || !this.services || !user.aadObjectId) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: `unknown verb ${verb}` },
      };
    }
    const parsed = action.schema.safeParse(data ?? {});
    if (!parsed.success) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'BadRequest',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
      };
    }
    const isPersonal = activity.conversation.conversationType === 'personal';
    const lang = await this.languageOf(context);
    // Where others read (a channel, a group chat), an answer replaces the card for everyone: it shows
    // what a channel may see, and the form is not filled there (SPEC §7); each verb says which it does.
    if (!isPersonal && action.sharedChat === 'refuse') {
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: renderCard('message', { text: t(lang, 'bot.personalOnly') }).content as Record<string, unknown>,
      };
    }
    const card = await action.handle(parsed.data, {
      lang,
      user: { aadObjectId: user.aadObjectId, mri: user.id, ...(user.name ? { name: user.name } : {}) },
      services: this.services,
      conversationKey: isPersonal ? `person:${user.aadObjectId}` : null,
      cardActivityId: activity.replyToId ?? null,
      shared: !isPersonal && action.sharedChat === 'notice',
      post: async (posted) => (await context.sendActivity(MessageFactory.attachment(posted)))?.id ?? null,
    });
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: card.content as Record<string, unknown>,
    };
  }

  /** `fileConsent/invoke`, accepted: the export the consent card offered is written, uploaded and shown. */
  protected override async handleTeamsFileConsentAccept(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    const turn = await this.consentTurn(context);
    if (turn) await acceptExport(turn, response);
  }

  /** `fileConsent/invoke`, declined: the consent card says nothing was sent. */
  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    const turn = await this.consentTurn(context);
    if (turn) await declineExport(turn);
  }

  /** A file-consent invoke as the export sees it; the consent card is the message it answers (`replyToId`). */
  private async consentTurn(context: TurnContext): Promise<ConsentTurn | null> {
    if (!this.services) return null;
    const { activity } = context;
    return {
      lang: await this.languageOf(context),
      actor: activity.from?.aadObjectId,
      isPersonal: activity.conversation?.conversationType === 'personal',
      services: this.services,
      send: async (reply) => {
        await context.sendActivity(reply);
      },
      replaceCard: async (text) => {
        const card = messageCard(escapeMarkdown(text));
        if (activity.replyToId)
          await context.updateActivity({ id: activity.replyToId, type: 'message', attachments: [card] });
        else await context.sendActivity(MessageFactory.attachment(card));
      },
    };
  }

  /**
   * In a team: on PlanDesk's arrival the whole roster (paged), on a person's arrival that person, is
   * checked against the directory, and the admins hear of anyone it does not know. A roster Teams will
   * not give is logged, not fatal: the welcome stands.
   */
  private async reviewTeam(context: TurnContext, botAdded: boolean): Promise<void> {
    if (!this.services) return;
    try {
      const members: TeamMember[] = [];
      if (botAdded) {
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedMembers(context, 500, token);
          for (const m of page.members) {
            const email = m.email ?? m.userPrincipalName;
            members.push({ aadObjectId: m.aadObjectId ?? '', name: m.name ?? '', ...(email ? { email } : {}) });
          }
          token = page.continuationToken;
        } while (token);
      } else {
        for (const m of context.activity.membersAdded ?? [])
          members.push({ aadObjectId: m.aadObjectId ?? '', name: m.name ?? '' });
      }
      await this.services.useCases.reviewTeamMembers(members.filter((m) => m.aadObjectId));
    } catch (error) {
      this.services.log.warn('could not read the team roster', { code: 'roster_unreadable', error: String(error) });
    }
  }

  /**
   * A message's answer: a file sent in a 1:1 chat is reference data (a catalog owner's catalog, the
   * ops head's policy); otherwise the command its first word names, else help.
   */
  private async answerTo(input: CommandInput, file: SentFile | null): Promise<Attachment | string> {
    if (file && this.services)
      return input.conversation.isPersonal && input.user.aadObjectId
        ? answerFile(this.services, input.user.aadObjectId, file, input.lang)
        : t(input.lang, 'bot.personalOnly');
    const found = findCommand(this.commands, input.args);
    if (!found) return helpCard(input.lang);
    if (found.command.personalOnly && !input.conversation.isPersonal) return t(input.lang, 'bot.personalOnly');
    return found.command.handle({ ...input, args: found.args });
  }

  /**
   * The language to answer in: the one Teams gives the activity; without one (some events carry none),
   * the directory's for the person; else the organization's.
   */
  private async languageOf(context: TurnContext): Promise<Lang> {
    const { locale, from } = context.activity;
    if (locale) return languageFor(locale);
    const known =
      from?.aadObjectId && this.services ? await this.services.useCases.personLocale(from.aadObjectId) : null;
    return known ? languageFor(known) : DEFAULT_LANG;
  }

  /** Keeps the latest reference to each person's 1:1 chat (install, message or card action alike). */
  private async remember(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!this.services || activity.conversation?.conversationType !== 'personal' || !activity.from?.aadObjectId) return;
    const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<
      string,
      unknown
    >;
    await this.services.useCases.rememberPerson(
      activity.from.aadObjectId,
      { reference, userMri: activity.from.id, locale: activity.locale ?? null },
      { automatic: isAutomaticRefresh(activity) },
    );
  }
}

/** The turn as a command sees it; `args` holds the whole text, without the @mention of the bot in a channel. */
function inputOf(context: TurnContext, lang: Lang): CommandInput {
  const { activity } = context;
  // removeRecipientMention edits the activity it is given, so it gets a copy.
  const text = activity.text ? (TurnContext.removeRecipientMention({ ...activity }) ?? '') : '';
  return {
    lang,
    args: text.trim(),
    user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId, name: activity.from.name },
    conversation: {
      reference: TurnContext.getConversationReference(activity),
      isPersonal: activity.conversation?.conversationType === 'personal',
      locale: activity.locale ?? null,
    },
  };
}

/** An invoke the client got wrong: 400, with what was wrong, in the shape Bot Framework clients read. */
const badRequest = (message: string): InvokeResponse => ({
  status: 400,
  body: { code: 'BadRequest', message },
});
