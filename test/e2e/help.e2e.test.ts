import { E2eSession } from './support/e2e-session';

// The real bot, the Agents Playground and Chromium: each step takes seconds, not milliseconds.
jest.setTimeout(120_000);

const ZHANG_WEI = '00000000-0000-0000-0000-00000000a001';
const ZHOU_JIE = '00000000-0000-0000-0000-00000000c003';
const ZH_TITLE = 'PlanDesk 个性化方案助手';
const EN_TITLE = 'PlanDesk personalized plan assistant';

describe('help, end to end in the Agents Playground', () => {
  let session: E2eSession | undefined;

  beforeAll(async () => {
    session = await E2eSession.start('help');
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  }, 60_000);

  const e2e = (): E2eSession => {
    if (!session) throw new Error('the end-to-end session did not start; see the error in beforeAll');
    return session;
  };

  it('greets 张伟 with the help card when the Playground installs PlanDesk, and shows it again when he types help', async () => {
    const chat = await e2e().openAs('张伟');

    expect(await chat.botMessages().first().innerText()).toContain(ZH_TITLE);
    await chat.send('help');
    const card = await chat.waitForCard(ZH_TITLE);

    expect(await card.text()).toContain('可以这样说');
    await e2e().screenshot(chat, 'zhang-wei-help');
    const sent = chat.playground.relay.activities.find((a) => a.type === 'message' && a.text === 'help');
    expect(sent).toMatchObject({
      locale: 'zh-CN',
      from: { name: '张伟', aadObjectId: ZHANG_WEI },
      conversation: { conversationType: 'personal' },
    });
    await e2e().close(chat);
  });

  it('answers in English when the bot gets the Playground locale as it is, for the Playground always sends en-US', async () => {
    const chat = await e2e().openAs('张伟', { clientLocale: null });

    await chat.send('帮助');
    const card = await chat.waitForCard(EN_TITLE);

    expect(await card.text()).toContain('You can say');
    expect(chat.playground.relay.activities.find((a) => a.type === 'message')?.locale).toBe('en-US');
    await e2e().close(chat);
  });

  it('signs in as 周杰 instead by restarting the Playground with his config, and he gets help in his locale, en-US', async () => {
    const chat = await e2e().openAs('周杰');

    await chat.signedInName().waitFor({ state: 'visible' });
    await chat.send('help');
    const card = await chat.waitForCard(EN_TITLE);

    await e2e().screenshot(card.root, 'zhou-jie-help-card');
    const sent = chat.playground.relay.activities.find((a) => a.type === 'message' && a.text === 'help');
    expect(sent?.from).toMatchObject({ id: '29:zhou.jie', name: '周杰', aadObjectId: ZHOU_JIE });
  });
});
