import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  findPerson,
  loadDirectory,
  OTHER_USERS,
  PLAYGROUND_CONFIG_FILE,
  playgroundConfigFor,
  renderPlaygroundYaml,
} from '../../../scripts/support/playground-config';

describe('the Agents Playground config', () => {
  const directory = loadDirectory();

  it('is committed as generated from the sample directory, signing in 张伟', () => {
    const expected = renderPlaygroundYaml(playgroundConfigFor(directory, findPerson(directory, '张伟')));

    // If this fails: npx tsx scripts/playground.ts --print-config > .m365agentsplayground.yml
    expect(readFileSync(PLAYGROUND_CONFIG_FILE, 'utf8')).toBe(expected);
  });

  it('gives every person the aadObjectId the directory gives them', () => {
    const config = playgroundConfigFor(directory, findPerson(directory, '周杰'));

    for (const user of [config.currentUser, ...config.users])
      expect(findPerson(directory, user.aadObjectId).name).toBe(user.name);
    expect(config.currentUser).toMatchObject({
      id: '29:zhou.jie',
      name: '周杰',
      aadObjectId: '00000000-0000-0000-0000-00000000c003',
      surname: '周',
      givenName: '杰',
    });
  });

  it('names exactly five other users, approvers first, never the signed-in person', () => {
    const config = playgroundConfigFor(directory, findPerson(directory, '李娜'));

    expect(config.users).toHaveLength(OTHER_USERS);
    expect(config.users.map((u) => u.name)).toEqual(['王芳', '刘强', '陈静', '赵磊', '周杰']);
  });

  it('gives each person a personal chat of their own and reads back as the YAML the Playground parses', () => {
    const zhang = playgroundConfigFor(directory, findPerson(directory, 'zhang.wei'));
    const li = playgroundConfigFor(directory, findPerson(directory, 'li.na@plandesk.example'));

    expect(zhang.personalChat.id).not.toBe(li.personalChat.id);
    expect(parse(renderPlaygroundYaml(li))).toEqual(li);
  });

  it('finds people by name, e-mail, its local part or aadObjectId, and names the choices when nobody matches', () => {
    expect(findPerson(directory, '00000000-0000-0000-0000-00000000b003').name).toBe('刘强');
    expect(() => findPerson(directory, 'nobody')).toThrow(/choose one of: 张伟 \(zhang.wei\)/);
  });
});
