import { MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ApplicationRecord } from '../app/application-record';
import type { Messenger } from '../app/approval/deliver-outbox';
import type { StoredConversation } from '../app/ports/store';
import { zhCN } from '../i18n/zh-CN';
import { languageFor, t, type Lang, type StringKey } from '../i18n';
import { renderApplicationFor } from './present/render';
import type { BotServices } from './services';

const isStringKey = (key: string): key is StringKey => key in zhCN;

/** Words for an outbox notice: a step id among its params is shown by its name. */
function noticeText(lang: Lang, key: string, params: Record<string, string | number>): string {
  if (!isStringKey(key)) throw new Error(`outbox notice has no string "${key}"`);
  const step = params.step;
  return t(lang, key, typeof step === 'string' ? { ...params, stepName: t(lang, `step.${step as 'ops_review'}`) } : params);
}

/**
 * Writes into Teams proactively through the Bot Framework connector: a new card, an update of a
 * posted copy (every copy of a decided card changes), or a short notice, in the conversation's language.
 */
export function teamsMessenger(adapter: CloudAdapter, appId: string, services: BotServices): Messenger {
  const inConversation = async (to: StoredConversation, work: Parameters<CloudAdapter['continueConversationAsync']>[2]) =>
    adapter.continueConversationAsync(appId, to.reference as Partial<ConversationReference>, work);
  const langOf = (to: StoredConversation) => languageFor(to.locale);
  return {
    async postCard(to, record: ApplicationRecord, viewer) {
      const card = await renderApplicationFor(services, record, viewer, langOf(to));
      let id = '';
      await inConversation(to, async (context) => {
        id = (await context.sendActivity(MessageFactory.attachment(card)))?.id ?? '';
      });
      if (!id) throw new Error(`the connector returned no activity id for ${record.id}`);
      return id;
    },
    async updateCard(to, activityId, record, viewer) {
      const card = await renderApplicationFor(services, record, viewer, langOf(to));
      await inConversation(to, async (context) => {
        await context.updateActivity({ ...MessageFactory.attachment(card), id: activityId });
      });
    },
    async postText(to, key, params) {
      const text = noticeText(langOf(to), key, params);
      await inConversation(to, async (context) => {
        await context.sendActivity(MessageFactory.text(text));
      });
    },
  };
}
