// Drives the copydesk extension in a real VS Code (code-server, operated by Chromium through
// playwright-core) over the parliament example, as a copy editor would: the Problems panel, the
// hover card, a quick fix, and the registry features of issue 15. Keyboard first: mouse clicks
// land on overlays (notifications, hovers) that VS Code puts in the way.
//
// Run by editors/vscode-e2e.sh with:
//   E2E_TOOLS     the folder whose node_modules holds code-server and playwright-core
//   E2E_VSIX      the extension package to install
//   E2E_DRAFTS    a scratch folder holding draft-with-errors.md, registry.json and copydesk.json
//   E2E_SCRATCH   a scratch folder for code-server's home, settings and extensions
//   E2E_ARTIFACTS where screenshots of failed checks and the logs (with the LSP trace) go
//   E2E_CHROMIUM  the browser (default /usr/bin/chromium)
// Prints one line per check and `N passed, N failed`; exits non-zero on any failure.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { checks } from './checks.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
};
const tools = env('E2E_TOOLS');
const vsix = env('E2E_VSIX');
const drafts = env('E2E_DRAFTS');
const scratch = env('E2E_SCRATCH');
const artifacts = env('E2E_ARTIFACTS');
const chromiumPath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

const { chromium } = createRequire(path.join(tools, 'node_modules', 'x.js'))('playwright-core');
const codeServer = path.join(tools, 'node_modules', '.bin', 'code-server');

// code-server gets a home and XDG folders of its own, so nothing of the machine's user leaks in.
const home = path.join(scratch, 'home');
const userData = path.join(scratch, 'user-data');
const extensions = path.join(scratch, 'extensions');
// The language server's own log (stderr, shown in the copydesk output channel) is kept when a
// check fails.
const serverEnv = { ...process.env, HOME: home, COPYDESK_LOG: 'debug' };
for (const [variable, folder] of [
  ['XDG_CONFIG_HOME', 'config'],
  ['XDG_DATA_HOME', 'data'],
  ['XDG_CACHE_HOME', 'cache'],
  ['XDG_STATE_HOME', 'state'],
]) {
  serverEnv[variable] = path.join(home, folder);
  fs.mkdirSync(serverEnv[variable], { recursive: true });
}
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(artifacts, { recursive: true });
// A quiet workbench: no welcome page, trust prompt, tips, update checks or experiments; hovers
// and suggestions only when asked for, so the checks open them with the keyboard.
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'window.restoreWindows': 'none',
      'files.autoSave': 'off',
      'editor.hover.enabled': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
      'editor.lightbulb.enabled': 'off',
      'chat.commandCenter.enabled': false,
    },
    null,
    2,
  ),
);

const install = spawnSync(
  codeServer,
  ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix, '--force'],
  { env: serverEnv, encoding: 'utf8' },
);
if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
  console.error(`code-server --install-extension failed:\n${install.stdout}${install.stderr}`);
  process.exit(1);
}

const server = spawn(
  codeServer,
  [
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ],
  { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
);
const serverLog = fs.createWriteStream(path.join(scratch, 'code-server.log'));
server.stderr.pipe(serverLog);
const url = await new Promise((resolve, reject) => {
  let seen = '';
  const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${seen}`)), 60_000);
  server.stdout.on('data', (chunk) => {
    seen += chunk;
    serverLog.write(chunk);
    const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  server.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${seen}`)));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  // As root Chromium needs --no-sandbox; the rest keeps it off the network and quiet.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  await page.goto(`${url}?folder=${encodeURIComponent(drafts)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  for (const { name, run } of checks) {
    const started = Date.now();
    try {
      await run(page, { drafts });
      passed += 1;
      console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      const shot = path.join(artifacts, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`FAIL ${name}: ${error instanceof Error ? error.message : error}\n     screenshot: ${shot}`);
    }
  }
} finally {
  await browser.close();
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
if (failed > 0) {
  // The workbench's logs, with the copydesk output channel's LSP trace among them.
  fs.cpSync(path.join(userData, 'logs'), path.join(artifacts, 'logs'), { recursive: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
