import type { Attachment } from 'botbuilder';
import { renderCard } from '../cards';
import { escapeStrings } from './card-data';
import { labelTree } from './labels';
import type { ChannelNoticeView } from './view-models';

/**
 * A notice for a team channel (`cards/channel-notice.json`): headline, plan number, unit, status and
 * deadline only. SPEC §7 keeps figures out of channels, so this card has no place for any.
 */
export function channelNoticeCard(view: ChannelNoticeView): Attachment {
  const { lang, ...display } = view;
  return renderCard('channel-notice', { ...labelTree(lang), ...escapeStrings(display) });
}
