import { MAX_BODY_BYTES, MAX_DEPTH } from '../../src/http/activity-shape';
import { lineForm } from '../support/forms';
import { linesOf, PEOPLE, TeamsHarness, textOf } from '../support/teams-harness';

const { zhangWei } = PEOPLE;
const CHANNEL = '19:edge@thread.tacv2';

describe('the edge: wrong shapes answer 4xx with what is wrong, and nothing is posted or stored', () => {
  let teams: TeamsHarness;
  const errorLines: string[] = [];
  beforeAll(async () => {
    teams = await TeamsHarness.start(undefined, (line) => errorLines.push(line));
    await teams.say(zhangWei, '你好');
  });
  afterAll(async () => teams.stop());

  const invoke = (value: unknown, name = 'adaptiveCard/action') =>
    teams.activityFrom(zhangWei, { type: 'invoke', name, value });
  const message = (fields: Record<string, unknown>) => ({
    ...teams.activityFrom(zhangWei, { type: 'message', text: 'help' }),
    ...fields,
  });

  it.each<[string, () => unknown, number, RegExp]>([
    [
      'a verb that is an object',
      () => invoke({ action: { type: 'Action.Execute', verb: { x: 1 }, data: {} } }),
      400,
      /needs value\.action with a verb/,
    ],
    ['a value without an action', () => invoke({ foo: 1 }), 400, /needs value\.action with a verb/],
    ['no value at all', () => invoke(undefined), 400, /needs value\.action with a verb/],
    [
      'an invoke PlanDesk does not handle',
      () => invoke({}, 'nonsense/invoke'),
      400,
      /does not handle the invoke .*nonsense\/invoke/,
    ],
    ['an invoke without a name', () => ({ ...invoke({}), name: undefined }), 400, /name: Required for an invoke/],
    ['a message with no sender', () => message({ from: undefined }), 400, /from: Required/],
    ['a message whose text is a number', () => message({ text: 42 }), 400, /text: Expected string, received number/],
    ['a locale that is not text', () => message({ locale: 7 }), 400, /locale: Expected string, received number/],
    [
      'membersAdded that is not a list',
      () => ({ ...teams.activityFrom(zhangWei, { type: 'conversationUpdate' }), membersAdded: 'x' }),
      400,
      /membersAdded: Expected array, received string/,
    ],
    [
      'a form field nested 100,000 deep',
      // Written as text: JSON.stringify itself cannot nest that deep.
      () =>
        JSON.stringify(
          invoke({ action: { type: 'Action.Execute', verb: 'form.preview', data: { customerName: 0 } } }),
        ).replace('"customerName":0', `"customerName":${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`),
      400,
      new RegExp(`nests deeper than ${MAX_DEPTH} levels`),
    ],
    // Found by the fuzz (test/fuzz): each of these failed the turn after the bot acted, where the reply was sent.
    [
      'a conversation type that is a number',
      () => message({ conversation: { id: 'a:personal-x', conversationType: 7 } }),
      400,
      /conversation\.conversationType: Expected string, received number/,
    ],
    [
      'a conversation id with a control character',
      () => message({ conversation: { id: 'a:personal-\u0000' } }),
      400,
      /conversation\.id: must be printable ASCII/,
    ],
    [
      'an activity id longer than a reply URL takes',
      () => message({ id: 'x'.repeat(30_000) }),
      400,
      /id: must be printable ASCII, at most 1024 characters/,
    ],
    ['a message to no recipient', () => message({ recipient: undefined }), 400, /recipient: Required/],
    ['a serviceUrl that is not a URL', () => message({ serviceUrl: 'x' }), 400, /serviceUrl: Invalid url/],
    [
      'a file-consent answer without an action',
      () => invoke(null, 'fileConsent/invoke'),
      400,
      /a fileConsent\/invoke needs value\.action, accept or decline/,
    ],
    ['a body that is not JSON', () => '{"type": "message", ', 400, /.+/],
    ['a body that is a list', () => [1, 2], 400, /not a JSON object/],
  ])('%s', async (_what, body, status, said) => {
    const before = teams.sentTo(zhangWei).length;
    const answer = await teams.raw(body());
    expect(answer.status).toBe(status);
    expect(answer.text).toMatch(said);
    // No apology or anything else was posted to the chat.
    expect(teams.sentTo(zhangWei).length).toBe(before);
  });

  it('refuses a form whose text fields are lists or objects (never a customer named "[object Object]"), filing nothing', async () => {
    for (const customerName of [{ x: 1 }, [1]]) {
      const answer = await teams.raw(
        invoke({
          action: { type: 'Action.Execute', verb: 'form.submit', data: { ...lineForm, draftId: 'x-1', customerName } },
        }),
      );
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('customerName: must be text, not a list or an object');
    }
    expect((await teams.app.store.applications.page({}, 10)).records).toEqual([]);
  });

  it('leaves alone a message deletion that carries no channelData (nothing fails, nothing is posted)', async () => {
    const before = teams.sentTo(zhangWei).length;
    const answer = await teams.raw({ ...message({}), type: 'messageDelete', text: undefined, channelData: undefined });
    expect(answer.status).toBe(200);
    expect(errorLines).toEqual([]);
    expect(teams.sentTo(zhangWei).length).toBe(before);
  });

  it('refuses a body over the limit with 413, checked as it streams', async () => {
    const answer = await teams.raw(message({ text: 'x'.repeat(MAX_BODY_BYTES + 1) }));
    expect(answer.status).toBe(413);
  });

  it('still answers a well-formed message after all that', async () => {
    const replies = await teams.say(zhangWei, 'help');
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('what the audit trail now says', () => {
  let teams: TeamsHarness;
  afterEach(async () => teams.stop());

  it('audits an action on a number no plan has, and a plan shown in a channel as a status view', async () => {
    teams = await TeamsHarness.start();
    await teams.say(zhangWei, '你好');
    for (const verb of ['plan.approve', 'plan.withdraw', 'plan.show', 'plan.edit']) {
      const card = await teams.tap(zhangWei, verb, { applicationId: 'PP-2026-999999', revision: 1, stepIndex: 0 });
      expect(linesOf(card)).toContain('找不到申请 PP-2026-999999,请核对编号(格式如 PP-2027-000123)。');
    }
    const probes = await teams.app.store.audit.about('PP-2026-999999');
    expect(probes.map((e) => [e.actor, e.action])).toEqual(Array(4).fill([zhangWei.aad, 'refused.not_found']));

    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 'audit-view-1' });
    const id = (await teams.app.store.applications.page({}, 1)).records[0]?.id ?? '';
    await teams.addToTeam(zhangWei, CHANNEL);
    const shown = await teams.tapInChannel(zhangWei, CHANNEL, 'plan.show', { applicationId: id });
    expect(textOf(shown)).not.toContain('¥');
    const views = (await teams.app.store.audit.about(id)).filter((e) => e.action.startsWith('view'));
    expect(views.map((e) => e.action)).toEqual(['view.status']);
  });
});
