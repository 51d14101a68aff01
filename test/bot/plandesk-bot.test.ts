import { TestAdapter, type Activity, type Attachment } from 'botbuilder';
import type { Command } from '../../src/bot/command';
import { helpCommand } from '../../src/bot/commands/help';
import { createJsonLog } from '../../src/log';
import { PlanDeskBot } from '../../src/bot/plandesk-bot';
import { turnErrorHandler } from '../../src/bot/turn-error';
import { t } from '../../src/i18n';

const BOT = { id: '28:plandesk', name: 'PlanDesk' };
const USER = { id: '29:user-1', name: 'Li Lei', aadObjectId: 'aad-user-1' };
const CONVERSATION = { id: 'a:1:personal-chat', conversationType: 'personal', isGroup: false, name: '' };

/** A Teams activity; TestAdapter fills only what is missing (and its default locale is en-us, so tests set it). */
const teams = (fields: Partial<Activity>): Partial<Activity> => ({
  channelId: 'msteams',
  from: USER,
  recipient: BOT,
  conversation: CONVERSATION,
  ...fields,
});

/** Runs one activity through the real bot and returns what it sent back. */
async function replies(activity: Partial<Activity>, bot = new PlanDeskBot()): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter((context) => bot.run(context));
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0);
}

const cardOf = (reply: Partial<Activity> | undefined): Attachment | undefined => reply?.attachments?.[0];
const titleOf = (reply: Partial<Activity> | undefined): unknown =>
  (cardOf(reply)?.content as { body: { text: string }[] }).body[0]?.text;

describe('PlanDeskBot', () => {
  it('should answer any message with the help card in Chinese when the locale is not English', async () => {
    const sent = await replies(teams({ type: 'message', text: 'hello', locale: 'zh-CN' }));

    expect(sent).toHaveLength(1);
    expect(cardOf(sent[0])?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(titleOf(sent[0])).toBe(t('zh-CN', 'help.title'));
  });

  it('should speak Chinese when the activity carries no locale at all', async () => {
    const sent = await replies(teams({ type: 'message', text: 'hello', locale: undefined }));

    expect(titleOf(sent[0])).toBe(t('zh-CN', 'help.title'));
  });

  it('should answer in English when the locale is en-US', async () => {
    const sent = await replies(teams({ type: 'message', text: 'help', locale: 'en-US' }));

    expect(titleOf(sent[0])).toBe(t('en-US', 'help.title'));
  });

  it('should list every command of the help text in the card', async () => {
    const sent = await replies(teams({ type: 'message', text: '帮助', locale: 'zh-CN' }));
    const texts = JSON.stringify(cardOf(sent[0])?.content);

    for (const key of [
      'help.intro',
      'help.commands',
      'help.cmd.new',
      'help.cmd.mine',
      'help.cmd.pending',
      'help.cmd.show',
      'help.cmd.help',
      'help.footer',
    ] as const) {
      expect(texts).toContain(t('zh-CN', key));
    }
    expect(texts).not.toContain('${');
  });

  it('should send the help card when it is installed, i.e. added to a conversation', async () => {
    const sent = await replies(teams({ type: 'conversationUpdate', membersAdded: [BOT], locale: 'zh-CN' }));

    expect(sent).toHaveLength(1);
    expect(titleOf(sent[0])).toBe(t('zh-CN', 'help.title'));
  });

  it('should stay quiet when someone other than the bot joins a conversation', async () => {
    const sent = await replies(
      teams({ type: 'conversationUpdate', membersAdded: [{ id: '29:user-2', name: 'Han Meimei' }] }),
    );

    expect(sent).toEqual([]);
  });

  it('should hand a command the words after its name, without the @mention of the bot', async () => {
    const seen: string[] = [];
    const show: Command = {
      names: ['show', '查看'],
      handle: async (input) => {
        seen.push(`${input.lang}:${input.args}`);
        return helpCommand.handle(input);
      },
    };
    const mention = { type: 'mention', text: '<at>PlanDesk</at>', mentioned: BOT };

    await replies(
      teams({ type: 'message', text: '<at>PlanDesk</at> show  PP-2027-000123', entities: [mention], locale: 'en-US' }),
      new PlanDeskBot({ commands: [show] }),
    );

    expect(seen).toEqual(['en-US:PP-2027-000123']);
  });
});

describe('turnErrorHandler', () => {
  it('should log a failed turn with its code and stack, and tell the user only a short apology in their language', async () => {
    const lines: string[] = [];
    const adapter = new TestAdapter(async () => {
      throw new Error('database is locked');
    });
    adapter.onTurnError = turnErrorHandler(createJsonLog('info', (line) => lines.push(line)));

    await adapter.processActivity(teams({ type: 'message', id: 'msg-9', text: 'hi', locale: 'en-US' }));
    const [reply] = adapter.activeQueue.splice(0);

    expect(reply?.text).toMatch(/^Sorry, something went wrong/);
    expect(reply?.text).toContain('msg-9');
    expect(reply?.text).not.toContain('database is locked');
    const logged = JSON.parse(lines[0] ?? '{}') as { code?: string; ref?: string; error?: { stack?: string } };
    expect(logged).toMatchObject({ code: 'turn_failed', ref: 'msg-9' });
    expect(logged.error?.stack).toContain('database is locked');
  });

  it('should apologise in Chinese by default', async () => {
    const adapter = new TestAdapter(async () => {
      throw new Error('boom');
    });
    adapter.onTurnError = turnErrorHandler(createJsonLog('silent'));

    await adapter.processActivity(teams({ type: 'message', text: 'hi', locale: 'zh-CN' }));

    expect(adapter.activeQueue[0]?.text).toMatch(/^抱歉/);
  });
});
