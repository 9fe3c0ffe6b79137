// Finding a registry entity's entry from the client side, for servers that do not answer the
// `copydesk/entityLocation` request: the entity id comes from a diagnostic's `data`, and the entry
// is found by its `"id"` in the registry files that `copydesk.json` and the settings name.
// Pure functions over text, unit-tested without VS Code.

import * as path from 'node:path';

/** The custom request the server answers with the registry `Location` of the entity at a position. */
export const ENTITY_LOCATION_REQUEST = 'copydesk/entityLocation';

/** The entity id a copydesk diagnostic carries in `data` (`{"entity": "zhao-leji"}`). */
export function entityOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'entity' in data) {
    const entity = (data as { entity: unknown }).entity;
    return typeof entity === 'string' && entity !== '' ? entity : undefined;
  }
  return undefined;
}

/** A zero-based line and UTF-16 character, as VS Code counts them. */
export interface Spot {
  line: number;
  character: number;
}

/** Where the entity with `id` is declared in a registry file's text: its `"id": "..."` member. */
export function locateEntity(text: string, id: string): Spot | undefined {
  const pattern = new RegExp(`"id"\\s*:\\s*${escape(JSON.stringify(id))}`);
  const match = pattern.exec(text);
  if (match === null) {
    return undefined;
  }
  const before = text.slice(0, match.index);
  const line = before.split('\n').length - 1;
  const character = match.index - (before.lastIndexOf('\n') + 1);
  return { line, character };
}

/**
 * The registry files to search, in load order: those named by `copydesk.json` (relative to it),
 * then those from the settings (relative to the workspace folder). A later registry replaces an
 * earlier entity with the same id, so callers search from the end.
 */
export function registryFiles(folder: string, configText: string | undefined, fromSettings: string[]): string[] {
  const files: string[] = [];
  if (configText !== undefined) {
    try {
      const config: unknown = JSON.parse(configText);
      const listed = typeof config === 'object' && config !== null ? (config as { registries?: unknown }).registries : undefined;
      if (Array.isArray(listed)) {
        for (const entry of listed) {
          if (typeof entry === 'string') {
            files.push(path.resolve(folder, entry));
          }
        }
      }
    } catch {
      // A broken copydesk.json is the server's to report; the settings' registries still count.
    }
  }
  for (const entry of fromSettings) {
    files.push(path.resolve(folder, entry));
  }
  return files;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
