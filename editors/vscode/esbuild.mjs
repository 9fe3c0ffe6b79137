// Bundles the extension into one CommonJS file, dist/extension.js (`vscode` stays external: VS Code
// provides it). With --tests, bundles the unit tests into out/test/ for `node --test` instead;
// with --production, minifies and leaves out source maps.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

if (tests) {
  // Start clean, so a deleted test never runs from an old bundle.
  fs.rmSync('out/test', { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: ['test/*.test.ts'],
    outdir: 'out/test',
    sourcemap: 'inline',
  });
} else {
  await esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
  });
}
