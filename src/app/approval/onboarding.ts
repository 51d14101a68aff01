import { createHash } from 'node:crypto';
import type { ApprovalDeps } from '../common/deps';
import { personOf } from '../common/people';
import type { Job } from '../ports/jobs';

/** Someone Teams lists in a team: their AAD object id, display name and (from the roster) e-mail. */
export interface TeamMember {
  aadObjectId: string;
  name: string;
  email?: string;
}

/** The admins' notice offers a card for this many people at most (the rest are named; 人员 → 添加人员 adds them). */
export const OFFERED_MEMBERS = 10;
/**
 * The notice names this many at most, each by its first characters: a team of thousands, or a display name
 * of Entra ID's 256 characters, would otherwise make a notice Teams refuses (issue 14). The count says how
 * many there are; 人员 lists the directory, the team's roster lists the rest.
 */
export const NAMED_MEMBERS = 20;
const NAME_CHARS = 40;
/** A name as the person card takes it (the directory's limit). */
const OFFERED_NAME_CHARS = 200;

const clip = (text: string, max: number): string => {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
};

/**
 * When PlanDesk joins a team, or someone joins one it is in, it looks at who is there: people the
 * directory does not know are listed to the admins, to be given roles. Meanwhile they see no plan's
 * details (they have no role, so the rules of SPEC §7 show them nothing); the notice carries who they
 * are, so it can offer a card to give each roles. Returns how many are unknown;
 * the admins hear of it on the next tick (the notice is a job, so it is delivered like any other).
 */
export async function reviewTeamMembers(deps: ApprovalDeps, members: readonly TeamMember[]): Promise<number> {
  const directory = await deps.store.directory.get();
  if (!directory) return 0;
  const unknown = members.filter((m) => m.aadObjectId && !personOf(directory, m.aadObjectId));
  if (unknown.length === 0) return 0;
  const named = unknown.slice(0, NAMED_MEMBERS).map((m) => clip(m.name || m.aadObjectId, NAME_CHARS));
  const names = `${named.join('、')}${unknown.length > NAMED_MEMBERS ? '…' : ''}`;
  // One notice per set of unknown people: the same roster seen twice tells the admins once.
  const key = createHash('sha256')
    .update(
      unknown
        .map((m) => m.aadObjectId)
        .sort()
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
  const job: Job = {
    id: `roster:${key}`,
    kind: 'roster.unknown',
    applicationId: null,
    dueAt: deps.clock.now().toISOString(),
    payload: {
      count: unknown.length,
      names,
      // Who the notice offers a person card for, prefilled from the roster.
      members: JSON.stringify(
        unknown.slice(0, OFFERED_MEMBERS).map((m) => ({
          aadObjectId: m.aadObjectId,
          name: Array.from(m.name).slice(0, OFFERED_NAME_CHARS).join(''),
          ...(m.email ? { email: m.email } : {}),
        })),
      ),
    },
  };
  await deps.store.jobs.schedule([job]);
  return unknown.length;
}
