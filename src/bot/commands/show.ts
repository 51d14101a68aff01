import { viewApplication } from '../../app/approval/queries';
import { t } from '../../i18n';
import type { Command } from '../command';
import { renderApplicationFor } from '../present/render';
import type { BotServices } from '../services';

/** `查看 PP-…` / `show PP-…`: one application with its history, for those allowed to see it (audited). */
export const showCommand = (services: BotServices): Command => ({
  names: ['show', '查看'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const id = /PP-\d{4}-\d{6}/i.exec(args)?.[0]?.toUpperCase();
    if (!id || !user.aadObjectId) return t(lang, 'bot.show.usage');
    const viewed = await viewApplication(services.approval, id, user.aadObjectId);
    if (!viewed.ok) return t(lang, viewed.error.code === 'not_allowed' ? 'refusal.not_allowed' : viewed.error.code === 'not_found' ? 'refusal.not_found' : 'refusal.no_directory', { id });
    return renderApplicationFor(services, viewed.value, user.aadObjectId, lang);
  },
});
