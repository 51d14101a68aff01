import { z } from 'zod';
import { resubmitApplication } from '../../app/approval/applicant-actions';
import { submit } from '../../app/approval/submit';
import { previewApplication } from '../../app/preview-application';
import { shanghaiDate } from '../../domain/local-date';
import { describeReason } from '../../i18n/describe-reason';
import { t } from '../../i18n';
import { applicationFromForm } from '../form/application-from-form';
import { formCard } from '../form/form-card';
import { formValuesFrom } from '../form/form-values';
import { outcomeView } from '../present/form-view';
import { cardForActor, keepCopy, refusalText } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

/** The form's inputs plus where it came from: a new application, or the revision of a returned one. */
const formData = z.object({
  mode: z.enum(['new', 'resubmit']).default('new'),
  applicationId: z.string().nullable().optional(),
  revision: z.coerce.number().int().nullable().optional(),
}).passthrough();
type FormData = z.infer<typeof formData>;

const resubmitOf = (data: FormData) =>
  data.mode === 'resubmit' && data.applicationId && data.revision ? { applicationId: data.applicationId, revision: data.revision } : undefined;

/** Reads the form; when a field is wrong, the same form comes back with the problem next to it. */
async function readForm(data: FormData, ctx: ActionContext) {
  const values = formValuesFrom(data);
  const resubmit = resubmitOf(data);
  const parsed = applicationFromForm(values, ctx.user.aadObjectId, ctx.lang);
  if (!parsed.ok) return { ok: false as const, card: await formCard(ctx.services, ctx.lang, values, { errors: parsed.error, ...(resubmit ? { resubmit } : {}) }) };
  return { ok: true as const, values, input: parsed.value, resubmit };
}

/** `form.preview`: the outcome (economics, tier and reasons, route with named approvers) above the still-filled form. */
export const formPreview = cardAction({
  verb: 'form.preview',
  personalOnly: true,
  schema: formData,
  async handle(data, ctx) {
    const form = await readForm(data, ctx);
    if (!form.ok) return form.card;
    const { store, clock } = ctx.services.approval;
    const preview = await previewApplication(store, form.input, shanghaiDate(clock.now()));
    const directory = await store.directory.get();
    if (!preview.ok || !directory) {
      return formCard(ctx.services, ctx.lang, form.values, { generalErrors: [refusalText(ctx, preview.ok ? 'no_directory' : preview.error.code)], ...(form.resubmit ? { resubmit: form.resubmit } : {}) });
    }
    return formCard(ctx.services, ctx.lang, form.values, {
      outcome: outcomeView(preview.value, directory, ctx.lang),
      warnings: preview.value.warnings.map((w) => describeReason(w, ctx.lang)),
      ...(form.resubmit ? { resubmit: form.resubmit } : {}),
    });
  },
});

/**
 * `form.submit`: files the application (or the new revision of a returned one). Blocked or not
 * needed, the form comes back filled with every reason; filed, the card becomes the application's.
 */
export const formSubmit = cardAction({
  verb: 'form.submit',
  personalOnly: true,
  schema: formData,
  async handle(data, ctx) {
    const form = await readForm(data, ctx);
    if (!form.ok) return form.card;
    const deps = ctx.services.approval;
    const result = form.resubmit
      ? await resubmitApplication(deps, form.resubmit.applicationId, form.resubmit.revision, form.input, ctx.user.aadObjectId)
      : await submit(deps, form.input, ctx.user.aadObjectId);
    if (result.ok) {
      ctx.services.deliverSoon();
      await keepCopy(ctx, result.value.id);
      const banner = form.resubmit
        ? t(ctx.lang, 'bot.resubmitted', { id: result.value.id, revision: result.value.revision })
        : t(ctx.lang, 'bot.submitted', { id: result.value.id });
      return cardForActor(ctx, result.value, banner, 'good');
    }
    const error = result.error;
    const keep = form.resubmit ? { resubmit: form.resubmit } : {};
    if (error.code === 'blocked' || error.code === 'not_needed') {
      const directory = await deps.store.directory.get();
      const outcome = directory ? outcomeView({ assessment: error.assessment, catalogVersion: 0, policyVersion: 0, warnings: [] }, directory, ctx.lang) : undefined;
      return formCard(ctx.services, ctx.lang, form.values, { ...(outcome ? { outcome } : {}), generalErrors: [t(ctx.lang, `form.notice.${error.code}`)], ...keep });
    }
    if ('record' in error) return cardForActor(ctx, error.record, refusalText(ctx, error.code, { id: error.record.id }, true), 'attention');
    const params: Record<string, string> = error.code === 'no_approver' ? { role: error.role } : {};
    return formCard(ctx.services, ctx.lang, form.values, { generalErrors: [refusalText(ctx, error.code, params)], ...keep });
  },
});
