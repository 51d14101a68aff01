import { z } from 'zod';
import { viewApplication } from '../../app/approval/queries';
import { renderApplicationFor } from '../present/render';
import { cardAction } from './card-action';

/**
 * `plan.refresh` (Universal Actions' automatic refresh) and `plan.show` (a list's "view"): the
 * application as this person may see it now — their buttons if they have any, else its status.
 */
const showData = z.object({ applicationId: z.string().regex(/^PP-\d{4}-\d{6}$/) }).passthrough();

async function showFor(data: z.infer<typeof showData>, ctx: Parameters<Parameters<typeof cardAction>[0]['handle']>[1]) {
  const viewed = await viewApplication(ctx.services.approval, data.applicationId, ctx.user.aadObjectId);
  const record = viewed.ok ? viewed.value : await ctx.services.approval.store.applications.get(data.applicationId);
  if (!record) throw new Error(`application ${data.applicationId} vanished`);
  return renderApplicationFor(ctx.services, record, ctx.shared ? null : ctx.user.aadObjectId, ctx.lang);
}

export const planRefresh = cardAction({ verb: 'plan.refresh', schema: showData, handle: showFor });
export const planShow = cardAction({ verb: 'plan.show', schema: showData, handle: showFor });
