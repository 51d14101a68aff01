import { lineForm } from '../support/forms';
import { linesOf, PEOPLE, TeamsHarness, textOf, type Someone } from '../support/teams-harness';

const { zhangWei, wangFang, zhaoLei, chenJing } = PEOPLE;
const stranger = { aad: '00000000-0000-0000-0000-0000000000ff', name: '路人' } as unknown as Someone;

describe('the preview shows cost and margin: account managers and ops only', () => {
  let teams: TeamsHarness;
  afterEach(async () => teams.stop());

  it('previews for 张伟 and 王芳, and refuses support, a leader and someone not in the directory, in words, audited', async () => {
    teams = await TeamsHarness.start();
    for (const who of [zhangWei, wangFang]) {
      const preview = await teams.tap(who, 'form.preview', lineForm);
      expect(linesOf(preview)).toContain('预览结果:需要审批 · 一级授权 · 经营管理部审批');
      expect(textOf(preview)).toContain('毛利率');
    }
    for (const who of [zhaoLei, chenJing, stranger]) {
      const refused = await teams.tap(who, 'form.preview', lineForm);
      expect(linesOf(refused)).toContain('方案预审(含成本与毛利)只对营销单位的客户经理和经营管理部开放。');
      expect(textOf(refused)).not.toContain('毛利率');
    }
    const audit = await teams.app.store.audit.about('unit:pudong-branch');
    expect(audit.filter((e) => e.action === 'refused.preview_not_allowed').map((e) => e.actor)).toEqual([
      zhaoLei.aad,
      chenJing.aad,
      stranger.aad,
    ]);
  });
});
