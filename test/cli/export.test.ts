import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportApplications } from '../../src/app/export/export-applications';
import type { ApplicationExportRow } from '../../src/app/export/application-row';
import { openDesk, sunMin, type Desk } from '../app/approval/desk';
import { csvRows, HYPERLINK, plandesk, threePlans } from './support/export-desk';

describe('plandesk export', () => {
  let desk: Desk;
  let dir: string;
  beforeEach(async () => {
    desk = await openDesk();
    dir = mkdtempSync(join(tmpdir(), 'plandesk-export-'));
  });
  afterEach(async () => {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should export one row per application, newest first, with every column in Chinese and money in yuan', async () => {
    await threePlans(desk);
    const file = join(dir, 'plans.csv');
    const { code, out } = await plandesk(desk, ['export', 'applications', '--out', file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ file, format: 'csv', rows: 3 });
    const [header, ...rows] = csvRows(file);
    expect(header).toEqual([
      '方案编号',
      '营销单位',
      '申请人',
      '客户名称',
      '集团编号',
      '营销活动',
      '产品(数量 @ 单价,元)',
      '起始月份',
      '期限(月)',
      '收入(元)',
      '标准资费收入(元)',
      '成本(元)',
      '毛利率(%)',
      '折扣深度(%)',
      '补贴(元)',
      '酬金(元)',
      '档位',
      '审批路径',
      '审批记录',
      '状态',
      '提交时间',
      '生效时间',
      '评估',
      '抽检结论',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['PP-2026-000003', 'PP-2026-000002', 'PP-2026-000001']);
    // The line plan: 4 lines × ¥2,400 × 24 months = ¥230,400 against ¥288,000 standard (20% off), cost ¥115,200.
    expect(rows[2]).toEqual([
      'PP-2026-000001',
      '闵行分公司',
      '黄丽',
      '闵行精密制造有限公司',
      'G2100456',
      'ACT-LINE-2026',
      'DIA-100M 互联网专线 100M(每条) ×4 @2400.00',
      '2027-01',
      '24',
      '230400.00',
      '288000.00',
      '115200.00',
      '50.00',
      '20.00',
      '0.00',
      '0.00',
      '一级授权',
      '经营管理部审批:王芳,已批准 2026-12-01 11:30「同意」',
      '2026-12-01 11:30 王芳:经营管理部审批 · 批准(第 1 版)「同意」',
      '已批准,受理中',
      '2026-12-01 10:00',
      '',
      '',
      '2026-12 抽检发现问题(孙敏,2026-12-03 09:00):补贴凭证缺失',
    ]);
    // The IoT plan: four steps, the first pending on 李娜, none decided.
    expect(rows[0]?.[17]).toBe(
      '合作管理部审批:李娜,审批中;经营管理部审批:刘强,未开始;集客部领导审批:陈静,未开始;经营管理部综合审核:刘强,未开始',
    );
    expect(rows[0]?.[18]).toBe('');
  });

  it('should write UTF-8 with a BOM and leave a customer named like a formula inert', async () => {
    await threePlans(desk);
    const file = join(dir, 'plans.csv');
    await plandesk(desk, ['export', 'applications', '--out', file]);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"",""y"")",'+8621,`);
    const pbx = csvRows(file)[2];
    expect(pbx?.slice(3, 5)).toEqual([`'${HYPERLINK}`, "'+8621"]);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('should write an Excel workbook exceljs reads back, headers in English, figures as numbers and text as text', async () => {
    await threePlans(desk);
    const file = join(dir, 'plans.xlsx');
    const { code } = await plandesk(desk, ['export', 'applications', '--out', file, '--lang', 'en']);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Plans');
    expect(sheet?.rowCount).toBe(4);
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      'Plan number',
      'Unit',
      'Applicant',
      'Customer',
    ]);
    const pbx = sheet!.getRow(3);
    expect(pbx.getCell(1).value).toBe('PP-2026-000002');
    // Text is a text cell, never a formula: the name reads as typed and nothing runs.
    expect(pbx.getCell(4).value).toBe(HYPERLINK);
    expect(pbx.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(pbx.getCell(10).value).toBe(72000);
    expect(pbx.getCell(10).numFmt).toBe('0.00');
    expect(pbx.getCell(13).value).toBe(26.38);
    expect(pbx.getCell(17).value).toBe('Tier 2 authority');
    expect(pbx.getCell(20).value).toBe('Returned for revision');
  });

  it('should export only the applications of the units, states and Shanghai days asked for', async () => {
    await threePlans(desk);
    const numbers = async (...filter: string[]) => {
      const file = join(dir, `f${Math.random()}.csv`);
      const { code } = await plandesk(desk, ['export', 'applications', ...filter, '--out', file]);
      expect(code).toBe(0);
      return csvRows(file)
        .slice(1)
        .map((r) => r[0]);
    };
    expect(await numbers('--state', 'returned')).toEqual(['PP-2026-000002']);
    expect(await numbers('--state', 'returned', '--state', 'in_review')).toEqual(['PP-2026-000003', 'PP-2026-000002']);
    expect(await numbers('--unit', 'minhang-branch')).toEqual(['PP-2026-000001']);
    expect(await numbers('--from', '2026-12-02', '--to', '2026-12-02')).toEqual(['PP-2026-000002']);
    expect(await numbers('--from', '2026-12-02')).toEqual(['PP-2026-000003', 'PP-2026-000002']);
    expect(await numbers('--unit', 'pudong-branch', '--to', '2026-12-01')).toEqual([]);
  });

  it('should refuse, with exit code 2 and no file, what it cannot export', async () => {
    const refused = async (...args: string[]) => {
      const result = await plandesk(desk, ['export', ...args]);
      expect(result.code).toBe(2);
      return result.err;
    };
    expect(await refused('applications')).toContain('--out');
    expect(await refused('applications', '--out', join(dir, 'plans.pdf'))).toContain('.csv 或 .xlsx');
    expect(await refused('applications', '--unit', 'nowhere', '--out', join(dir, 'a.csv'))).toContain(
      '没有单位 nowhere',
    );
    expect(await refused('applications', '--state', 'lost', '--out', join(dir, 'a.csv'))).toContain('没有状态 lost');
    expect(await refused('applications', '--from', '2026-12-5', '--out', join(dir, 'a.csv'))).toContain('--from');
    expect(
      await refused('applications', '--from', '2026-12-05', '--to', '2026-12-01', '--out', join(dir, 'a.csv')),
    ).toContain('早于');
    expect(await refused('audit', '--out', join(dir, 'audit.xlsx'), '--lang', 'en')).toContain('.csv only');
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
  });

  it('should export the audit trail in write order, each entry with the hash before it and its own', async () => {
    await threePlans(desk);
    const file = join(dir, 'audit.csv');
    const { code, out } = await plandesk(desk, ['export', 'audit', '--out', file, '--lang', 'en']);
    expect(code).toBe(0);
    const [header, ...rows] = csvRows(file);
    expect(header).toEqual([
      'Chain',
      'Position',
      'Time (UTC)',
      'Actor ID',
      'Actor',
      'Action',
      'Subject',
      'Before (JSON)',
      'After (JSON)',
      'Previous hash',
      'Hash',
    ]);
    expect(JSON.parse(out)).toMatchObject({ rows: rows.length });
    // One chain on SQLite: each entry's hash before is the hash of the row above it, from the chain's start.
    expect(rows.map((r) => r[9])).toEqual(['0'.repeat(64), ...rows.slice(0, -1).map((r) => r[10])]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r[10] ?? ''))).toBe(true);
    const finding = rows.find((r) => r[5] === 'spot_check.finding' && r[6] === 'PP-2026-000001');
    expect(finding?.slice(2, 9)).toEqual([
      '2026-12-03T01:00:00.000Z',
      sunMin,
      '孙敏',
      'spot_check.finding',
      'PP-2026-000001',
      'null',
      '{"month":"2026-12","result":"issue","note":"补贴凭证缺失"}',
    ]);
    // Only what was written on 2 December (Shanghai): the cloud PBX plan filed and returned.
    const day = join(dir, 'day.csv');
    await plandesk(desk, ['export', 'audit', '--from', '2026-12-02', '--to', '2026-12-02', '--out', day]);
    expect(
      csvRows(day)
        .slice(1)
        .map((r) => `${r[5]} ${r[6]}`),
    ).toEqual(['submit PP-2026-000002', 'decide.return PP-2026-000002']);
  });

  it('should read applications a page at a time and report progress every so many rows', async () => {
    await threePlans(desk);
    const rows: ApplicationExportRow[] = [];
    const progress: number[] = [];
    const pages = jest.spyOn(desk.store.applications, 'page');
    const { rows: count } = await exportApplications(
      desk.store,
      {},
      { write: async (row) => void rows.push(row) },
      { pageSize: 1, progressEvery: 2, onProgress: (n) => progress.push(n) },
    );
    expect(count).toBe(3);
    expect(rows.map((r) => r.id)).toEqual(['PP-2026-000003', 'PP-2026-000002', 'PP-2026-000001']);
    expect(pages.mock.calls.map(([, limit]) => limit)).toEqual([1, 1, 1]);
    expect(progress).toEqual([2]);
  });
});
