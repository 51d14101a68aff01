import { z } from 'zod';
import { ROLES, type Role } from '../../app/records/directory';
import type { Refusal } from '../../app/records/refusal';
import type { PersonEdit, PersonEdited, PersonFields, PersonForm } from '../../app/use-cases';
import { describeDirectoryChange } from '../../i18n/describe-directory-change';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t, type Lang } from '../../i18n';
import { escapeMarkdown } from '../markdown';
import { NONE, personFormView, peopleView, storedValues } from '../present/people-view';
import { peopleCard, personFormCard, type PersonFormValues } from '../views/people-card';
import { messageCard } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

/** Entra ID object ids, as Teams sends them with every activity. */
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = { name: 100, email: 200 } as const;

const id = z.string().trim().min(1).max(64);
const input = (max: number) => z.string().max(max).optional().default('');

/** What a person card sends back: the version it was opened on, whom (none: someone new), and its inputs as typed. */
const formData = z.object({
  baseVersion: z.coerce.number().int().min(0),
  id: id.optional(),
  aadObjectId: input(200),
  name: input(500),
  email: input(500),
  roles: input(1000),
  unit: input(64),
  covers: input(4000),
  delegate: input(64),
  head: input(64),
  locale: input(16),
  reassignTo: input(64),
});
type FormData = z.infer<typeof formData>;

const chosen = (value: string): string | null => {
  const v = value.trim();
  return v === '' || v === NONE ? null : v;
};
const many = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '' && v !== NONE);

/** The inputs as the card shows them again after a refusal: nothing the admin typed is lost. */
const typedValues = (data: FormData): PersonFormValues => ({
  aadObjectId: data.aadObjectId,
  name: data.name,
  email: data.email,
  roles: data.roles,
  unit: data.unit || NONE,
  covers: data.covers,
  delegate: data.delegate || NONE,
  head: data.head || NONE,
  locale: data.locale || NONE,
  reassignTo: data.reassignTo,
});

/** The person the card describes, or what is wrong with what was typed, field by field, in words. */
function readFields(data: FormData, isNew: boolean, lang: Lang): { fields: PersonFields; problems: string[] } {
  const problems: string[] = [];
  const problem = (field: string, key: string, params: Record<string, string | number> = {}) =>
    problems.push(
      t(lang, 'bot.people.problem', {
        field: t(lang, field as 'card.people.name'),
        problem: t(lang, key as 'bot.people.problem.required', params),
      }),
    );
  const name = data.name.trim();
  const email = data.email.trim();
  if (isNew && !OBJECT_ID.test(data.aadObjectId.trim()))
    problem('card.people.aadObjectId', 'bot.people.problem.bad_id');
  if (!name) problem('card.people.name', 'bot.people.problem.required');
  else if (name.length > LIMITS.name) problem('card.people.name', 'bot.people.problem.too_long', { max: LIMITS.name });
  if (!email) problem('card.people.email', 'bot.people.problem.required');
  else if (email.length > LIMITS.email || !z.string().email().safeParse(email).success)
    problem('card.people.email', 'bot.people.problem.bad_email');
  const roles = many(data.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length === 0) problem('card.people.roles', 'bot.people.problem.no_roles');
  const locale = chosen(data.locale);
  return {
    problems,
    fields: {
      name,
      email,
      roles,
      unit: chosen(data.unit),
      delegate: chosen(data.delegate),
      head: chosen(data.head),
      covers: many(data.covers),
      locale: locale === 'zh-CN' || locale === 'en-US' ? locale : null,
    },
  };
}

/** The person card again, as the admin left it, with why it was not saved on top. */
async function formAgain(ctx: ActionContext, data: FormData, text: string, fresh = false) {
  const opened = await ctx.services.useCases.openPersonForm(ctx.user.aadObjectId, data.id ?? null);
  if (!opened.ok) return messageCard(describeRefusal(opened.error, ctx.lang));
  // A card older than the directory is shown as the directory now is; otherwise as typed, on the version it was opened on.
  // Someone new has nothing stored to compare with, so what was typed stays.
  const form: PersonForm = fresh ? opened.value : { ...opened.value, baseVersion: data.baseVersion };
  const values = fresh && data.id !== undefined ? storedValues(opened.value) : typedValues(data);
  return personFormCard(personFormView(form, values, ctx.lang, { text, tone: 'attention' }));
}

/** What a refused edit answers: the card again with the refusal's words (fresh when the directory moved on). */
const refusedEdit = (ctx: ActionContext, data: FormData, refusal: Refusal) =>
  refusal.code === 'not_admin' || refusal.code === 'no_directory'
    ? messageCard(describeRefusal(refusal, ctx.lang))
    : formAgain(ctx, data, describeRefusal(refusal, ctx.lang), refusal.code === 'directory_changed');

/** The lines saying what a stored edit changed (but that the person left) and whose steps went where. */
function editedLines(edited: PersonEdited, lang: Lang): string[] {
  const byTaker = new Map<string, string[]>();
  for (const h of edited.handedOver) byTaker.set(h.to, [...(byTaker.get(h.to) ?? []), h.applicationId]);
  const nameOf = (who: string) => edited.version.people.find((p) => p.aadObjectId === who)?.name ?? who;
  return [
    ...edited.changes
      .filter((c) => c.change !== 'person_removed')
      .map((c) => describeDirectoryChange(c, edited.version, edited.previous, lang)),
    ...[...byTaker].map(([to, ids]) =>
      t(lang, 'bot.people.handedOver', { steps: [...new Set(ids)].join(', '), who: nameOf(to) }),
    ),
  ];
}

/** `people.edit` (修改 / 添加人员 / 为…设定角色): the person card, filled from the directory or the team's roster. */
export const peopleEdit = cardAction({
  verb: 'people.edit',
  sharedChat: 'refuse',
  schema: z.object({
    id: id.optional(),
    aadObjectId: z.string().trim().max(64).optional(),
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().max(200).optional(),
  }),
  async handle(data, ctx) {
    const opened = await ctx.services.useCases.openPersonForm(ctx.user.aadObjectId, data.id ?? null);
    if (!opened.ok) return messageCard(describeRefusal(opened.error, ctx.lang));
    const prefill = { aadObjectId: data.aadObjectId ?? '', name: data.name ?? '', email: data.email ?? '' };
    return personFormCard(personFormView(opened.value, storedValues(opened.value, prefill), ctx.lang));
  },
});

/** `people.save` (保存): the person as the card has them becomes a new directory version, or the card says why not. */
export const peopleSave = cardAction({
  verb: 'people.save',
  sharedChat: 'refuse',
  schema: formData,
  async handle(data, ctx) {
    const { lang } = ctx;
    const isNew = data.id === undefined;
    const { fields, problems } = readFields(data, isNew, lang);
    if (problems.length > 0)
      return formAgain(
        ctx,
        data,
        t(lang, 'bot.people.fix', { problems: problems.join(lang === 'zh-CN' ? ';' : '; ') }),
      );
    const edit: PersonEdit = isNew
      ? { act: 'add', aadObjectId: data.aadObjectId.trim().toLowerCase(), fields }
      : { act: 'change', id: data.id ?? '', fields, reassignTo: chosen(data.reassignTo) };
    const { useCases } = ctx.services;
    const edited = await useCases.editPerson(ctx.user.aadObjectId, data.baseVersion, edit);
    if (!edited.ok) return refusedEdit(ctx, data, edited.error);
    if (edited.value.handedOver.length > 0) ctx.services.deliverSoon();
    const unchanged = edited.value.changes.length === 0;
    const found = await useCases.lookUpPeople(ctx.user.aadObjectId, edited.value.person);
    const notice = {
      text: unchanged
        ? t(lang, 'bot.people.unchanged')
        : [
            t(lang, 'bot.people.saved', { version: edited.value.version.version }),
            ...editedLines(edited.value, lang),
          ].join('\n\n'),
      tone: unchanged ? ('default' as const) : ('good' as const),
    };
    return peopleCard(peopleView(found.ok ? found.value : [], '', lang, notice));
  },
});

/** `people.remove` (确认移除): the person leaves the directory, their open steps going to whom the card names. */
export const peopleRemove = cardAction({
  verb: 'people.remove',
  sharedChat: 'refuse',
  schema: formData.extend({ id }),
  async handle(data, ctx) {
    const { lang } = ctx;
    const edit: PersonEdit = { act: 'remove', id: data.id, reassignTo: chosen(data.reassignTo) };
    const edited = await ctx.services.useCases.editPerson(ctx.user.aadObjectId, data.baseVersion, edit);
    if (!edited.ok) return refusedEdit(ctx, data, edited.error);
    if (edited.value.handedOver.length > 0) ctx.services.deliverSoon();
    const removed = t(lang, 'bot.people.removed', { name: edited.value.name, version: edited.value.version.version });
    return messageCard([removed, ...editedLines(edited.value, lang)].map(escapeMarkdown).join('\n\n'));
  },
});

/** `people.cancel` (取消): nothing changes, and the card says so. */
export const peopleCancel = cardAction({
  verb: 'people.cancel',
  sharedChat: 'refuse',
  schema: z.object({}),
  handle: async (_data, ctx) => messageCard(t(ctx.lang, 'bot.people.cancelled')),
});
