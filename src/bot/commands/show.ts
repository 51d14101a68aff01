import { findPlanNumber } from '../../domain/plan-number';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import type { Command } from '../command';
import { renderApplication } from '../present/render';
import type { BotServices } from '../services';

/** `查看 PP-…` / `show PP-…`: one application with its history, for those allowed to see it (audited). */
export const showCommand = (services: BotServices): Command => ({
  names: ['show', '查看'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const id = findPlanNumber(args);
    if (!id || !user.aadObjectId) return t(lang, 'bot.show.usage');
    const viewed = await services.useCases.view(id, user.aadObjectId);
    if (!viewed.ok) return describeRefusal(viewed.error, lang);
    // Plans are confidential (SPEC §7): someone not on it is told so, not shown its status.
    if (!viewed.value.detailed) return describeRefusal({ code: 'not_allowed', id }, lang);
    return renderApplication(viewed.value, lang);
  },
});
