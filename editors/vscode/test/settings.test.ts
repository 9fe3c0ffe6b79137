import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binaryName, serverCommand, serverConfig } from '../src/settings';

test('settings left at their defaults send nothing, so copydesk.json decides', () => {
  assert.deepEqual(serverConfig([], {}), { config: {}, problems: [] });
  assert.deepEqual(serverConfig(undefined, undefined), { config: {}, problems: [] });
});

test('registries and severities pass through in the shape of copydesk.json', () => {
  const mapped = serverConfig(['registry/people.json', 'registry/places.json'], {
    'unattributed-claim': 'information',
    'title-inconsistent': 'off',
  });
  assert.deepEqual(mapped, {
    config: {
      registries: ['registry/people.json', 'registry/places.json'],
      severity: { 'unattributed-claim': 'information', 'title-inconsistent': 'off' },
    },
    problems: [],
  });
});

test('blank registry entries are dropped and the rest trimmed', () => {
  assert.deepEqual(serverConfig(['  a.json ', '', '   '], {}).config, { registries: ['a.json'] });
});

test('${workspaceFolder} and ~/ are expanded, other relative paths are left to the server', () => {
  const { config } = serverConfig(['${workspaceFolder}/reg.json', '~/desk/people.json', 'rel.json', 'a/~/b.json'], {}, {
    folder: '/news',
    home: '/home/ana',
  });
  assert.deepEqual(config.registries, ['/news/reg.json', '/home/ana/desk/people.json', 'rel.json', 'a/~/b.json']);
});

test('unknown codes and levels are dropped and named, the valid ones kept', () => {
  const { config, problems } = serverConfig([], {
    'name-mispelling': 'off',
    'title-mismatch': 'loud',
    'name-misspelling': 'hint',
  });
  assert.deepEqual(config, { severity: { 'name-misspelling': 'hint' } });
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /unknown finding code "name-mispelling"/);
  assert.match(problems[1]!, /"title-mismatch" cannot be "loud"/);
});

test('values of the wrong type are reported, not sent', () => {
  const { config, problems } = serverConfig('people.json', ['error'], {});
  assert.deepEqual(config, {});
  assert.equal(problems.length, 2);
  const nonString = serverConfig(['a.json', 3], {});
  assert.deepEqual(nonString.config, { registries: ['a.json'] });
  assert.match(nonString.problems[0]!, /3 is not a path/);
});

test('the binary: the setting, else the bundled one, else copydesk on PATH', () => {
  assert.deepEqual(serverCommand(' /opt/copydesk ', '/ext/bin/copydesk'), { command: '/opt/copydesk', origin: 'setting' });
  assert.deepEqual(serverCommand('~/bin/copydesk', undefined, '/home/ana'), { command: '/home/ana/bin/copydesk', origin: 'setting' });
  assert.deepEqual(serverCommand('', '/ext/bin/copydesk'), { command: '/ext/bin/copydesk', origin: 'bundled' });
  assert.deepEqual(serverCommand(undefined, undefined), { command: 'copydesk', origin: 'path' });
  assert.deepEqual(serverCommand('   ', undefined), { command: 'copydesk', origin: 'path' });
});

test('the bundled binary has an .exe name only on Windows', () => {
  assert.equal(binaryName('win32'), 'copydesk.exe');
  assert.equal(binaryName('linux'), 'copydesk');
  assert.equal(binaryName('darwin'), 'copydesk');
});
