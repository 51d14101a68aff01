import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import { describeReason } from '../../i18n/describe-reason';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import { applicationFromForm } from '../form/application-from-form';
import { formCard } from '../form/form-card';
import { formValuesFrom } from '../form/form-values';
import { outcomeView } from '../present/form-view';
import { cardForActor, keepCopy } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

/** The form's inputs plus where it came from: a new application, or the revision of a returned one, and the draft it is. */
const formFields = z
  .object({
    mode: z.enum(['new', 'resubmit']).default('new'),
    applicationId: z.string().nullable().optional(),
    revision: z.coerce.number().int().nullable().optional(),
    draftId: z.string().min(1).max(100).nullable().optional(),
  })
  .passthrough();

/**
 * A card's inputs are text (a toggle "true"/"false"); a list or an object is a forged request, refused
 * (400 naming the field) rather than filed as a customer named "[object Object]".
 */
const onlyText = (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const [key, value] of Object.entries(data))
    if (value !== null && typeof value === 'object')
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'must be text, not a list or an object' });
};
const formData = formFields.superRefine(onlyText);
type FormData = z.infer<typeof formData>;

/**
 * A submit names the filling of the form it comes from, so that a second tap, or Teams resending the
 * invoke, finds the application already filed (on any instance) instead of filing another.
 */
const submitData = formFields.extend({ draftId: z.string().min(1).max(100) }).superRefine(onlyText);

/** Where the form came from, kept on every re-render of it: the returned application. */
const resubmitOf = (data: FormData) =>
  data.mode === 'resubmit' && data.applicationId && data.revision
    ? { resubmit: { applicationId: data.applicationId, revision: data.revision } }
    : {};

/** Reads the form; when a field is wrong, the same form comes back with the problem next to it. */
async function readForm(data: FormData, ctx: ActionContext) {
  const values = formValuesFrom(data);
  const { choices, draftId } = await ctx.services.useCases.formChoices(data.draftId ?? null);
  const again = (extra: Omit<Parameters<typeof formCard>[3], 'draftId'>): Attachment =>
    formCard(ctx.lang, values, choices, { draftId, ...resubmitOf(data), ...extra });
  const parsed = applicationFromForm(values, ctx.user.aadObjectId, ctx.lang);
  if (!parsed.ok) return { ok: false as const, card: again({ errors: parsed.error }) };
  return { ok: true as const, input: parsed.value, draftId, again, ...resubmitOf(data) };
}

/** `form.preview`: the outcome (economics, tier and reasons, route with named approvers) above the still-filled form. */
export const formPreview = cardAction({
  verb: 'form.preview',
  sharedChat: 'refuse',
  schema: formData,
  async handle(data, ctx) {
    const form = await readForm(data, ctx);
    if (!form.ok) return form.card;
    const preview = await ctx.services.useCases.preview(
      form.input,
      ctx.user.aadObjectId,
      form.resubmit?.applicationId ?? null,
    );
    if (!preview.ok) return form.again({ generalErrors: [describeRefusal(preview.error, ctx.lang)] });
    return form.again({
      outcome: outcomeView(preview.value, ctx.lang),
      warnings: preview.value.warnings.map((w) => describeReason(w, ctx.lang)),
    });
  },
});

/**
 * `form.submit`: files the application (or the new revision of a returned one). Blocked or not
 * needed, the form comes back filled with every reason; filed, the card becomes the application's.
 */
export const formSubmit = cardAction({
  verb: 'form.submit',
  sharedChat: 'refuse',
  schema: submitData,
  async handle(data, ctx) {
    const form = await readForm(data, ctx);
    if (!form.ok) return form.card;
    const { useCases } = ctx.services;
    const actor = ctx.user.aadObjectId;
    const filed = form.resubmit
      ? await useCases.resubmit(form.resubmit.applicationId, form.resubmit.revision, form.input, actor)
      : await useCases.submit({ input: form.input, actor, draftId: form.draftId });
    if (filed.ok) {
      ctx.services.deliverSoon();
      await keepCopy(ctx, filed.value.record.id);
      const { record } = filed.value;
      const banner = form.resubmit
        ? t(ctx.lang, 'bot.resubmitted', { id: record.id, revision: record.revision })
        : t(ctx.lang, 'bot.submitted', { id: record.id });
      return cardForActor(ctx, filed.value, banner, 'good');
    }
    const error = filed.error;
    if ('preview' in error) {
      return form.again({
        outcome: outcomeView(error.preview, ctx.lang),
        generalErrors: [t(ctx.lang, `form.notice.${error.code}`)],
      });
    }
    const words = describeRefusal(error.refusal, ctx.lang);
    return error.card ? cardForActor(ctx, error.card, words, 'attention') : form.again({ generalErrors: [words] });
  },
});
