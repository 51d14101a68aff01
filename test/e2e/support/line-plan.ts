import type { PlaygroundChat } from './playground-chat';

const WAIT = 30_000;
const DIA_100M = 'DIA-100M 互联网专线 100M(每条) · 标准 ¥3,000.00/月';
export const APPLICATION_ID = /PP-\d{4}-\d{6}/;

/**
 * An account manager files a tier-1 plan in the Playground as a person would: 新建, the form filled
 * (4 DIA-100M lines at ¥2,400.00 for 12 months from the first month offered, one ops approval step),
 * 提交. Resolves with the plan's number and the card's text once the card shows the number.
 */
export async function fileLinePlan(
  chat: PlaygroundChat,
  customer: { name: string; groupId?: string },
): Promise<{ id: string; text: string }> {
  await chat.send('新建');
  const form = await chat.waitForCard('个性化方案申请', WAIT);
  const months = await form.choices('起始月份');
  await form.fillAll({
    营销活动: 'ACT-LINE-2026',
    客户名称: customer.name,
    集团编号: customer.groupId ?? 'G2100456',
    起始月份: months[0] ?? '',
    '有效期(月,1–36)': '12',
  });
  await form.fill('产品', DIA_100M, { nth: 0 });
  await form.fill('数量', '4', { nth: 0 });
  await form.fill('申请单价(元/月)', '2400.00', { nth: 0 });
  await form.fillAll({
    '预期收入(元)': '115200',
    预期用户数: '4',
    为什么需要超出标准营销活动: '四个厂区专线统一签约。',
  });
  const answered = await form.execute('提交');
  if (answered.status !== 200) throw new Error(`提交 answered HTTP ${answered.status}`);
  const text = await form.waitForText(APPLICATION_ID, WAIT);
  const id = APPLICATION_ID.exec(text)?.[0];
  if (!id) throw new Error(`the card shows no application number: ${text}`);
  return { id, text };
}
