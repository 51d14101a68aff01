import { decideStep } from '../../app/approval/decide-step';
import type { Decision } from '../../domain/approval-step';
import { t } from '../../i18n';
import { COMMENT_INPUT_ID } from '../views/application-card';
import { applicationActionData, applicationOf, cardForActor, keepCopy, refusalText } from './application-actions-shared';
import { cardAction } from './card-action';

/**
 * An approver's decision on the step the card shows. Saved first, answered with the updated card;
 * the messages it causes go out after the commit. A second tap finds the step decided.
 */
export function stepDecision(decision: Decision) {
  return cardAction({
    verb: `plan.${decision}`,
    schema: applicationActionData,
    async handle(data, ctx) {
      const raw = data[COMMENT_INPUT_ID[decision]] ?? data.comment;
      const comment = typeof raw === 'string' ? raw : null;
      const result = await decideStep(ctx.services.approval, {
        applicationId: data.applicationId, revision: data.revision, stepIndex: data.stepIndex, decision, comment, actor: ctx.user.aadObjectId,
      });
      if (result.ok) {
        ctx.services.deliverSoon();
        await keepCopy(ctx, result.value.record.id);
        return cardForActor(ctx, result.value.record, t(ctx.lang, `bot.decided.${decision}`, { id: data.applicationId }), 'good');
      }
      const error = result.error;
      if ('record' in error) {
        const stale = error.code === 'stale_version';
        return cardForActor(ctx, error.record, refusalText(ctx, error.code, { id: data.applicationId }, stale), 'attention');
      }
      const current = await applicationOf(ctx, data.applicationId);
      return cardForActor(ctx, current, refusalText(ctx, error.code, { id: data.applicationId }), 'attention');
    },
  });
}
