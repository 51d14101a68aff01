import { z } from 'zod';
import type { HandOverCommand } from '../../app/use-cases';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import { listView } from '../present/list-view';
import { applicationListCard } from '../views/application-list-card';
import { applicationActionData } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

/** A queue row's step as it was shown: the application, revision, step and who had it. */
const stepData = applicationActionData.extend({ assignee: z.string().min(1).max(64) });
type StepData = z.infer<typeof stepData>;

/**
 * 认领 / 转交 on a row of the team queue in `待办`: the step changes hands, and the list answers with
 * itself as it now stands and a line saying what happened — the step's card reaches its new approver
 * in their chat (the taker's own, below the list).
 */
async function handOverFromList(data: StepData, how: HandOverCommand['how'], to: string | null, ctx: ActionContext) {
  const { useCases } = ctx.services;
  const acted = await useCases.handOver({
    applicationId: data.applicationId,
    revision: data.revision,
    stepIndex: data.stepIndex,
    from: data.assignee,
    actor: ctx.user.aadObjectId,
    how,
    ...(to ? { to } : {}),
  });
  if (acted.ok) ctx.services.deliverSoon();
  const notice = acted.ok
    ? {
        text: t(ctx.lang, how === 'take_over' ? 'list.takenOver' : 'list.handedOver', {
          id: data.applicationId,
          who: acted.value.names[to ?? ''] ?? '',
        }),
        tone: 'good' as const,
      }
    : { text: describeRefusal(acted.error.refusal, ctx.lang), tone: 'attention' as const };
  return applicationListCard(listView(await useCases.pending(ctx.user.aadObjectId), 'pending', ctx.lang, notice));
}

/** `plan.take_over`: a colleague with the step's role takes it over (认领). */
export const planTakeOver = cardAction({
  verb: 'plan.take_over',
  sharedChat: 'refuse',
  schema: stepData,
  handle: (data, ctx) => handOverFromList(data, 'take_over', null, ctx),
});

/** `plan.reassign`: the ops head hands the step to the person chosen in `handTo` (转交). */
export const planReassign = cardAction({
  verb: 'plan.reassign',
  sharedChat: 'refuse',
  schema: stepData.extend({ handTo: z.string().min(1).max(64) }),
  handle: (data, ctx) => handOverFromList(data, 'reassign', data.handTo, ctx),
});
