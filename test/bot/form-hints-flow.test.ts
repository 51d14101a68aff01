import { tier2Form } from '../support/forms';
import { linesOf, PEOPLE, TeamsHarness } from '../support/teams-harness';

const { zhangWei } = PEOPLE;

describe('the form says what would pass', () => {
  let teams: TeamsHarness;

  beforeEach(async () => {
    teams = await TeamsHarness.start();
    await teams.say(zhangWei, '你好');
  });
  afterEach(async () => teams.stop());

  it('previews a tier2 plan with the price that reaches tier1 and the one that needs no approval', async () => {
    const lines = linesOf(await teams.tap(zhangWei, 'form.preview', tier2Form)).split('\n');
    const heading = lines.indexOf('怎样可以通过(每条只改一项,其余不变)');

    expect(lines.slice(heading, heading + 3)).toEqual([
      '怎样可以通过(每条只改一项,其余不变)',
      '• 第 1 行“CLOUD-PBX”单价不低于 ¥35.00 即可落入一级授权。',
      '• 第 1 行“CLOUD-PBX”单价不低于 ¥45.00 即无需审批(在分公司权限之内)。',
    ]);
  });

  it('previews the hinted price as tier1, and one fen less as tier2 still', async () => {
    const at = linesOf(await teams.tap(zhangWei, 'form.preview', { ...tier2Form, line0Price: '35.00' }));
    const under = linesOf(await teams.tap(zhangWei, 'form.preview', { ...tier2Form, line0Price: '34.99' }));

    expect(at).toContain('需要审批 · 一级授权 · 经营管理部审批');
    expect(at).toContain('• 第 1 行“CLOUD-PBX”单价不低于 ¥45.00 即无需审批(在分公司权限之内)。');
    expect(at).not.toContain('即可落入一级授权');
    expect(under).toContain('需要审批 · 二级授权 · 经营管理部负责人审批');
    expect(under).toContain('• 第 1 行“CLOUD-PBX”单价不低于 ¥35.00 即可落入一级授权。');
  });

  it('answers a submission blocked below cost with the form, the cost of the line and the price that covers the plan', async () => {
    const lines = linesOf(
      await teams.tap(zhangWei, 'form.submit', { ...tier2Form, line0Price: '19.00', draftId: 'd-1' }),
    );

    expect(lines).toContain('不能提交');
    expect(lines).toContain('• 第 1 行“CLOUD-PBX”单价不低于成本 ¥20.00 即可通过成本校验。');
    expect(lines).toContain('• 第 1 行“CLOUD-PBX”单价不低于 ¥22.09 即方案收入不低于成本。');
    expect(await teams.app.store.applications.list()).toHaveLength(0);
  });

  it('says the hints in English to an English-speaking user', async () => {
    const lines = linesOf(await teams.tap(zhangWei, 'form.preview', tier2Form, undefined, 'en-US'));

    expect(lines).toContain('What would pass (each changes one figure, the rest as they are)');
    expect(lines).toContain(
      '• A unit price of at least ¥35.00 on line 1 ("CLOUD-PBX") places the plan in Tier 1 authority.',
    );
  });
});
