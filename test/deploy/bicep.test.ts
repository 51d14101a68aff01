import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINER_ID, INDEXING_POLICY, PARTITION_KEY_PATH } from '../../src/store/cosmos/container-setup';

/**
 * No Bicep compiler installs from the npm registry here, so the container's definition is read from the
 * Bicep text: the block between `name: 'key'` and its closing bracket, its `path:` and `order:` values.
 */
const bicep = readFileSync(join(__dirname, '../../infra/cosmos.bicep'), 'utf8');

function block(name: string, open: '[' | '{' = '['): string {
  const start = bicep.indexOf(`${name}: ${open}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = bicep.indexOf(open, start); i < bicep.length; i += 1) {
    if (bicep[i] === open) depth += 1;
    if (bicep[i] === close && (depth -= 1) === 0) return bicep.slice(start, i + 1);
  }
  throw new Error(`unclosed ${name}`);
}
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
