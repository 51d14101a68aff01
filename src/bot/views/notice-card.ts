import { MessageFactory, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { NoticeKey } from '../../app/ports/notice-keys';
import { t, type Lang } from '../../i18n';
import { renderCard } from '../cards';
import { escapeMarkdown } from '../markdown';
import { noticeText } from '../present/notice-text';

/** The people an unknown-members notice offers a person card for, as the roster named them. */
const offeredMembers = z.array(
  z.object({ aadObjectId: z.string().max(64), name: z.string().max(200), email: z.string().max(200).optional() }),
);

/** The buttons a notice offers (`cards/notice.json`): for people a team has and the directory not, 为…设定角色 (`people.edit`, prefilled). */
function offersOf(lang: Lang, key: NoticeKey, params: Record<string, string | number>) {
  if (key !== 'notice.unknown_members' || typeof params.members !== 'string') return [];
  let members: unknown;
  try {
    members = JSON.parse(params.members);
  } catch {
    return [];
  }
  const parsed = offeredMembers.safeParse(members);
  if (!parsed.success) return [];
  return parsed.data.map((m) => ({
    title: t(lang, 'bot.people.giveRoles', { name: m.name || m.aadObjectId }),
    data: m,
  }));
}

/** A notice as Teams gets it: words, or a card with its buttons when the notice offers some. */
export function noticeActivity(
  lang: Lang,
  key: NoticeKey,
  params: Record<string, string | number>,
  now: Date,
): Partial<Activity> {
  const text = noticeText(lang, key, params, now);
  const offers = offersOf(lang, key, params);
  if (offers.length === 0) return MessageFactory.text(text);
  return MessageFactory.attachment(renderCard('notice', { text: escapeMarkdown(text), offers }));
}
