import { bindChannel, type ChannelTarget } from '../../app/approval/conversations';
import { t } from '../../i18n';
import type { Command } from '../command';
import type { BotServices } from '../services';

const targetOf = (word: string): ChannelTarget | null => {
  if (!word) return null;
  if (word === 'ops' || word === 'support' || word === 'auditors') return { kind: word };
  return { kind: 'unit', unit: word.replace(/^unit:/, '') };
};

/** `设为通知频道 <unit|ops|support|auditors>` / `notify-here …`: an admin makes this channel the place for those notices. */
export const notifyHereCommand = (services: BotServices): Command => ({
  names: ['notify-here', '设为通知频道'],
  async handle({ lang, user, args, conversation }) {
    if (conversation.isPersonal) return t(lang, 'bot.channel.notChannel');
    const target = targetOf(args.trim().split(/\s+/)[0] ?? '');
    if (!target) return t(lang, 'bot.channel.usage');
    const bound = await bindChannel(services.approval, user.aadObjectId ?? '', target, {
      reference: JSON.parse(JSON.stringify(conversation.reference)) as Record<string, unknown>, userMri: null, locale: conversation.locale,
    });
    if (bound.ok) return t(lang, 'bot.channel.bound', { target: bound.value });
    return bound.error.code === 'not_admin' ? t(lang, 'bot.channel.notAdmin') : t(lang, 'bot.channel.unknownUnit', { unit: bound.error.unit });
  },
});
