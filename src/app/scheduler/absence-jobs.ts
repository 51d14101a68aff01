import { shanghaiDate } from '../../domain/local-date';
import { moveStepsToStandIn } from '../approval/absence';
import { personOf } from '../common/people';
import type { JobHandler } from './job-context';

/**
 * The first day of someone's leave (休假): the steps they hold move to their stand-in. A leave
 * cancelled or changed since it was recorded moves nothing (its `from` is no longer there).
 */
export const startAbsence: JobHandler = async (run) => {
  const personId = String(run.job.payload.person);
  const directory = await run.deps.store.directory.get();
  const absence = directory && personOf(directory, personId)?.away?.find((a) => a.from === run.job.payload.from);
  if (!absence || absence.to < shanghaiDate(run.now)) return {};
  await moveStepsToStandIn(run.deps, personId, absence);
  return {};
};
