import { noticeFor, person } from '../common/outbox-messages';
import { holdersOf } from '../common/people';
import type { JobHandler } from './job-context';

/** Tells every admin who is in a team but not in the directory (with who they are, for the card that adds them). */
export const tellAdminsOfUnknownMembers: JobHandler = async (run) => {
  const directory = await run.deps.store.directory.get();
  const admins = directory ? holdersOf(directory, 'admin') : [];
  const { count, names, members } = run.job.payload;
  const params = { count: Number(count), names: String(names), ...(typeof members === 'string' ? { members } : {}) };
  return {
    outbox: admins.map((a) => noticeFor(run.deps, run.now, person(a.aadObjectId), 'notice.unknown_members', params)),
  };
};
