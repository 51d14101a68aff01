import { z } from 'zod';
import { isLocalDate } from '../../domain/local-date';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import { MAX_CARRIED_CHARS, unpack } from '../files/carried-file';
import { readerFor, refusedImport, reviewCard, type ReferenceFile } from '../files/reference-review';
import { importOutcomeView } from '../present/reference-import-view';
import { referenceImportCard } from '../views/reference-import-card';
import { messageCard } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

const kind = z.enum(['catalog', 'policy']);
const name = z.string().trim().min(1).max(255);

/** What 确认生效 carries back: the file as the review card packed it, the version it was compared with, and a date. */
const confirmData = z.object({
  kind,
  name,
  payload: z.string().min(1).max(MAX_CARRIED_CHARS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  baseVersion: z.coerce.number().int().min(0),
  effectiveFrom: z.string().max(32).optional(),
});

/**
 * When the confirmation cannot stand as it is (a version came since, the date is past) the file is
 * reviewed again against what is now in force, with why on top, so the person confirms what they see.
 */
const reviewAgain = (ctx: ActionContext, file: ReferenceFile, why: string) =>
  reviewCard(ctx.services, ctx.user.aadObjectId, file, ctx.lang, {
    text: `${why} ${t(ctx.lang, 'import.reviewAgain')}`,
    tone: 'attention',
  });

/**
 * `reference.confirm` (确认生效): the reviewed catalog or policy becomes a new version. Everything is
 * checked again from the text the card carries — the role, every line of the file, the effective
 * date, and that no version came since the review — so the card is trusted with nothing.
 */
export const referenceConfirm = cardAction({
  verb: 'reference.confirm',
  sharedChat: 'refuse',
  schema: confirmData,
  async handle(data, ctx) {
    const { lang } = ctx;
    const text = unpack(data);
    if (text === null) return messageCard(t(lang, 'import.cardDamaged'));
    const file: ReferenceFile = { kind: data.kind, name: data.name, text };
    const { useCases } = ctx.services;
    const actor = ctx.user.aadObjectId;
    const read = readerFor(file);
    if (data.kind === 'catalog') {
      const stored = await useCases.confirmCatalogImport(actor, read.catalog, data.baseVersion);
      if (stored.ok)
        return referenceImportCard(
          importOutcomeView('catalog', data.name, lang, {
            text: t(lang, 'import.done.catalog', {
              version: stored.value.version,
              products: stored.value.products.length,
            }),
            tone: 'good',
          }),
        );
      if ('refusal' in stored.error && stored.error.refusal.code === 'reference_changed')
        return reviewAgain(ctx, file, describeRefusal(stored.error.refusal, lang));
      return refusedImport(file, stored.error, lang);
    }
    const date = data.effectiveFrom?.trim() ?? '';
    if (!isLocalDate(date))
      return reviewAgain(ctx, file, `${t(lang, 'card.import.effectiveFrom')}: ${t(lang, 'error.bad_date')}`);
    const stored = await useCases.confirmPolicyImport(actor, read.policy, data.baseVersion, date);
    if (stored.ok)
      return referenceImportCard(
        importOutcomeView('policy', data.name, lang, {
          text: t(lang, 'import.done.policy', { version: stored.value.version, date: stored.value.effectiveFrom }),
          tone: 'good',
        }),
      );
    const { error } = stored;
    if (
      'refusal' in error &&
      (error.refusal.code === 'reference_changed' || error.refusal.code === 'effective_in_past')
    )
      return reviewAgain(ctx, file, describeRefusal(error.refusal, lang));
    return refusedImport(file, error, lang);
  },
});

/** `reference.cancel` (取消): nothing is stored; the card says so and offers nothing more. */
export const referenceCancel = cardAction({
  verb: 'reference.cancel',
  sharedChat: 'refuse',
  schema: z.object({ kind, name }),
  async handle(data, ctx) {
    return referenceImportCard(
      importOutcomeView(data.kind, data.name, ctx.lang, {
        text: t(ctx.lang, 'import.cancelled', { name: data.name }),
        tone: 'default',
      }),
    );
  },
});
