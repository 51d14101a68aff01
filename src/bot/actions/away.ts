import { z } from 'zod';
import { isLocalDate } from '../../domain/local-date';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import { escapeMarkdown } from '../markdown';
import { awayView, cancelledWords, recordedWords } from '../present/away-view';
import { awayCard } from '../views/away-card';
import { messageCard } from './application-actions-shared';
import { cardAction } from './card-action';

const day = z.string().trim().max(32).optional().default('');

/** `away.record` (登记休假): the dates and stand-in on the leave card; refused, the card again with why and the choices kept. */
export const awayRecord = cardAction({
  verb: 'away.record',
  sharedChat: 'refuse',
  schema: z.object({ from: day, to: day, standIn: z.string().trim().max(64).optional().default('') }),
  async handle(data, ctx) {
    const { lang } = ctx;
    const actor = ctx.user.aadObjectId;
    const { useCases } = ctx.services;
    const again = async (why: string) =>
      awayCard(awayView(await useCases.absenceForm(actor), lang, data, { text: why, tone: 'attention' }));
    if (!isLocalDate(data.from) || !isLocalDate(data.to)) return again(t(lang, 'card.away.dateError'));
    if (!data.standIn) return again(t(lang, 'card.away.standInError'));
    const recorded = await useCases.recordAbsence(actor, data);
    if (!recorded.ok) return again(describeRefusal(recorded.error, lang));
    ctx.services.deliverSoon();
    return messageCard(escapeMarkdown(recordedWords(recorded.value, lang)));
  },
});

/** `away.cancel` (取消当前休假): the current or next leave ends now. */
export const awayCancel = cardAction({
  verb: 'away.cancel',
  sharedChat: 'refuse',
  schema: z.object({}),
  async handle(_data, ctx) {
    const cancelled = await ctx.services.useCases.cancelAbsence(ctx.user.aadObjectId);
    return messageCard(
      escapeMarkdown(
        cancelled.ok ? cancelledWords(cancelled.value, ctx.lang) : describeRefusal(cancelled.error, ctx.lang),
      ),
    );
  },
});
