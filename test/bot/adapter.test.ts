import { CloudAdapter } from 'botbuilder';
import { createAdapter } from '../../src/bot/adapter';
import { createJsonLog } from '../../src/log';
import { loadConfig } from '../../src/config';
import { close, createServer, isLoopback, listen } from '../../src/http/server';

const log = createJsonLog('silent');

describe('createAdapter', () => {
  // botbuilder asserts its own rules for each app type when the adapter is built; any environment
  // loadConfig accepts must get past them, or a bad deployment would fail later than at start.
  it.each([
    ['anonymous (no app id)', {}],
    ['MultiTenant', { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret' }],
    [
      'SingleTenant by default',
      { MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant-1' },
    ],
    [
      'SingleTenant',
      {
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: 'app-1',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: 'tenant-1',
      },
    ],
    [
      'UserAssignedMSI',
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'app-1', MicrosoftAppTenantId: 'tenant-1' },
    ],
  ])('should build a CloudAdapter for every identity loadConfig accepts: %s', (_name, env) => {
    const adapter = createAdapter(loadConfig(env), log);

    expect(adapter).toBeInstanceOf(CloudAdapter);
    expect(adapter.onTurnError).toBeDefined();
  });
});

/** A token shaped like Bot Framework's (signed by nobody): validating it needs the signing keys, which are out of reach here. */
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = [
  b64({ alg: 'RS256', kid: 'forged-key', typ: 'JWT' }),
  b64({ iss: 'https://api.botframework.com', aud: 'app-1', exp: Math.floor(Date.now() / 1000) + 3600 }),
  'c2lnbmF0dXJl',
].join('.');

describe('the HTTP edge in authenticated mode', () => {
  it('refuses a request without a Bearer token with 401 before reading its body, and a token nobody can check with 401 and a neutral body', async () => {
    const config = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 't-1' });
    const adapter = createAdapter(config, log);
    let turns = 0;
    const server = createServer({ adapter, bot: { run: async () => void turns++ }, log, requireBearer: true });
    const address = await listen(server, 0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${address.port}/api/messages`;
      // A body far over the limit: with no token it is refused on its headers, not with 413 after reading it.
      const unauthenticated = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(unauthenticated.status).toBe(401);
      expect(await unauthenticated.json()).toEqual({ error: 'unauthorized' });
      const basic = await fetch(url, { method: 'POST', headers: { authorization: 'Basic abc' }, body: '{}' });
      expect(basic.status).toBe(401);
      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${JWT}` },
        body: JSON.stringify({
          type: 'message',
          text: 'hi',
          serviceUrl: 'https://smba.trafficmanager.net/apac/',
          conversation: { id: 'c' },
          from: { id: 'u' },
          recipient: { id: 'b' },
        }),
      });
      // Validating a token needs Bot Framework's signing keys, out of reach here: 401, neutral, never the fetch's error.
      expect(forged.status).toBe(401);
      expect(await forged.json()).toEqual({ error: 'unauthorized' });
      // An activity pointing the bot's replies (and its token) at another host is refused.
      const elsewhere = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${JWT}` },
        body: JSON.stringify({
          type: 'message',
          text: 'hi',
          serviceUrl: 'https://collector.example/',
          conversation: { id: 'c' },
          from: { id: 'u' },
          recipient: { id: 'b' },
        }),
      });
      expect(elsewhere.status).toBe(400);
      expect(await elsewhere.text()).toContain("serviceUrl: not Bot Framework's");
      expect(turns).toBe(0);
    } finally {
      await close(server);
    }
  });
});

describe('anonymous mode answers this machine only', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['fd00::2', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, loopback) => {
    expect(isLoopback(address)).toBe(loopback);
  });
});
