import { recordAbsence } from '../../../src/app/approval/absence';
import { submit } from '../../../src/app/approval/submit';
import type { Refusal } from '../../../src/app/records/refusal';
import { editPerson, openPersonForm, type PersonEdit, type PersonFields } from '../../../src/app/reference/edit-person';
import {
  aad,
  chenJing,
  filed,
  huangLi,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  wangFang,
  zhaoLei,
  zhouJie,
  type Desk,
} from '../approval/desk';

/** 高峰, a second ops approver for 闵行, added on a card. */
const gaoFeng = aad('b005');
const GAO: PersonFields = {
  name: '高峰',
  email: 'gao.feng@plandesk.example',
  roles: ['ops_approver'],
  unit: null,
  delegate: liuQiang,
  head: null,
  covers: ['minhang-branch'],
  locale: null,
};

describe('people kept on cards by an admin', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(() => desk.close());

  const version = async () => (await desk.store.directory.get())?.version ?? 0;

  it('adds a second ops approver covering 闵行: a new version by the admin, audited, and 闵行 plans go to him by load', async () => {
    const added = await editPerson(desk.deps, zhouJie, 1, { act: 'add', aadObjectId: gaoFeng, fields: GAO });
    if (!added.ok) throw new Error(added.error.code);
    expect(added.value).toMatchObject({
      version: { version: 2, importedBy: zhouJie },
      person: gaoFeng,
      name: '高峰',
      changes: [{ change: 'person_added', person: gaoFeng }],
    });
    expect((await desk.store.audit.about('directory')).map((e) => `${e.action} by ${e.actor}`)).toContain(
      `directory.import by ${zhouJie}`,
    );

    // 王芳 covers every unit and already holds a step; the pool gives 闵行's next one to 高峰.
    const first = await filed(desk.deps, samplePlan('02-line-tier1')); // 黄丽, 闵行
    expect(first.steps[0]?.assignee).toBe(wangFang);
    const record = await filed(desk.deps, samplePlan('02-line-tier1'));
    expect(record.steps[0]).toMatchObject({ assignee: gaoFeng, delegate: liuQiang });
  });

  it('changes roles, unit and coverage, keeping the leave the person recorded', async () => {
    const away = await recordAbsence(desk.deps, wangFang, { from: '2026-12-07', to: '2026-12-11', standIn: '刘强' });
    expect(away.ok).toBe(true);
    const form = await openPersonForm(desk.deps, zhouJie, wangFang);
    if (!form.ok) throw new Error(form.error.code);
    expect(form.value.person?.name).toBe('王芳');
    expect(form.value.people.map((p) => p.name)).not.toContain('王芳');

    expect(form.value.baseVersion).toBe(2);
    const changed = await editPerson(desk.deps, zhouJie, 2, {
      act: 'change',
      id: wangFang,
      fields: { ...GAO, name: '王芳', email: 'wang.fang@plandesk.example', covers: ['pudong-branch'] },
      reassignTo: null,
    });
    if (!changed.ok) throw new Error(changed.error.code);
    expect(changed.value.changes).toEqual(
      expect.arrayContaining([
        { change: 'person_changed', person: wangFang, field: 'covers', from: null, to: 'pudong-branch' },
      ]),
    );
    const wang = (await desk.store.directory.get())?.people.find((p) => p.aadObjectId === wangFang);
    expect(wang).toMatchObject({
      covers: ['pudong-branch'],
      delegate: liuQiang,
      away: [{ from: '2026-12-07', to: '2026-12-11', standIn: liuQiang }],
    });
  });

  it('refuses anyone but an admin, audited, and changes nothing', async () => {
    const tried = await editPerson(desk.deps, wangFang, 1, { act: 'add', aadObjectId: gaoFeng, fields: GAO });
    expect(tried).toEqual({ ok: false, error: { code: 'not_admin' } });
    expect(await openPersonForm(desk.deps, huangLi, null)).toEqual({ ok: false, error: { code: 'not_admin' } });
    expect(await version()).toBe(1);
    expect((await desk.store.audit.about('directory')).map((e) => `${e.action} by ${e.actor}`)).toEqual(
      expect.arrayContaining([`refused.not_admin by ${wangFang}`, `refused.not_admin by ${huangLi}`]),
    );
  });

  it('refuses a card older than the directory, naming the version now in force', async () => {
    await editPerson(desk.deps, zhouJie, 1, { act: 'add', aadObjectId: gaoFeng, fields: GAO });
    const late = await editPerson(desk.deps, zhouJie, 1, {
      act: 'add',
      aadObjectId: aad('b006'),
      fields: { ...GAO, name: '吴婷', email: 'wu.ting@plandesk.example' },
    });
    expect(late).toEqual({ ok: false, error: { code: 'directory_changed', version: 2 } });
    expect(await version()).toBe(2);
  });

  it('refuses what the directory cannot hold: a known id or email, an applicant without a unit, oneself as delegate', async () => {
    const cases: [PersonEdit, Refusal][] = [
      [
        { act: 'add', aadObjectId: wangFang, fields: GAO },
        { code: 'person_exists', name: '王芳', by: 'id' },
      ],
      [
        { act: 'add', aadObjectId: gaoFeng, fields: { ...GAO, email: 'WANG.FANG@plandesk.example' } },
        { code: 'person_exists', name: '王芳', by: 'email' },
      ],
      [
        { act: 'add', aadObjectId: gaoFeng, fields: { ...GAO, roles: ['applicant'] } },
        { code: 'person_field', field: 'unit', problem: 'required_for_applicant' },
      ],
      [
        { act: 'add', aadObjectId: gaoFeng, fields: { ...GAO, delegate: gaoFeng } },
        { code: 'person_field', field: 'delegate', problem: 'self' },
      ],
      [
        { act: 'add', aadObjectId: gaoFeng, fields: { ...GAO, covers: ['nowhere-branch'] } },
        { code: 'person_field', field: 'covers', problem: 'unknown' },
      ],
    ];
    for (const [edit, error] of cases)
      expect(await editPerson(desk.deps, zhouJie, 1, edit)).toEqual({ ok: false, error });
    expect(await version()).toBe(1);
  });

  it('refuses to remove someone another person names as delegate, or the last admin', async () => {
    expect(await editPerson(desk.deps, zhouJie, 1, { act: 'remove', id: liuQiang, reassignTo: null })).toEqual({
      ok: false,
      error: { code: 'person_referenced', name: '刘强', by: '王芳', as: 'delegate' },
    });
    expect(await editPerson(desk.deps, zhouJie, 1, { act: 'remove', id: zhouJie, reassignTo: null })).toEqual({
      ok: false,
      error: { code: 'last_admin' },
    });
  });

  it('removes a person with open steps only when someone who may decide them takes them, telling the new approver', async () => {
    const record = await filed(desk.deps, samplePlan('02-line-tier1'));
    expect(record.steps[0]?.assignee).toBe(wangFang);
    const nobody = await editPerson(desk.deps, zhouJie, 1, { act: 'remove', id: wangFang, reassignTo: null });
    expect(nobody).toEqual({
      ok: false,
      error: { code: 'open_steps', name: '王芳', ids: [record.id], problem: 'no_target', to: null },
    });
    const wrong = await editPerson(desk.deps, zhouJie, 1, { act: 'remove', id: wangFang, reassignTo: zhaoLei });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'open_steps', problem: 'target_lacks_role', to: '赵磊' } });
    expect(await version()).toBe(1);

    await editPerson(desk.deps, zhouJie, 1, { act: 'add', aadObjectId: gaoFeng, fields: { ...GAO, covers: [] } });
    const outboxBefore = (await pendingOutbox(desk.store)).length;
    const removed = await editPerson(desk.deps, zhouJie, 2, { act: 'remove', id: wangFang, reassignTo: gaoFeng });
    if (!removed.ok) throw new Error(removed.error.code);
    expect(removed.value.changes).toContainEqual({ change: 'person_removed', person: wangFang });
    expect(removed.value.handedOver).toEqual([{ applicationId: record.id, to: gaoFeng }]);
    expect((await desk.store.applications.get(record.id))?.steps[0]).toMatchObject({ assignee: gaoFeng });
    const sent = (await pendingOutbox(desk.store)).slice(outboxBefore);
    expect(sent).toContainEqual(expect.objectContaining({ kind: 'card', to: { kind: 'person', id: gaoFeng } }));
  });

  it('lets a new account manager added with a unit file a plan', async () => {
    await editPerson(desk.deps, zhouJie, 1, {
      act: 'add',
      aadObjectId: gaoFeng,
      fields: { ...GAO, roles: ['applicant'], unit: 'minhang-branch', covers: [], delegate: null, head: chenJing },
    });
    const result = await submit(desk.deps, {
      input: samplePlan('02-line-tier1', { applicant: gaoFeng }),
      actor: gaoFeng,
      draftId: null,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.input.applicant).toBe(gaoFeng);
  });
});
