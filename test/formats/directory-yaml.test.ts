import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDirectoryYaml } from '../../src/formats/directory-yaml';
import { describeInputError } from '../../src/i18n/describe-input-error';

const sample = readFileSync(join(__dirname, '../../config/samples/directory.yaml'), 'utf8');

describe('reading the directory YAML', () => {
  it('reads the sample directory: units, and people with roles and delegates', () => {
    const parsed = parseDirectoryYaml(sample);
    if (!parsed.ok) throw new Error(describeInputError(parsed.error, 'en-US').join('\n'));
    expect(parsed.value.units.map((u) => u.id)).toEqual([
      'pudong-branch',
      'minhang-branch',
      'industry-finance',
      'video-ops',
    ]);
    expect(parsed.value.people.find((p) => p.name === '王芳')).toMatchObject({
      roles: ['ops_approver'],
      delegate: '00000000-0000-0000-0000-00000000b003',
    });
  });

  it('refuses a person in a unit that does not exist, and a delegate nobody is', () => {
    const bad = sample
      .replace('unit: minhang-branch }', 'unit: songjiang-branch }')
      .replace('delegate: 00000000-0000-0000-0000-00000000b003', 'delegate: nobody');
    const parsed = parseDirectoryYaml(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(describeInputError(parsed.error, 'en-US')).toEqual([
        'directory.yaml: "people[1].unit" is not right: refers to songjiang-branch, which does not exist',
        'directory.yaml: "people[3].delegate" is not right: refers to nobody, which does not exist',
      ]);
    }
  });

  it('refuses a role PlanDesk does not know', () => {
    const parsed = parseDirectoryYaml(sample.replace('roles: [leader]', 'roles: [ceo]'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(describeInputError(parsed.error, 'en-US')[0]).toContain('people[5].roles[0]');
  });
});
