import { evaluationPeriod, evaluationsOutstanding } from '../../domain/evaluation-period';
import { DEFAULT_LIFECYCLE } from '../../domain/lifecycle';
import { nextWorkingMoment } from '../../domain/working-hours';
import { commitChange, policyOf } from '../common/commit';
import { messagesFor, person } from '../common/outbox-messages';
import { stillDue, type JobHandler } from './job-context';

/**
 * 第九条(三): each period of an active plan the applicant is asked for its actual results; their
 * card gains the evaluation form, and they are told (in working hours) which months the period
 * covers and, when reports fell behind, how many periods are outstanding (they are asked in order).
 */
export const askForEvaluation: JobHandler = async (run) => {
  const period = Number(run.job.payload.period);
  const record = await stillDue(
    run,
    (r) => r.state === 'active' && r.evaluations.length + 1 === period && r.evaluationDue !== period,
  );
  if (!record) return {};
  const policy = await policyOf(run.deps, record);
  const settings = policy.lifecycle ?? DEFAULT_LIFECYCLE;
  const asked = evaluationPeriod(record, settings, run.calendar, period);
  if (!asked) return {};
  const outstanding = evaluationsOutstanding(record, settings, run.calendar, period - 1, run.now).length;
  const notBefore = nextWorkingMoment(run.calendar, run.now).toISOString();
  const held = messagesFor(run.deps, run.now, record.id, { notBefore });
  const params = { period, firstMonth: asked.firstMonth, lastMonth: asked.lastMonth, outstanding };
  const outbox = [
    held.refresh(),
    held.text(
      person(record.input.applicant),
      outstanding > 1 ? 'evaluation.asked_backlog' : 'evaluation.asked',
      params,
    ),
    held.card(person(record.input.applicant)),
  ];
  const saved = await commitChange(
    run.deps,
    run.now,
    record,
    { ...record, evaluationDue: period },
    {
      actor: 'plandesk',
      history: { action: 'evaluation_requested' },
      audit: { action: 'evaluation.ask', before: null, after: { period } },
      outbox,
    },
    policy,
  );
  if (!saved.ok) throw new Error(`${record.id} changed while asking for its evaluation; the job is tried again`);
  return {};
};
