// Builds a platform-specific .vsix with the copydesk binary inside.
//   COPYDESK_TARGET  the VS Code target (default linux-x64; see `vsce package --help`)
//   COPYDESK_BINARY  the binary built for that target (default ../../target/release/copydesk)
// Further arguments go to `vsce package` (`npm run package -- --out dist/x.vsix`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = process.env.COPYDESK_TARGET ?? 'linux-x64';
const windows = target.startsWith('win32-');
const binary = path.resolve(
  here,
  process.env.COPYDESK_BINARY ?? path.join('..', '..', 'target', 'release', windows ? 'copydesk.exe' : 'copydesk'),
);

if (!fs.existsSync(binary)) {
  console.error(`no copydesk binary at ${binary}: run \`cargo build --release\` first, or set COPYDESK_BINARY`);
  process.exit(1);
}

const bin = path.join(here, 'bin');
fs.rmSync(bin, { recursive: true, force: true });
fs.mkdirSync(bin);
const bundled = path.join(bin, windows ? 'copydesk.exe' : 'copydesk');
fs.copyFileSync(binary, bundled);
fs.chmodSync(bundled, 0o755);

// `vscode:prepublish` bundles the extension; the bundle has no runtime dependencies left to ship.
const vsce = path.join(here, 'node_modules', '.bin', 'vsce');
const run = spawnSync(vsce, ['package', '--target', target, '--no-dependencies', '--allow-missing-repository', '--skip-license', ...process.argv.slice(2)], {
  cwd: here,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
