/**
 * SPEC §9: the content script stays under 90 KB gzip with every overlay in it. Run by `npm test`
 * after the builds (`npm run size`), so a change that grows it past the budget fails at once.
 * Checks the Chrome and Firefox builds; prints the background's size for reference.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 90 * 1024;
const root = path.resolve(import.meta.dirname, '../../.output');
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let failed = false;
for (const build of ['chrome-mv3', 'firefox-mv2']) {
  const contentScript = path.join(root, build, 'content-scripts/gitlab.js');
  if (!existsSync(contentScript)) {
    console.error(`No ${build} build at ${contentScript}: run \`npm run build\` and \`npm run build:firefox\` first.`);
    failed = true;
    continue;
  }
  const size = gzipped(contentScript);
  const background = path.join(root, build, 'background.js');
  const backgroundNote = existsSync(background) ? `; background ${kb(gzipped(background))}` : '';
  console.log(`${build}: content script ${kb(size)} gzip (budget ${kb(BUDGET_BYTES)})${backgroundNote}`);
  if (size > BUDGET_BYTES) failed = true;
}
if (failed) process.exitCode = 1;
