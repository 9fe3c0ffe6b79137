// How the extension's settings become what the server is given: the command line that starts it and
// the configuration object it accepts (the same shape as `copydesk.json`). Nothing here imports
// `vscode`, so the mapping is unit-tested under plain Node.

/** The finding codes of the contract, the only keys the server accepts under `severity`. */
export const CODES = [
  // codes:begin: generated from the table of checks by tests/analysis/generated_docs.rs
  'unattributed-claim',
  'incomplete-attribution',
  'vague-source',
  'name-misspelling',
  'title-mismatch',
  'title-inconsistent',
  // codes:end
] as const;

/** The severities the server accepts; `off` turns a check off. */
export const LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

export type Level = (typeof LEVELS)[number];

/**
 * The object sent as `initializationOptions` and as the `copydesk` section of
 * `workspace/configuration`. A key is present only when the user set it, so that an empty setting
 * never hides what `copydesk.json` says.
 */
export interface ServerConfig {
  registries?: string[];
  severity?: Record<string, Level>;
}

/** The server configuration together with the settings that had to be dropped, in words. */
export interface Mapped {
  config: ServerConfig;
  problems: string[];
}

/** Where settings paths are resolved: the workspace folder and the user's home. */
export interface Places {
  folder?: string;
  home?: string;
}

/**
 * Maps the `copydesk.registries` and `copydesk.severity` settings to the server's configuration
 * object. Values of the wrong type, unknown codes and unknown levels are dropped and reported,
 * because the server rejects a configuration with any unknown key as a whole.
 */
export function serverConfig(registries: unknown, severity: unknown, places: Places = {}): Mapped {
  const problems: string[] = [];
  const config: ServerConfig = {};

  if (Array.isArray(registries)) {
    const paths: string[] = [];
    for (const entry of registries) {
      if (typeof entry !== 'string') {
        problems.push(`copydesk.registries: ${JSON.stringify(entry)} is not a path`);
      } else if (entry.trim() !== '') {
        paths.push(expand(entry.trim(), places));
      }
    }
    if (paths.length > 0) {
      config.registries = paths;
    }
  } else if (registries !== undefined && registries !== null) {
    problems.push('copydesk.registries must be a list of paths');
  }

  if (isObject(severity)) {
    const levels: Record<string, Level> = {};
    for (const [code, level] of Object.entries(severity)) {
      if (!(CODES as readonly string[]).includes(code)) {
        problems.push(`copydesk.severity: unknown finding code "${code}" (known: ${CODES.join(', ')})`);
      } else if (!(LEVELS as readonly unknown[]).includes(level)) {
        problems.push(`copydesk.severity: "${code}" cannot be ${JSON.stringify(level)} (use ${LEVELS.join(', ')})`);
      } else {
        levels[code] = level as Level;
      }
    }
    if (Object.keys(levels).length > 0) {
      config.severity = levels;
    }
  } else if (severity !== undefined && severity !== null) {
    problems.push('copydesk.severity must map finding codes to severities');
  }

  return { config, problems };
}

/**
 * Expands `${workspaceFolder}` and a leading `~/`, which users write in settings by habit; other
 * relative paths stay relative and the server resolves them against the workspace folder.
 */
function expand(path: string, places: Places): string {
  let out = path;
  if (places.folder !== undefined) {
    out = out.split('${workspaceFolder}').join(places.folder);
  }
  if (places.home !== undefined && (out === '~' || out.startsWith('~/'))) {
    out = places.home + out.slice(1);
  }
  return out;
}

/** How the server process is started. */
export interface ServerCommand {
  command: string;
  /** Why this binary: shown in the output channel and in the error when it cannot start. */
  origin: 'setting' | 'bundled' | 'path';
}

/**
 * Chooses the binary: `copydesk.path` when set, else the binary bundled in the extension when the
 * package has one, else `copydesk` found on `PATH`.
 */
export function serverCommand(pathSetting: unknown, bundled: string | undefined, home?: string): ServerCommand {
  if (typeof pathSetting === 'string' && pathSetting.trim() !== '') {
    return { command: expand(pathSetting.trim(), { home }), origin: 'setting' };
  }
  if (bundled !== undefined) {
    return { command: bundled, origin: 'bundled' };
  }
  return { command: 'copydesk', origin: 'path' };
}

/** The file name of the bundled binary on a platform (`process.platform`). */
export function binaryName(platform: string): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
