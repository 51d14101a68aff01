import type { Command } from '../command';
import { formCard } from '../form/form-card';
import { blankForm } from '../form/form-values';
import type { BotServices } from '../services';

/** `新建` / `new`: the application form, the unit preset from the directory, starting next month. */
export const newCommand = (services: BotServices): Command => ({
  names: ['new', '新建'],
  personalOnly: true,
  async handle({ lang, user }) {
    const form = await services.useCases.newForm(user.aadObjectId ?? '');
    return formCard(lang, blankForm(form.unit, form.startMonth), form.choices, { draftId: form.draftId });
  },
});
