import { describeRefusal } from '../../i18n/describe-refusal';
import type { Command } from '../command';
import { peopleView } from '../present/people-view';
import type { BotServices } from '../services';
import { peopleCard } from '../views/people-card';

/**
 * `人员 [名字|邮箱|单位]` / `people [...]`: an admin looks people up, each with 修改, and may add
 * someone; anyone else is refused in words.
 */
export const peopleCommand = (services: BotServices): Command => ({
  names: ['people', '人员'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const found = await services.useCases.lookUpPeople(user.aadObjectId ?? '', args);
    if (!found.ok) return describeRefusal(found.error, lang);
    return peopleCard(peopleView(found.value, args.trim(), lang));
  },
});
