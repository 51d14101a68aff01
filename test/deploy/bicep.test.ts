import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_VARIABLES, loadConfig } from '../../src/config';
import { CONTAINER_ID, INDEXING_POLICY, PARTITION_KEY_PATH } from '../../src/store/cosmos/container-setup';

/**
 * No Bicep compiler installs from the npm registry here, so the container's definition is read from the
 * Bicep text: the block between `name: 'key'` and its closing bracket, its `path:` and `order:` values.
 */
const root = join(__dirname, '../..');
const infra = join(root, 'infra');
const bicep = readFileSync(join(infra, 'cosmos.bicep'), 'utf8');

/** The text from `start` (where `open` is first found from there) to its matching closing bracket. */
function bracketed(text: string, start: number, open: '[' | '{' | '('): string {
  expect(start).toBeGreaterThanOrEqual(0);
  const close = { '[': ']', '{': '}', '(': ')' }[open];
  let depth = 0;
  for (let i = text.indexOf(open, start); i >= 0 && i < text.length; i += 1) {
    if (text[i] === open) depth += 1;
    if (text[i] === close && (depth -= 1) === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unclosed ${open} at ${start}`);
}
const block = (name: string, open: '[' | '{' = '[', text = bicep): string =>
  bracketed(text, text.indexOf(`${name}: ${open}`), open);
const strings = (text: string, field: string) =>
  [...text.matchAll(new RegExp(`${field}: '([^']*)'`, 'g'))].map((m) => m[1]);

describe('the Cosmos DB container in infra/cosmos.bicep', () => {
  it('is the container the code opens, partitioned by the same key', () => {
    expect(bicep).toContain(`name: '${CONTAINER_ID}'`);
    const partitionKey = block('partitionKey', '{');
    expect([...partitionKey.matchAll(/paths: \[([^\]]*)\]/g)].map((m) => m[1]?.trim())).toEqual([
      `'${PARTITION_KEY_PATH}'`,
    ]);
  });

  it('indexes exactly the paths, exclusions and composite indexes the code asks for', () => {
    expect(strings(block('includedPaths'), 'path')).toEqual(INDEXING_POLICY.includedPaths?.map((p) => p.path));
    expect(strings(block('excludedPaths'), 'path')).toEqual(INDEXING_POLICY.excludedPaths?.map((p) => p.path));
    const composite = block('compositeIndexes');
    expect(strings(composite, 'path')).toEqual(INDEXING_POLICY.compositeIndexes?.flat().map((c) => c.path));
    expect(strings(composite, 'order')).toEqual(INDEXING_POLICY.compositeIndexes?.flat().map((c) => c.order));
    expect(strings(block('indexingPolicy', '{'), 'indexingMode')).toEqual([INDEXING_POLICY.indexingMode]);
  });
});

const main = readFileSync(join(infra, 'main.bicep'), 'utf8');
const pilot = readFileSync(join(infra, 'pilot.bicepparam'), 'utf8');
const server = readFileSync(join(root, 'src/http/server.ts'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** A Bicep file's `param` declarations: name, and whether it has a default (`param x string = …`). */
const paramsOf = (text: string) =>
  [...text.matchAll(/^param (\w+) \w+(.*)$/gm)].map((m) => ({
    name: m[1] ?? '',
    hasDefault: /^\s*=/.test(m[2] ?? ''),
  }));
/** The names a .bicepparam file sets (`param x = …`). */
const setIn = (text: string) => [...text.matchAll(/^param (\w+)\s*=/gm)].map((m) => m[1]);
/** Every `{ name: 'X', value: … }` pair of main.bicep: the web app's settings, the ones set only on a condition too. */
const settings = new Map(
  [...main.matchAll(/\{\s*name: '([^']+)'\s*,?\s*value: (.*?)(?:\s*\})?$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
);
/** The body of `resource <symbol> '<type>@…'` in main.bicep. */
const resource = (symbol: string): { type: string; body: string } => {
  const start = main.search(new RegExp(`^resource ${symbol} '`, 'm'));
  const body = bracketed(main, start, '{');
  return { type: /'([^'@]+)@/.exec(body)?.[1] ?? '', body };
};
const field = (text: string, name: string) => new RegExp(`^\\s*${name}: (.+)$`, 'm').exec(text)?.[1]?.trim();

/**
 * Settings the deployment sets that src/config.ts does not read, and who reads each. Once the app reads one
 * itself (e.g. APPLICATIONINSIGHTS_CONNECTION_STRING through config.ts), it must leave this list.
 */
const READ_ELSEWHERE: Record<string, string> = {
  WEBSITE_RUN_FROM_PACKAGE: 'App Service: runs the zip deployed as the read-only wwwroot',
  AZURE_CLIENT_ID: "@azure/identity's DefaultAzureCredential: which user-assigned identity signs in to Cosmos DB",
};

describe('infra/main.bicep, the whole deployment', () => {
  it('deploys the Cosmos DB of cosmos.bicep as a module, passing exactly its parameters and the identity', () => {
    const modules = [...main.matchAll(/^module (\w+) '([^']+)'/gm)];
    expect(modules.map((m) => m[2])).toEqual(['cosmos.bicep']);
    for (const [, , file] of modules) expect(existsSync(join(infra, file ?? ''))).toBe(true);
    const moduleParams = block('params', '{', bracketed(main, main.indexOf('module cosmos'), '{'));
    const passed = [...moduleParams.slice(moduleParams.indexOf('{') + 1).matchAll(/^\s*(\w+):/gm)].map((m) => m[1]);
    expect(passed.length).toBeGreaterThan(0);
    const declared = paramsOf(bicep);
    expect(declared.filter((p) => !p.hasDefault).every((p) => passed.includes(p.name))).toBe(true);
    expect(passed.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
    expect(main).toMatch(/appPrincipalId: identity\.properties\.principalId/);
    expect(main).toMatch(/autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput/);
    // The role the module gives that identity: Cosmos DB Built-in Data Contributor, on the data plane.
    expect(bicep).toContain("'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@");
    expect(bicep).toContain('sqlRoleDefinitions/00000000-0000-0000-0000-000000000002');
  });

  it('has every parameter without a default set in infra/pilot.bicepparam, and nothing else there', () => {
    expect(pilot).toMatch(/^using 'main\.bicep'$/m);
    const params = paramsOf(main);
    const required = params.filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !setIn(pilot).includes(name))).toEqual([]);
    expect(setIn(pilot).filter((name) => !params.some((p) => p.name === name))).toEqual([]);
  });

  it('sizes the pilot small: B1 plan, F0 bot, 1,000 RU/s autoscale maximum', () => {
    expect(pilot).toMatch(/^param appServiceSku = 'B1'$/m);
    expect(pilot).toMatch(/^param botSku = 'F0'$/m);
    expect(pilot).toMatch(/^param cosmosAutoscaleMaxThroughput = 1000$/m);
  });

  it('sets only app settings the app (src/config.ts) or a named platform piece reads', () => {
    expect(settings.size).toBeGreaterThan(5);
    const unknown = [...settings.keys()].filter((n) => !ENVIRONMENT_VARIABLES.includes(n) && !(n in READ_ELSEWHERE));
    expect(unknown).toEqual([]);
    expect(Object.keys(READ_ELSEWHERE).filter((name) => ENVIRONMENT_VARIABLES.includes(name))).toEqual([]);
  });

  it('sets what running on Cosmos DB with the managed identity needs, and no Cosmos key', () => {
    for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'MicrosoftAppPassword'])
      expect([name, settings.has(name)]).toEqual([name, true]);
    expect(settings.get('PLANDESK_STORE')).toBe("'cosmos'");
    expect(settings.get('COSMOS_ENDPOINT')).toBe('cosmos.outputs.endpoint');
    expect(settings.get('COSMOS_DATABASE')).toBe('cosmos.outputs.databaseName');
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('appInsights.properties.ConnectionString');
    expect(settings.get('WEBSITE_RUN_FROM_PACKAGE')).toBe("'1'");
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(settings.has('COSMOS_KEY')).toBe(false);
    expect(main.replace(/^\s*\/\/.*$/gm, '')).not.toMatch(/listKeys|COSMOS_KEY/);
  });

  it('keeps the bot password out of settings: a @secure() param stored only as a Key Vault secret, read by reference', () => {
    expect(settings.get('MicrosoftAppPassword')).toMatch(
      /^'@Microsoft\.KeyVault\(SecretUri=\$\{vault\.properties\.vaultUri\}secrets\//,
    );
    expect(settings.get('PLANDESK_AUDIT_KEY')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=/);
    // Each secret parameter is @secure() and used only by its Key Vault secret, written only when given (a later
    // deployment without it in the shell keeps the stored one).
    for (const [param, symbol] of [
      ['botAppPassword', 'botPasswordSecret'],
      ['auditKey', 'auditKeySecret'],
    ] as const) {
      expect(main).toMatch(new RegExp(`@secure\\(\\)\\s*\\nparam ${param} string`));
      const secret = resource(symbol);
      expect(secret.type).toBe('Microsoft.KeyVault/vaults/secrets');
      expect(secret.body).toMatch(new RegExp(`^resource ${symbol} '[^']+' = if \\([^\\n]*!empty\\(${param}\\)\\) \\{`));
      expect(secret.body).toContain(`properties: { value: ${param} }`);
      const secretStart = main.indexOf(secret.body);
      const outside = [...main.matchAll(new RegExp(`\\b${param}\\b`, 'g'))]
        .map((m) => m.index ?? 0)
        .filter((i) => !/^(param |@description\(|\s*\/\/)/.test(main.slice(main.lastIndexOf('\n', i) + 1)))
        .filter((i) => i < secretStart || i > secretStart + secret.body.length);
      expect([param, outside]).toEqual([param, []]);
    }
    // The parameters file reads secrets from the deploying shell, never holds one.
    expect(pilot).toMatch(/^param botAppPassword = readEnvironmentVariable\(/m);
    expect(pilot).toMatch(/^param auditKey = readEnvironmentVariable\(/m);
    // The Key Vault is RBAC-mode, and the identity may read its secrets (Key Vault Secrets User).
    expect(resource('vault').body).toMatch(/enableRbacAuthorization: true/);
    expect(resource('secretsUser').body).toMatch(/principalId: identity\.properties\.principalId/);
    expect(main).toContain("keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'");
  });

  it('runs the web app on Node 22 LTS, always on, HTTPS only, resolving references with the identity', () => {
    const web = resource('web');
    expect(web.type).toBe('Microsoft.Web/sites');
    expect(field(web.body, 'linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(field(web.body, 'alwaysOn')).toBe('true');
    expect(field(web.body, 'httpsOnly')).toBe('true');
    expect(field(web.body, 'keyVaultReferenceIdentity')).toBe('identity.id');
    expect(web.body).toContain("userAssignedIdentities: { '${identity.id}': {} }");
    // Started as `npm start` starts it, without its rebuild (tsc is a dev dependency the package leaves out).
    expect(field(web.body, 'appCommandLine')).toBe(`'${pkg.scripts.start}'`);
    expect(resource('plan').body).toMatch(/reserved: true/);
    expect(resource('appInsights').body).toMatch(/WorkspaceResourceId: logs\.id/);
  });

  it('registers the bot as the type the app assumes when MicrosoftAppType is unset, and the pilot as that type', () => {
    const appDefault = loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' }).bot
      .appType;
    expect(appDefault).toBe('SingleTenant');
    expect(main).toMatch(new RegExp(`^param botAppType string = '${appDefault}'$`, 'm'));
    expect(pilot).toMatch(new RegExp(`^param botAppType = '${appDefault}'$`, 'm'));
  });

  it('probes a health path the server serves', () => {
    const path = /healthCheckPath: '([^']+)'/.exec(main)?.[1];
    expect(path).toBe('/livez');
    expect(server).toContain(`server.get('${path}'`);
  });

  it('registers the bot at the web app, by the type chosen, with its Teams channel; outputs host name and bot id', () => {
    const bot = resource('bot');
    expect(bot.type).toBe('Microsoft.BotService/botServices');
    expect(field(bot.body, 'kind')).toBe("'azurebot'");
    expect(field(bot.body, 'endpoint')).toBe("'https://${web.properties.defaultHostName}/api/messages'");
    expect(server).toContain("server.post('/api/messages'");
    expect(field(bot.body, 'msaAppType')).toBe('botAppType');
    expect(bracketed(main, main.search(/^param botAppType/m) - 40, '(')).toMatch(/'SingleTenant'\s+'UserAssignedMSI'/);
    expect(bot.body).toMatch(/msaAppMSIResourceId: identity\.id/);
    const teams = resource('teams');
    expect(teams.type).toBe('Microsoft.BotService/botServices/channels');
    expect(field(teams.body, 'name')).toBe("'MsTeamsChannel'");
    expect(field(teams.body, 'channelName')).toBe("'MsTeamsChannel'");
    expect([...main.matchAll(/^output (\w+) /gm)].map((m) => m[1])).toEqual(
      expect.arrayContaining(['webAppHostName', 'botId']),
    );
  });
});
