import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityOf, locateEntity, registryFiles } from '../src/entity';

const registry = `{
  "version": 1,
  "entities": [
    {
      "id": "zhao-leji",
      "kind": "person",
      "roles": [{"title": "chairman", "of": "npc-standing-committee"}]
    },
    {"id":"npc-standing-committee", "kind": "organization"}
  ]
}`;

test('the entity id is read from a diagnostic\'s data', () => {
  assert.equal(entityOf({ entity: 'zhao-leji' }), 'zhao-leji');
  assert.equal(entityOf({ entity: '' }), undefined);
  assert.equal(entityOf({ entity: 7 }), undefined);
  assert.equal(entityOf('zhao-leji'), undefined);
  assert.equal(entityOf(null), undefined);
  assert.equal(entityOf(undefined), undefined);
});

test('an entity is found at its "id" member, not where another entity refers to it', () => {
  assert.deepEqual(locateEntity(registry, 'zhao-leji'), { line: 4, character: 6 });
  assert.deepEqual(locateEntity(registry, 'npc-standing-committee'), { line: 8, character: 5 });
  assert.equal(locateEntity(registry, 'zhao'), undefined);
});

test('ids with regex characters are matched literally', () => {
  assert.deepEqual(locateEntity('{"id": "a.b+c"}', 'a.b+c'), { line: 0, character: 1 });
  assert.equal(locateEntity('{"id": "aXb+c"}', 'a.b+c'), undefined);
});

test('registry files: copydesk.json first (relative to it), then the settings', () => {
  const files = registryFiles('/news', '{"registries": ["registry/people.json"], "severity": {}}', ['extra.json', '/abs/x.json']);
  assert.deepEqual(files, ['/news/registry/people.json', '/news/extra.json', '/abs/x.json']);
});

test('a missing or broken copydesk.json still leaves the settings\' registries', () => {
  assert.deepEqual(registryFiles('/news', undefined, ['a.json']), ['/news/a.json']);
  assert.deepEqual(registryFiles('/news', '{"registries": [', ['a.json']), ['/news/a.json']);
  assert.deepEqual(registryFiles('/news', '[]', []), []);
});
