// Bundles the extension (dist/extension.js, CommonJS for the Node extension host,
// 'vscode' external), the webview scripts (dist/webview/*.js, browser IIFEs) and,
// with --tests, each test/*.test.ts into out-test/ for `node --test`.
//   node scripts/build.mjs [--tests] [--watch] [--production]
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production') || process.env.NODE_ENV === 'production';

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [];
if (args.has('--tests')) {
  rmSync(join(root, 'out-test'), { recursive: true, force: true });
  const tests = readdirSync(join(root, 'test')).filter(f => f.endsWith('.test.ts')).map(f => `test/${f}`);
  builds.push({ ...common, entryPoints: tests, outdir: 'out-test', platform: 'node', format: 'cjs', sourcemap: 'inline' });
} else {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  builds.push(
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
    { ...common, entryPoints: ['src/webview/flamegraph.ts', 'src/webview/requests.ts'], outdir: 'dist/webview', platform: 'browser', format: 'iife' },
  );
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
