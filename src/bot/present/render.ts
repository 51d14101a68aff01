import type { Attachment } from 'botbuilder';
import type { ApplicationRecord } from '../../app/records/application-record';
import { personKey } from '../../app/ports/conversation-keys';
import { actorOf } from '../../app/common/people';
import { maySee } from '../../app/approval/queries';
import { t, type Lang, type StringKey } from '../../i18n';
import type { BotServices } from '../services';
import { applicationCard } from '../views/application-card';
import { channelNoticeCard } from '../views/channel-notice-card';
import type { ApplicationView } from '../views/view-models';
import { applicationView, channelNoticeView } from './application-view';

/** What the viewer last did to the application, in the words of the answer they got when they did it. */
function lastOwnAction(record: ApplicationRecord, viewer: string, lang: Lang): ApplicationView['banner'] | undefined {
  const last = record.history.at(-1);
  if (!last || last.actor !== viewer) return undefined;
  const verb = last.action.includes('.') ? last.action.split('.')[1] : last.action;
  const keys: Record<string, StringKey> = {
    approve: 'bot.decided.approve', reject: 'bot.decided.reject', return: 'bot.decided.return', escalate: 'bot.decided.escalate',
    withdrawn: 'bot.withdrawn', fulfilled: 'bot.fulfilled', submitted: 'bot.submitted',
  };
  const key = verb ? keys[verb] : undefined;
  return key ? { text: t(lang, key, { id: record.id }), tone: 'good' } : undefined;
}

/**
 * The card of an application for one viewer: the full card with the viewer's actions for those
 * allowed to see the figures; the channel notice (number, unit, status, deadline) for anyone else.
 */
export async function renderApplicationFor(
  services: BotServices, record: ApplicationRecord, viewer: string | null, lang: Lang, banner?: ApplicationView['banner'],
): Promise<Attachment> {
  const { store } = services.approval;
  const directory = await store.directory.get();
  if (!directory) throw new Error('no directory loaded');
  const actor = viewer ? actorOf(directory, viewer) : null;
  if (!actor || !maySee(record, actor)) {
    return channelNoticeCard(channelNoticeView(record, directory, lang, banner?.text ?? t(lang, 'channel.headline', { id: record.id })));
  }
  const catalog = await store.catalogs.get(record.catalogVersion);
  const mris = new Map<string, string | null>();
  for (const s of record.steps) {
    for (const id of [s.assignee, s.delegate]) if (id && !mris.has(id)) mris.set(id, (await store.conversations.get(personKey(id)))?.userMri ?? null);
  }
  // A copy refreshed after the viewer's own action keeps saying what they did, so the confirmation does not flash away.
  const shown = banner ?? lastOwnAction(record, actor.id, lang);
  return applicationCard(applicationView(record, actor, { lang, directory, catalog, ...(shown ? { banner: shown } : {}), mriOf: (id) => mris.get(id) ?? null }));
}
