import { ROLES } from '../../app/records/directory';
import type { PersonForm, PersonSummary } from '../../app/use-cases';
import { APPROVER_ROLES } from '../../domain/route';
import { roleWords } from '../../i18n/describe-directory-change';
import { t, type Lang } from '../../i18n';
import { escapeMarkdown } from '../markdown';
import type { PeopleView, PersonFormValues, PersonFormView } from '../views/people-card';
import { CARD_TEXT, firstJoined } from './card-budget';

type Notice = PeopleView['notice'];

/** A card lists this many people; more are counted, to be found by a narrower word. */
export const PEOPLE_LISTED = 15;

/** What a compact ChoiceSet sends for "nobody" / "none": a choice, since a chosen value cannot be cleared. */
export const NONE = '-';

const list = (items: string[], lang: Lang) => items.join(lang === 'zh-CN' ? '、' : ', ');

/** One person in a few lines: who, roles, unit, delegate and head, coverage, leave, open steps (Markdown-safe). */
export function personLines(p: PersonSummary, lang: Lang): string[] {
  const e = escapeMarkdown;
  const isApprover = p.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r));
  return [
    t(lang, 'bot.people.person', { name: e(p.name), email: e(p.email) }),
    t(lang, 'bot.people.roles', {
      roles: list(
        p.roles.map((r) => roleWords(r, lang)),
        lang,
      ),
    }),
    ...(p.unitName ? [t(lang, 'bot.people.unit', { unit: e(p.unitName) })] : []),
    ...(p.delegateName ? [t(lang, 'bot.people.delegate', { name: e(p.delegateName) })] : []),
    ...(p.headName ? [t(lang, 'bot.people.head', { name: e(p.headName) })] : []),
    ...(isApprover
      ? [
          p.covers.length > 0
            ? t(lang, 'bot.people.covers', { units: list(p.covers.map(e), lang) })
            : t(lang, 'bot.people.coversAll'),
        ]
      : []),
    ...p.away.map((a) => t(lang, 'bot.people.away', { firstDay: a.from, lastDay: a.to, standIn: e(a.standInName) })),
    ...(isApprover
      ? [
          p.openSteps.length > 0
            ? t(lang, 'bot.people.open', {
                count: p.openSteps.length,
                steps: firstJoined(
                  p.openSteps.map((s) => `${s.applicationId} ${t(lang, `step.${s.step}`)}`),
                  CARD_TEXT.openSteps,
                ),
              })
            : t(lang, 'bot.people.noOpen'),
        ]
      : []),
  ];
}

/** The people a lookup found, each with 修改, at most PEOPLE_LISTED of them; 添加人员 below. */
export function peopleView(found: PersonSummary[], query: string, lang: Lang, notice: Notice = null): PeopleView {
  const shown = found.slice(0, PEOPLE_LISTED);
  return {
    lang,
    title: query ? t(lang, 'bot.people.titleFor', { query }) : t(lang, 'bot.people.title'),
    notice,
    intro: [
      found.length === 0 && query
        ? t(lang, 'bot.people.none', { query })
        : t(lang, 'bot.people.count', { count: found.length }),
    ],
    people: shown.map((p) => ({ lines: personLines(p, lang), edit: { id: p.id } })),
    more: found.length > shown.length ? t(lang, 'bot.people.more', { count: found.length - shown.length }) : null,
    add: true,
  };
}

/** The inputs of a person card as the directory has the person (empty for someone new, or prefilled from a roster). */
export function storedValues(form: PersonForm, prefill: Partial<PersonFormValues> = {}): PersonFormValues {
  const p = form.person;
  return {
    aadObjectId: p?.aadObjectId ?? prefill.aadObjectId ?? '',
    name: p?.name ?? prefill.name ?? '',
    email: p?.email ?? prefill.email ?? '',
    roles: (p?.roles ?? []).join(','),
    unit: p?.unit ?? NONE,
    covers: (p?.covers ?? []).join(','),
    delegate: p?.delegate ?? NONE,
    head: p?.head ?? NONE,
    locale: p?.locale ?? NONE,
    reassignTo: '',
  };
}

/**
 * A person card: who they are (or the fields for someone new), their roles, unit, coverage, delegate,
 * head and language; when they hold open steps, who takes them; 保存, 移除此人… and 取消.
 */
export function personFormView(
  form: PersonForm,
  values: PersonFormValues,
  lang: Lang,
  notice: Notice = null,
): PersonFormView {
  const none = { title: t(lang, 'card.people.none'), value: NONE };
  const person = form.person;
  const name = person?.name ?? '';
  return {
    lang,
    title: person ? t(lang, 'bot.people.editTitle', { name }) : t(lang, 'bot.people.addTitle'),
    notice,
    intro: [
      ...(person ? [t(lang, 'bot.people.account', { value: person.aadObjectId })] : []),
      t(lang, 'bot.people.version', { version: form.baseVersion }),
    ],
    isNew: person === null,
    values,
    choices: {
      roles: ROLES.map((r) => ({ title: roleWords(r, lang), value: r })),
      unitOrNone: [none, ...form.units.map((u) => ({ title: u.name, value: u.id }))],
      units: form.units.map((u) => ({ title: u.name, value: u.id })),
      people: [none, ...form.people.map((p) => ({ title: p.name, value: p.id }))],
      locales: [
        { title: t(lang, 'card.people.localeDefault'), value: NONE },
        { title: '中文', value: 'zh-CN' },
        { title: 'English', value: 'en-US' },
      ],
      approvers: form.approvers.map((p) => ({ title: p.name, value: p.id })),
    },
    open:
      person && form.openSteps.length > 0
        ? {
            text: t(lang, 'bot.people.openSteps', {
              name,
              count: form.openSteps.length,
              steps: firstJoined(form.openSteps, CARD_TEXT.openSteps),
            }),
          }
        : null,
    save: person ? { baseVersion: form.baseVersion, id: person.aadObjectId } : { baseVersion: form.baseVersion },
    remove: person
      ? {
          text: t(lang, 'bot.people.removeWarning', { name }),
          data: { baseVersion: form.baseVersion, id: person.aadObjectId },
        }
      : null,
    cancel: {},
  };
}
