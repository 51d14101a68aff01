import type { PersonSummary } from '../../app/use-cases';
import { APPROVER_ROLES } from '../../domain/route';
import { describeRefusal } from '../../i18n/describe-refusal';
import { isStringKey, t, type Lang } from '../../i18n';
import { escapeMarkdown } from '../markdown';
import type { Command } from '../command';
import type { BotServices } from '../services';

const roleName = (role: string, lang: Lang): string => {
  const key = `role.${role}`;
  return isStringKey(key) ? t(lang, key) : role;
};

/** One person in a few lines: who, roles, unit, delegate and head, coverage, leave, open steps. */
function personLines(p: PersonSummary, lang: Lang): string {
  const e = escapeMarkdown;
  const isApprover = p.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r));
  const lines = [
    t(lang, 'bot.people.person', { name: e(p.name), email: e(p.email) }),
    t(lang, 'bot.people.roles', { roles: p.roles.map((r) => roleName(r, lang)).join(lang === 'zh-CN' ? '、' : ', ') }),
    ...(p.unitName ? [t(lang, 'bot.people.unit', { unit: e(p.unitName) })] : []),
    ...(p.delegateName ? [t(lang, 'bot.people.delegate', { name: e(p.delegateName) })] : []),
    ...(p.headName ? [t(lang, 'bot.people.head', { name: e(p.headName) })] : []),
    ...(isApprover
      ? [
          p.covers.length > 0
            ? t(lang, 'bot.people.covers', { units: p.covers.map(e).join(lang === 'zh-CN' ? '、' : ', ') })
            : t(lang, 'bot.people.coversAll'),
        ]
      : []),
    ...p.away.map((a) => t(lang, 'bot.people.away', { firstDay: a.from, lastDay: a.to, standIn: e(a.standInName) })),
    ...(isApprover
      ? [
          p.openSteps.length > 0
            ? t(lang, 'bot.people.open', {
                count: p.openSteps.length,
                steps: p.openSteps.map((s) => `${s.applicationId} ${t(lang, `step.${s.step}`)}`).join(', '),
              })
            : t(lang, 'bot.people.noOpen'),
        ]
      : []),
  ];
  return lines.join('\n\n');
}

/** `人员 [名字|邮箱|单位]` / `people [...]`: an admin looks people up; anyone else is refused in words. */
export const peopleCommand = (services: BotServices): Command => ({
  names: ['people', '人员'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const found = await services.useCases.lookUpPeople(user.aadObjectId ?? '', args);
    if (!found.ok) return describeRefusal(found.error, lang);
    if (found.value.length === 0) return t(lang, 'bot.people.none', { query: args.trim() });
    return found.value.map((p) => personLines(p, lang)).join('\n\n---\n\n');
  },
});
