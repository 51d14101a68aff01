import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, Attachment } from 'botbuilder';
import ExcelJS from 'exceljs';
import { lineForm } from '../support/forms';
import { PEOPLE, TeamsHarness, linesOf, type CardJson, type Someone } from '../support/teams-harness';

const { zhangWei, huangLi, liNa, wangFang, liuQiang, chenJing, zhaoLei, sunMin, zhouJie } = PEOPLE;
const HYPERLINK = '=HYPERLINK("http://x","y")';
const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** What the stand-in OneDrive upload session received: each PUT's headers and bytes. */
interface Put {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A stand-in for the upload session Teams gives on accept: records every PUT, answering 201 (or `failWith`). */
async function startUploadSession(): Promise<{ server: Server; url: string; puts: Put[]; failWith: number | null }> {
  const session = { puts: [] as Put[], failWith: null as number | null };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      session.puts.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(session.failWith ?? 201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(session.failWith ? { error: { code: 'generalException' } } : { id: 'drive-item-1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(session, { server, url });
}

/** The file-consent card of a reply, or undefined when the reply is not one. */
const consentOf = (reply: Partial<Activity> | undefined) => {
  const attachment = reply?.attachments?.[0] as Attachment | undefined;
  if (attachment?.contentType !== FILE_CONSENT) return undefined;
  return {
    name: attachment.name ?? '',
    ...(attachment.content as { description: string; sizeInBytes: number; acceptContext: unknown }),
  };
};

/** The workbook a PUT carried, read back with exceljs: the sheet's rows as plain values. */
async function rowsOf(bytes: Buffer): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

describe('导出 / export: plans as an Excel file through Teams’ file flow in the 1:1 chat', () => {
  let teams: TeamsHarness;
  let upload: Awaited<ReturnType<typeof startUploadSession>>;

  beforeEach(async () => {
    teams = await TeamsHarness.start(); // Tuesday 1 Dec 2026, 10:00
    upload = await startUploadSession();
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    // Two plans from 浦东 (one for a customer named like a formula), one from 闵行.
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 'x-1' });
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, customerName: HYPERLINK, draftId: 'x-2' });
    await teams.tap(huangLi, 'form.submit', { ...lineForm, unit: 'minhang-branch', draftId: 'x-3' });
    await teams.app.deliveriesSettled();
  });
  afterEach(async () => {
    await new Promise((resolve) => upload.server.close(resolve));
    await teams.stop();
  });

  /** Someone says the words; the consent card PlanDesk answered with, and its activity id. */
  async function offer(who: Someone, words: string, locale = 'zh-CN') {
    const [reply] = await teams.say(who, words, locale);
    const card = consentOf(reply);
    if (!reply || !card) throw new Error(`no consent card for "${words}": ${JSON.stringify(reply)}`);
    return { card, activityId: teams.activityIdOf(reply) };
  }

  /** What Teams sends on accept: the card's context, and the upload session for the file it named. */
  const accepted = (card: { name: string; acceptContext: unknown }) => ({
    action: 'accept' as const,
    context: card.acceptContext,
    uploadInfo: {
      name: card.name,
      uploadUrl: `${upload.url}/upload-session/1`,
      contentUrl: `https://contoso.sharepoint.com/personal/wang_fang/Documents/Applications/${encodeURIComponent(card.name)}`,
      uniqueId: 'B5A7E2D1-0000-4000-8000-000000000001',
      fileType: 'xlsx',
    },
  });

  const pudongPlans = async () =>
    (await teams.app.store.applications.list())
      .filter((r) => r.input.unit === 'pudong-branch')
      .map((r) => r.id)
      .reverse();

  it('offers ops a named Excel file saying what it holds, uploads it on accept and shows it with a line, once', async () => {
    const { card, activityId } = await offer(wangFang, '导出 浦东');
    expect(card.name).toBe('PlanDesk-导出-2026-12-01.xlsx');
    expect(card.description).toMatch(/^浦东分公司:共 2 个方案,每个方案一行/);
    expect(card.sizeInBytes).toBeGreaterThan(1000);
    expect(upload.puts).toHaveLength(0);

    const { status, replies } = await teams.answerConsent(wangFang, accepted(card), activityId);
    expect(status).toBe(200);
    // The file went into the upload session whole, in one range that says so.
    expect(upload.puts).toHaveLength(1);
    const [put] = upload.puts;
    expect(put?.headers['content-range']).toBe(`bytes 0-${(put?.body.length ?? 0) - 1}/${put?.body.length}`);
    expect(put?.headers.authorization).toBeUndefined();

    // One row per 浦东 plan, newest first, headers in Chinese; the formula-like name is text, not a formula.
    const { sheet, rows } = await rowsOf(put?.body ?? Buffer.alloc(0));
    expect(sheet.name).toBe('个性化方案');
    expect(rows[0]?.slice(0, 4)).toEqual(['方案编号', '营销单位', '申请人', '客户名称']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(await pudongPlans());
    expect(rows.slice(1).map((r) => r[1])).toEqual(['浦东分公司', '浦东分公司']);
    const formulaLike = sheet.getRow(2).getCell(4);
    expect(formulaLike.value).toBe(HYPERLINK);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);

    // The file's card, as Teams placed it, with a line saying what was exported.
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toBe('已导出 2 个方案(浦东分公司),文件如下。');
    expect(replies[0]?.attachments).toEqual([
      {
        contentType: FILE_INFO,
        name: 'PlanDesk-导出-2026-12-01.xlsx',
        contentUrl: accepted(card).uploadInfo.contentUrl,
        content: { uniqueId: 'B5A7E2D1-0000-4000-8000-000000000001', fileType: 'xlsx' },
      },
    ]);
    // The consent card now says it was sent, so it offers nothing more.
    const updates = teams.updatesTo(wangFang);
    expect(updates.map((u) => [u.activityId, linesOf(u.card)])).toEqual([
      [activityId, '已发送 PlanDesk-导出-2026-12-01.xlsx(共 2 个方案)。'],
    ]);

    // Audited: offered and sent, each with the filter used and the count.
    const { exportId } = card.acceptContext as { exportId: string };
    const audited = await teams.app.store.audit.about(`export:${exportId}`);
    expect(audited.map((e) => [e.action, e.actor])).toEqual([
      ['export.offer', wangFang.aad],
      ['export', wangFang.aad],
    ]);
    expect(audited[1]?.after).toEqual({
      filter: {
        states: [],
        steps: [],
        overdue: false,
        flagged: false,
        submittedFrom: null,
        submittedBefore: null,
        activeFrom: null,
        activeTo: null,
        terms: ['浦东'],
        typed: [],
      },
      rows: 2,
    });

    // The same card accepted again (a replay) sends nothing more.
    const again = await teams.answerConsent(wangFang, accepted(card), activityId);
    expect(again.status).toBe(200);
    expect(upload.puts).toHaveLength(1);
    expect(again.replies).toHaveLength(0);
    expect(linesOf(teams.updatesTo(wangFang).at(-1)?.card ?? {})).toBe(
      '这份导出已经发送过了,文件在上方。如需最新数据,请再次发送“导出”。',
    );
  });

  it('exports for the ops head, leadership and the auditors; refuses everyone else in words, audited', async () => {
    for (const who of [liuQiang, chenJing, sunMin]) {
      const { card } = await offer(who, '导出');
      expect(card.description).toMatch(/^全部方案:共 3 个方案/);
    }
    const refusals: string[] = [];
    for (const who of [zhangWei, liNa, zhaoLei, zhouJie]) {
      const [reply] = await teams.say(who, '导出', 'zh-CN');
      expect(consentOf(reply)).toBeUndefined();
      refusals.push(String(reply?.text));
    }
    expect(new Set(refusals)).toEqual(
      new Set(['导出方案仅限经营管理部、集客部领导和稽核。如需查看方案,请发送“列表”。']),
    );
    const trail = await teams.app.store.audit.page({ subjectPrefix: 'export:' }, 100);
    expect(
      trail.entries
        .filter((e) => e.entry.action === 'refused.not_exporter')
        .map((e) => e.entry.actor)
        .sort(),
    ).toEqual([zhangWei.aad, liNa.aad, zhaoLei.aad, zhouJie.aad].sort());

    // In a channel nothing is offered: figures only in the 1:1 chat.
    const [inChannel] = await teams.sayInChannel(wangFang, '19:ops@thread.tacv2', '导出');
    expect(inChannel?.text).toBe('方案内容保密:请在与 PlanDesk 的私聊中使用此功能。');
    expect(consentOf(inChannel)).toBeUndefined();
  });

  it('checks the role again on accept: a card forged for an account manager sends nothing', async () => {
    const { card } = await offer(wangFang, '导出');
    const forged = await teams.answerConsent(zhangWei, accepted(card), 'reply-forged');
    expect(forged.status).toBe(200);
    expect(upload.puts).toHaveLength(0);
    expect(forged.replies).toHaveLength(0);
    expect(linesOf(teams.updatesTo(zhangWei)[0]?.card ?? {})).toBe(
      '导出方案仅限经营管理部、集客部领导和稽核。如需查看方案,请发送“列表”。',
    );
    const { exportId } = card.acceptContext as { exportId: string };
    const audited = await teams.app.store.audit.about(`export:${exportId}`);
    expect(audited.map((e) => [e.action, e.actor])).toEqual([
      ['export.offer', wangFang.aad],
      ['refused.not_exporter', zhangWei.aad],
    ]);
  });

  it('says on the card that nothing was sent when declined, and reads no card it did not make', async () => {
    const { card, activityId } = await offer(sunMin, '导出 审批中');
    const declined = await teams.answerConsent(sunMin, { action: 'decline', context: card.acceptContext }, activityId);
    expect(declined.status).toBe(200);
    expect(declined.replies).toHaveLength(0);
    expect(upload.puts).toHaveLength(0);
    expect(teams.updatesTo(sunMin).map((u) => [u.activityId, linesOf(u.card)])).toEqual([
      [activityId, '您没有接受,文件未发送。需要时请再次发送“导出”。'],
    ]);
    const audited = await teams.app.store.audit.page({ subjectPrefix: 'export:' }, 100);
    expect(audited.entries.map((e) => e.entry.action)).toEqual(['export.offer']);

    // A context that is not an export's (or a filter changed out of shape) is refused before anything runs.
    const tampered = { ...(card.acceptContext as object), filter: { states: ['everything'] } };
    await teams.answerConsent(sunMin, { ...accepted(card), context: tampered }, activityId);
    expect(upload.puts).toHaveLength(0);
    expect(linesOf(teams.updatesTo(sunMin).at(-1)?.card ?? {})).toBe(
      'PlanDesk 无法识别这张卡片,没有发送任何文件。请再次发送“导出”。',
    );
  });

  it('says so when the upload fails, claims nothing was sent, and audits the failure with the filter the card carried', async () => {
    const { card, activityId } = await offer(wangFang, '导出 客户:浦东精密');
    expect(card.description).toMatch(/:共 2 个方案/);
    upload.failWith = 500;
    const { replies } = await teams.answerConsent(wangFang, accepted(card), activityId);
    expect(upload.puts).toHaveLength(1);
    expect(replies.map((r) => [r.text, r.attachments ?? []])).toEqual([
      ['文件未能保存到您的 OneDrive(HTTP 500),没有发送任何文件。请稍后再次发送“导出”;如果问题持续,请联系管理员。', []],
    ]);
    expect(linesOf(teams.updatesTo(wangFang)[0]?.card ?? {})).toBe('文件未发送:保存到 OneDrive 时失败。');
    const { exportId } = card.acceptContext as { exportId: string };
    const audited = await teams.app.store.audit.about(`export:${exportId}`);
    expect(audited.map((e) => e.action)).toEqual(['export.offer', 'export.failed']);
    expect(audited[1]?.after).toMatchObject({ rows: 2, filter: { typed: [{ kind: 'customer', word: '浦东精密' }] } });
  });

  it('answers an empty selection in words, without a file', async () => {
    const [reply] = await teams.say(wangFang, '导出 没有这个客户');
    expect(consentOf(reply)).toBeUndefined();
    expect(reply?.text).toBe(
      '没有符合条件的方案(客户含“没有这个客户”),未生成文件。可以换个条件,或只发送“导出”导出您可查看的全部方案。',
    );
  });

  it('speaks English to an English Teams: the file, its headers and what was exported', async () => {
    const { card, activityId } = await offer(liuQiang, 'export in_review 闵行', 'en-US');
    expect(card.name).toBe('PlanDesk-export-2026-12-01.xlsx');
    expect(card.description).toMatch(/^In review · 闵行分公司: 1 plan\(s\), one row each/);
    const { replies } = await teams.answerConsent(liuQiang, accepted(card), activityId, 'en-US');
    const { sheet, rows } = await rowsOf(upload.puts[0]?.body ?? Buffer.alloc(0));
    expect(sheet.name).toBe('Plans');
    expect(rows[0]?.slice(0, 4)).toEqual(['Plan number', 'Unit', 'Applicant', 'Customer']);
    expect(rows).toHaveLength(2);
    expect(replies[0]?.text).toBe('Exported 1 plan(s) (In review · 闵行分公司); here is the file.');
    expect(linesOf(teams.updatesTo(liuQiang)[0]?.card ?? ({} as CardJson))).toBe(
      'Sent PlanDesk-export-2026-12-01.xlsx (1 plan(s)).',
    );
  });
});
