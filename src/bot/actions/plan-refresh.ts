import { z } from 'zod';
import { PLAN_NUMBER } from '../../domain/plan-number';
import { describeRefusal } from '../../i18n/describe-refusal';
import { renderApplication } from '../present/render';
import { messageCard } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

/**
 * `plan.refresh` (Universal Actions' automatic refresh) and `plan.show` (a list's "view"): the
 * application as this person may see it now — their buttons if they have any, else its status.
 */
const showData = z.object({ applicationId: z.string().regex(PLAN_NUMBER) }).passthrough();

async function showFor(data: z.infer<typeof showData>, ctx: ActionContext) {
  const viewed = await ctx.services.useCases.view(data.applicationId, ctx.user.aadObjectId);
  if (!viewed.ok) return messageCard(describeRefusal(viewed.error, ctx.lang));
  return renderApplication(ctx.shared ? { ...viewed.value, detailed: false } : viewed.value, ctx.lang);
}

// Teams asks each listed user for their own view of a card, in a channel too.
export const planRefresh = cardAction({
  verb: 'plan.refresh',
  sharedChat: 'viewer',
  schema: showData,
  handle: showFor,
});
export const planShow = cardAction({ verb: 'plan.show', sharedChat: 'notice', schema: showData, handle: showFor });
