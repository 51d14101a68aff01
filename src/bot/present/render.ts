import type { Attachment } from 'botbuilder';
import type { CardModel } from '../../app/use-cases';
import { t, type Lang, type StringKey } from '../../i18n';
import { applicationCard } from '../views/application-card';
import { channelNoticeCard } from '../views/channel-notice-card';
import type { ApplicationView } from '../views/view-models';
import { applicationView, channelNoticeView } from './application-view';
import type { EndTyped } from './plan-life-view';

/** What the viewer last did to the application, in the words of the answer they got when they did it. */
function lastOwnAction(model: CardModel, lang: Lang): ApplicationView['banner'] | undefined {
  const last = model.record.history.at(-1);
  if (!last || !model.viewer || last.actor !== model.viewer.id) return undefined;
  const verb = last.action.includes('.') ? last.action.split('.')[1] : last.action;
  const keys: Record<string, StringKey> = {
    approve: 'bot.decided.approve',
    reject: 'bot.decided.reject',
    return: 'bot.decided.return',
    escalate: 'bot.decided.escalate',
    withdrawn: 'bot.withdrawn',
    fulfilled: 'bot.fulfilled',
    submitted: 'bot.submitted',
    resubmitted: 'bot.resubmitted',
    ended_early: 'bot.ended',
    asked: 'bot.asked',
    answered: 'bot.answered',
  };
  const key = verb ? keys[verb] : undefined;
  const params = { id: model.record.id, revision: last.revision, lastDay: model.record.endsEarly?.lastDay ?? '' };
  return key ? { text: t(lang, key, params), tone: 'good' } : undefined;
}

/** Cards rendered from a model as it is (no banner, nothing typed), by language; gone with the model. */
const renderedOf = new WeakMap<CardModel, Partial<Record<Lang, Attachment>>>();

/** Freezes a rendered card all through, so the one kept can be given to every turn and none can change it. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/**
 * The card of an application as its model shows it to one viewer: the full card with the viewer's
 * actions for those allowed to see the figures; the channel notice (number, unit, status, deadline) for anyone else.
 * A model given again (a view kept by the use case) is rendered once per language.
 */
export function renderApplication(
  model: CardModel,
  lang: Lang,
  banner?: ApplicationView['banner'],
  typed?: EndTyped,
): Attachment {
  if (banner !== undefined || typed !== undefined) return renderAnew(model, lang, banner, typed);
  let byLang = renderedOf.get(model);
  if (!byLang) renderedOf.set(model, (byLang = {}));
  return (byLang[lang] ??= frozen(renderAnew(model, lang)));
}

function renderAnew(model: CardModel, lang: Lang, banner?: ApplicationView['banner'], typed?: EndTyped): Attachment {
  if (!model.detailed) {
    return channelNoticeCard(
      channelNoticeView(model, lang, banner?.text ?? t(lang, 'channel.headline', { id: model.record.id })),
    );
  }
  // A copy refreshed after the viewer's own action keeps saying what they did, so the confirmation does not flash away.
  const shown = banner ?? lastOwnAction(model, lang);
  return applicationCard(applicationView(model, lang, shown, typed));
}
