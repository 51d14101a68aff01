/**
 * What the approval use-case tests share: the people of config/samples/directory.yaml, the sample
 * applications, and PlanDesk's use cases on a fresh SQLite file seeded with the sample catalog,
 * policy and directory, on a clock that moves only when told to.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApprovalDeps } from '../../../src/app/common/deps';
import { decideStep } from '../../../src/app/approval/decide-step';
import { submit } from '../../../src/app/approval/submit';
import type { Store } from '../../../src/app/ports/store';
import { createWorkingCalendar } from '../../../src/calendar/chinese-working-calendar';
import type { ApplicationInput } from '../../../src/domain/application';
import { parseApplicationJson } from '../../../src/formats/application-json';
import { seedSamples } from '../../../src/samples/seed-samples';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';

const SAMPLES = join(__dirname, '../../../config/samples');

/** The Azure AD object id of a sample person, from the last four hex digits the directory gives them. */
export const aad = (suffix: string): string => `00000000-0000-0000-0000-00000000${suffix}`;

/** People of config/samples/directory.yaml, by name. */
export const zhangWei = aad('a001'); // 张伟, applicant at pudong-branch
export const huangLi = aad('a002'); // 黄丽, applicant at minhang-branch
export const liNa = aad('b001'); // 李娜, cooperation approver
export const wangFang = aad('b002'); // 王芳, ops approver, 刘强 her delegate
export const liuQiang = aad('b003'); // 刘强, ops approver and ops head
export const chenJing = aad('b004'); // 陈静, leader
export const zhaoLei = aad('c001'); // 赵磊, support handler
export const sunMin = aad('c002'); // 孙敏, auditor
export const zhouJie = aad('c003'); // 周杰, admin and catalog owner

/** The sample applications in config/samples/applications, by file name. */
export type SamplePlanFile = '01-cloud-pbx-tier2' | '02-line-tier1' | '03-iot-agent-tier3';

/** A sample application as filed from config/samples/applications, with some fields changed. */
export function samplePlan(file: SamplePlanFile, changes: Partial<ApplicationInput> = {}): ApplicationInput {
  const parsed = parseApplicationJson(readFileSync(join(SAMPLES, 'applications', `${file}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`sample ${file} does not parse`);
  return { ...parsed.value, ...changes };
}

/** PlanDesk's use cases on their own SQLite file, and the hands on its clock. */
export interface Desk {
  /** The use cases' dependencies: the store, the movable clock, the working calendar, ids `msg-1`, `msg-2`, … */
  deps: ApprovalDeps;
  store: Store;
  /** Moves the clock to an ISO time. */
  setNow: (iso: string) => void;
  /** Closes the store and deletes its folder. */
  close: () => Promise<void>;
}

/** PlanDesk's use cases on a fresh SQLite file with the sample catalog, policy and directory; Tuesday 1 Dec 2026, 10:00 in Shanghai. */
export async function openDesk(): Promise<Desk & { file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-approval-'));
  mkdirSync(join(dir, 'samples'));
  for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml'])
    copyFileSync(join(SAMPLES, f), join(dir, 'samples', f));
  const store = openSqliteStore(join(dir, 'plandesk.db'));
  let now = new Date('2026-12-01T10:00:00+08:00');
  let ids = 0;
  const deps: ApprovalDeps = {
    store,
    clock: { now: () => now },
    calendar: createWorkingCalendar(),
    newId: () => `msg-${++ids}`,
  };
  await seedSamples(deps, join(dir, 'samples'));
  return {
    deps,
    store,
    // The store's SQLite file, for a second process's store on it.
    file: join(dir, 'plandesk.db'),
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Submits an application as its applicant and returns the filed record; throws if it is refused. */
export async function filed(deps: ApprovalDeps, input: ApplicationInput) {
  const result = await submit(deps, { input: input, actor: input.applicant, draftId: null });
  if (!result.ok) throw new Error(`not filed: ${result.error.code}`);
  return result.value;
}

/** Decides a step (the first, of the first revision, unless told) and returns the saved record; throws if it is refused. */
export async function decided(
  deps: ApprovalDeps,
  applicationId: string,
  actor: string,
  decision: 'approve' | 'return',
  comment: string | null = null,
  stepIndex = 0,
  revision = 1,
) {
  const result = await decideStep(deps, { applicationId, revision, stepIndex, decision, comment, actor });
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value.record;
}

/** The outbox's undelivered messages, oldest first, without their ids and times. */
export const pendingOutbox = async (store: Store) =>
  (await store.outbox.pending(1000)).map(({ id: _id, createdAt: _at, ...message }) => message);

/** The audit trail of an application as `action by actor` lines, oldest first. */
export const actionsAbout = async (store: Store, id: string) =>
  (await store.audit.about(id)).map((e) => `${e.action} by ${e.actor}`);
