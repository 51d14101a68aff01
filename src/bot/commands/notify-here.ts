import type { ChannelTarget } from '../../app/use-cases';
import { describeRefusal } from '../../i18n/describe-refusal';
import { DEFAULT_LANG, namedLanguage, t, type Lang } from '../../i18n';
import type { Command, CommandInput } from '../command';
import type { BotServices } from '../services';

const targetOf = (word: string): ChannelTarget | null => {
  if (!word) return null;
  if (word === 'ops' || word === 'support' || word === 'auditors') return { kind: word };
  return { kind: 'unit', unit: word.replace(/^unit:/, '') };
};

/**
 * The channel's own reference: Teams names the thread of the command's post (`…;messageid=…`), and
 * notices sent there would be replies under it; without it they are new posts in the channel.
 */
function channelReference(reference: CommandInput['conversation']['reference']): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(reference)) as Record<string, unknown> & { conversation?: { id?: string } };
  if (copy.conversation?.id) copy.conversation.id = copy.conversation.id.replace(/;messageid=\d+$/, '');
  return copy;
}

/**
 * `设为通知频道 <unit|ops|support|auditors> [zh-CN|en-US]` / `notify-here …`: an admin makes this
 * channel the place for those notices. A channel is read by a team, not by the admin who bound it:
 * its notices are in the organization's language (zh-CN) unless the binding names another, and the
 * confirmation says which, and how to change it.
 */
export const notifyHereCommand = (services: BotServices): Command => ({
  names: ['notify-here', '设为通知频道'],
  async handle({ lang, user, args, conversation }) {
    if (conversation.isPersonal) return t(lang, 'bot.channel.notChannel');
    const [word = '', languageWord] = args.trim().split(/\s+/);
    const target = targetOf(word);
    if (!target) return t(lang, 'bot.channel.usage');
    const language: Lang | null = languageWord ? namedLanguage(languageWord) : DEFAULT_LANG;
    if (!language) return t(lang, 'bot.channel.badLanguage', { given: languageWord ?? '' });
    const bound = await services.useCases.bindChannel(user.aadObjectId ?? '', target, {
      reference: channelReference(conversation.reference),
      userMri: null,
      locale: language,
    });
    if (!bound.ok) return describeRefusal(bound.error, lang);
    const other: Lang = language === 'zh-CN' ? 'en-US' : 'zh-CN';
    return [
      t(lang, 'bot.channel.bound', {
        target: bound.value.unitName ?? bound.value.target,
        language: t(lang, `lang.${language}`),
      }),
      t(lang, 'bot.channel.languageHint', { other: t(lang, `lang.${other}`), word, otherTag: other }),
    ].join('\n\n');
  },
});
