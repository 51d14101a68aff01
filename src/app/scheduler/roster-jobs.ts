import { noticeFor, person } from '../common/outbox-messages';
import { holdersOf } from '../common/people';
import type { JobHandler } from './job-context';

/** Tells every admin who is in a team but not in the directory. */
export const tellAdminsOfUnknownMembers: JobHandler = async (run) => {
  const directory = await run.deps.store.directory.get();
  const admins = directory ? holdersOf(directory, 'admin') : [];
  const params = { count: Number(run.job.payload.count), names: String(run.job.payload.names) };
  return {
    outbox: admins.map((a) => noticeFor(run.deps, run.now, person(a.aadObjectId), 'notice.unknown_members', params)),
  };
};
