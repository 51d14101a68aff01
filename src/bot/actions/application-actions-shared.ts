import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { ApplicationRecord } from '../../app/records/application-record';
import type { CardCopy } from '../../app/ports/store';
import { t, type StringKey } from '../../i18n';
import { renderApplicationFor } from '../present/render';
import type { ActionContext } from './card-action';

/** What every action on an application card carries back: which application, revision and step it showed. */
export const applicationActionData = z.object({
  applicationId: z.string().regex(/^PP-\d{4}-\d{6}$/),
  revision: z.coerce.number().int().positive(),
  stepIndex: z.coerce.number().int().min(-1),
}).passthrough();

/** The refusal and failure codes a card can explain. */
const REFUSAL_KEYS: Record<string, StringKey> = {
  not_an_approver: 'refusal.not_an_approver', own_application: 'refusal.own_application', no_approval_authority: 'refusal.no_approval_authority',
  already_decided: 'refusal.already_decided', stale_version: 'refusal.stale_write', comment_required: 'refusal.comment_required',
  cannot_escalate: 'refusal.cannot_escalate', not_the_applicant: 'refusal.not_the_applicant', not_withdrawable: 'refusal.not_withdrawable',
  not_a_handler: 'refusal.not_a_handler', not_in_fulfillment: 'refusal.not_in_fulfillment', not_found: 'refusal.not_found',
  not_allowed: 'refusal.not_allowed', no_directory: 'refusal.no_directory', no_approver: 'refusal.no_approver',
  no_evaluation_due: 'refusal.no_evaluation_due', no_catalog: 'refusal.no_catalog', no_policy: 'refusal.no_policy',
  catalog_version_missing: 'refusal.catalog_version_missing', not_an_applicant: 'refusal.not_an_applicant',
};

/** A refusal in words; a card from an older revision says it is out of date rather than "changed just now". */
export function refusalText(ctx: ActionContext, code: string, params: Record<string, string | number> = {}, cardWasStale = false): string {
  if (code === 'stale_version' && cardWasStale) return t(ctx.lang, 'refusal.stale_version');
  return t(ctx.lang, REFUSAL_KEYS[code] ?? 'refusal.stale_write', params);
}

/** The application's card for the person who acted, with a banner saying what happened. */
export async function cardForActor(ctx: ActionContext, record: ApplicationRecord, text: string, tone: 'good' | 'attention' | 'warning' | 'default'): Promise<Attachment> {
  return renderApplicationFor(ctx.services, record, ctx.shared ? null : ctx.user.aadObjectId, ctx.lang, { text, tone });
}

/** Records the card acted on as a copy of the application, so later changes update it too. */
export async function keepCopy(ctx: ActionContext, applicationId: string): Promise<void> {
  if (!ctx.conversationKey || !ctx.cardActivityId) return;
  const copy: CardCopy = { applicationId, conversationKey: ctx.conversationKey, activityId: ctx.cardActivityId, viewer: ctx.user.aadObjectId };
  await ctx.services.approval.store.cardCopies.add(copy);
}

/** The application a card acts on; one a card can name no longer existing is a bug, not a refusal. */
export async function applicationOf(ctx: ActionContext, id: string): Promise<ApplicationRecord> {
  const record = await ctx.services.approval.store.applications.get(id);
  if (!record) throw new Error(`application ${id} vanished`);
  return record;
}

/** The applicant's own application, or the card saying only they may do this. */
export async function ownApplication(ctx: ActionContext, id: string): Promise<{ record: ApplicationRecord } | { refused: Attachment }> {
  const record = await applicationOf(ctx, id);
  if (record.input.applicant === ctx.user.aadObjectId) return { record };
  return { refused: await cardForActor(ctx, record, t(ctx.lang, 'refusal.not_the_applicant'), 'attention') };
}
