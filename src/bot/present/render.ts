import type { Attachment } from 'botbuilder';
import type { ApplicationRecord } from '../../app/application-record';
import { personKey } from '../../app/approval/conversations';
import { actorOf } from '../../app/people';
import { maySee } from '../../app/approval/queries';
import { t, type Lang } from '../../i18n';
import type { BotServices } from '../services';
import { applicationCard } from '../views/application-card';
import { channelNoticeCard } from '../views/channel-notice-card';
import type { ApplicationView } from '../views/view-models';
import { applicationView, channelNoticeView } from './application-view';

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
  return applicationCard(applicationView(record, actor, { lang, directory, catalog, ...(banner ? { banner } : {}), mriOf: (id) => mris.get(id) ?? null }));
}
