import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import { resubmitApplication } from '../../app/approval/applicant-actions';
import { submit } from '../../app/approval/submit';
import { previewApplication } from '../../app/reference/preview-application';
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
  draftId: z.string().max(100).nullable().optional(),
}).passthrough();
type FormData = z.infer<typeof formData>;

/** Where the form came from, kept on every re-render of it: the returned application, and the draft's name. */
const keptOf = (data: FormData) => ({
  ...(data.mode === 'resubmit' && data.applicationId && data.revision ? { resubmit: { applicationId: data.applicationId, revision: data.revision } } : {}),
  draftId: data.draftId ?? null,
});

/**
 * Submissions in flight or just made, by draft: Teams resends an invoke and people tap twice, and
 * each would otherwise file a second application. Kept for ten minutes, in this process.
 */
const submissions = new Map<string, { at: number; result: Promise<Filing> }>();
const SUBMISSION_MEMORY_MS = 10 * 60_000;

interface Filing {
  card: Attachment;
  filed: boolean;
}

async function once(key: string | null, submitOnce: () => Promise<Filing>): Promise<Attachment> {
  if (!key) return (await submitOnce()).card;
  const now = Date.now();
  for (const [k, v] of submissions) if (now - v.at > SUBMISSION_MEMORY_MS) submissions.delete(k);
  const known = submissions.get(key);
  if (known) return (await known.result).card;
  const result = submitOnce();
  submissions.set(key, { at: now, result });
  // Only a filed application is remembered: a refused or failed submission may be fixed and tried again.
  result.then((r) => { if (!r.filed) submissions.delete(key); }, () => submissions.delete(key));
  return (await result).card;
}

/** Reads the form; when a field is wrong, the same form comes back with the problem next to it. */
async function readForm(data: FormData, ctx: ActionContext) {
  const values = formValuesFrom(data);
  const kept = keptOf(data);
  const parsed = applicationFromForm(values, ctx.user.aadObjectId, ctx.lang);
  if (!parsed.ok) return { ok: false as const, card: await formCard(ctx.services, ctx.lang, values, { errors: parsed.error, ...kept }) };
  return { ok: true as const, values, input: parsed.value, resubmit: kept.resubmit, kept };
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
      return formCard(ctx.services, ctx.lang, form.values, { generalErrors: [refusalText(ctx, preview.ok ? 'no_directory' : preview.error.code)], ...form.kept });
    }
    return formCard(ctx.services, ctx.lang, form.values, {
      outcome: outcomeView(preview.value, directory, ctx.lang),
      warnings: preview.value.warnings.map((w) => describeReason(w, ctx.lang)),
      ...form.kept,
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
    return once(form.kept.draftId && `${ctx.user.aadObjectId}:${form.kept.draftId}`, () => file(form, ctx));
  },
});

/** Files the application or its revision, and answers with its card or the form with every reason. */
async function file(form: Extract<Awaited<ReturnType<typeof readForm>>, { ok: true }>, ctx: ActionContext): Promise<Filing> {
  const refused = async (card: Promise<Attachment>): Promise<Filing> => ({ card: await card, filed: false });
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
    return { card: await cardForActor(ctx, result.value, banner, 'good'), filed: true };
  }
  const error = result.error;
  const keep = form.kept;
  if (error.code === 'blocked' || error.code === 'not_needed') {
    const directory = await deps.store.directory.get();
    const outcome = directory ? outcomeView({ assessment: error.assessment, catalogVersion: 0, policyVersion: 0, warnings: [] }, directory, ctx.lang) : undefined;
    return refused(formCard(ctx.services, ctx.lang, form.values, { ...(outcome ? { outcome } : {}), generalErrors: [t(ctx.lang, `form.notice.${error.code}`)], ...keep }));
  }
  if ('record' in error) return refused(cardForActor(ctx, error.record, refusalText(ctx, error.code, { id: error.record.id }, true), 'attention'));
  const params: Record<string, string> = error.code === 'no_approver' ? { role: error.role } : error.code === 'not_an_applicant' ? { unit: error.unit } : {};
  return refused(formCard(ctx.services, ctx.lang, form.values, { generalErrors: [refusalText(ctx, error.code, params)], ...keep }));
}
