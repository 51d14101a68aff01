import { TEXT_LIMITS } from '../../src/domain/text-limits';
import { lineForm } from '../support/forms';
import {
  actionData,
  cardOf,
  linesOf,
  nodes,
  PEOPLE,
  TeamsHarness,
  textOf,
  type CardJson,
} from '../support/teams-harness';

const { zhangWei, wangFang, zhaoLei, zhouJie } = PEOPLE;
const CHANNEL = '19:limits@thread.tacv2';

/** The last card a person was sent that offers a verb. */
const cardWith = (teams: TeamsHarness, who: (typeof PEOPLE)[keyof typeof PEOPLE], verb: string): CardJson =>
  teams
    .sentTo(who)
    .map(cardOf)
    .filter((c): c is CardJson => c !== undefined && actionData(c, verb) !== undefined)
    .at(-1) ?? {};

describe('free text over its limit: refused in words with the limit, nothing stored, a bounded excerpt audited', () => {
  let teams: TeamsHarness;
  afterEach(async () => teams.stop());

  it('refuses a decision comment and a fulfillment note one character over, and keeps 200 KB out of the audit', async () => {
    teams = await TeamsHarness.start();
    for (const who of [zhangWei, wangFang, zhaoLei]) await teams.say(who, '你好');
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 'limits-1' });
    await teams.app.deliveriesSettled();
    const card = cardWith(teams, wangFang, 'plan.approve');
    const data = actionData(card, 'plan.approve') ?? {};
    const id = String(data.applicationId);

    const over = await teams.tap(wangFang, 'plan.approve', {
      ...data,
      approveComment: '好'.repeat(TEXT_LIMITS.comment + 1),
    });
    expect(linesOf(over)).toContain('意见最多 500 个字,现在有 501 个字,请精简后再提交;审批尚未记录。');
    expect((await teams.app.store.applications.get(id))?.steps[0]?.status).toBe('pending');

    // 200 KB from a forged client (a megabyte is stopped at the edge, 413): refused the same way, and the
    // audit keeps an excerpt, not the 200 KB.
    const huge = 'x'.repeat(200 * 1024);
    await teams.tap(wangFang, 'plan.return', { ...data, returnComment: huge });
    const refusals = (await teams.app.store.audit.about(id)).filter((e) => e.action === 'refused.text_too_long');
    expect(refusals).toHaveLength(2);
    for (const entry of refusals) expect(JSON.stringify(entry).length).toBeLessThan(2_000);

    // Exactly at the limit is taken.
    const approved = await teams.tap(wangFang, 'plan.approve', {
      ...data,
      approveComment: '好'.repeat(TEXT_LIMITS.comment),
    });
    expect(textOf(approved)).toContain(`您已批准 ${id}`);
    await teams.app.deliveriesSettled();

    const task = cardWith(teams, zhaoLei, 'plan.fulfill');
    const refused = await teams.tap(zhaoLei, 'plan.fulfill', {
      ...actionData(task, 'plan.fulfill'),
      fulfillComment: '注'.repeat(TEXT_LIMITS.note + 1),
    });
    expect(linesOf(refused)).toContain('受理备注最多 500 个字,现在有 501 个字,请精简后再提交;尚未标记为已完成。');
    expect((await teams.app.store.applications.get(id))?.state).toBe('in_fulfillment');
    // The task's facts read as title and value: when it is due, not a sentence squeezed into a title.
    const facts = nodes(refused)
      .filter((n) => n.type === 'FactSet')
      .flatMap((n) => (n.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`));
    expect(facts).toContainEqual(expect.stringMatching(/^受理期限: \d+月\d+日 \d{2}:\d{2}$/));
  });

  it('answers a stranger’s 200 KB channel binding in words, without quoting it back, and audits a few hundred bytes', async () => {
    teams = await TeamsHarness.start();
    await teams.addToTeam(zhangWei, CHANNEL);
    const word = 'u'.repeat(200 * 1024);
    const replies = await teams.sayInChannel(zhangWei, CHANNEL, `notify-here ${word}`);
    const said = replies.map((r) => r.text ?? '').join('\n');
    expect(said.length).toBeLessThan(500);
    const audit = await teams.app.store.audit.about('directory');
    const refusal = audit.filter((e) => e.action === 'refused.bind_channel');
    expect(refusal).toHaveLength(1);
    expect(JSON.stringify(refusal[0]).length).toBeLessThan(1_000);

    // The admin is told the limit, and nothing is bound.
    await teams.addToTeam(zhouJie, CHANNEL);
    const told = await teams.sayInChannel(zhouJie, CHANNEL, `notify-here ${'u'.repeat(65)}`);
    expect(told.map((r) => r.text).join('\n')).toContain(
      '频道绑定的对象最多 64 个字(现在有 65 个字),请填写单位编号或 ops、support、auditors。',
    );
  });
});
