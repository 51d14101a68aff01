import { addMonths, monthOf, shanghaiDate } from '../../domain/local-date';
import { personOf } from '../../app/common/people';
import type { Command } from '../command';
import { formCard } from '../form/form-card';
import { blankForm } from '../form/form-values';
import type { BotServices } from '../services';

/** `新建` / `new`: the application form, the unit preset from the directory, starting next month. */
export const newCommand = (services: BotServices): Command => ({
  names: ['new', '新建'],
  personalOnly: true,
  async handle({ lang, user }) {
    const { store, clock } = services.approval;
    const directory = await store.directory.get();
    const unit = (user.aadObjectId && directory && personOf(directory, user.aadObjectId)?.unit) || '';
    return formCard(services, lang, blankForm(unit, addMonths(monthOf(shanghaiDate(clock.now())), 1)));
  },
});
