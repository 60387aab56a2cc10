// npx tsx test/gitlab-sandbox/cli.ts [--port 3000] [--host 127.0.0.1] [--seed 1] [--scale-issues 100000] [--scale-mrs 20000]
// --scale-issues / --scale-mrs are totals across the three projects.

import { parseArgs } from 'node:util';
import { PROJECT_PATHS, SANDBOX_TOKENS, startSandbox } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    'scale-issues': { type: 'string' },
    'scale-mrs': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npx tsx test/gitlab-sandbox/cli.ts [--port 3000] [--host 127.0.0.1] [--seed 1] [--scale-issues N] [--scale-mrs N]');
  process.exit(0);
}

const integer = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} must be a non-negative integer`);
    process.exit(2);
  }
  return Number(text);
};

const PROJECT_COUNT = Object.keys(PROJECT_PATHS).length;
const totalIssues = integer('scale-issues', values['scale-issues']);
const totalMergeRequests = integer('scale-mrs', values['scale-mrs']);
const started = Date.now();
const sandbox = await startSandbox({
  port: integer('port', values.port),
  host: values.host,
  seed: integer('seed', values.seed),
  scale: {
    issuesPerProject: totalIssues === undefined ? undefined : Math.ceil(totalIssues / PROJECT_COUNT),
    mergeRequestsPerProject: totalMergeRequests === undefined ? undefined : Math.ceil(totalMergeRequests / PROJECT_COUNT),
  },
});

console.log(`GitLab sandbox listening on ${sandbox.url} (${sandbox.data.issues.length} issues, ${sandbox.data.mergeRequests.length} merge requests, ready in ${Date.now() - started} ms)`);
console.log('Personal access tokens:');
console.log(`  ${SANDBOX_TOKENS.api}        scopes [api]       ava.chen (Owner)`);
console.log(`  ${SANDBOX_TOKENS.read}       scopes [read_api]  dev.patel (Developer)`);
console.log(`  ${SANDBOX_TOKENS.userOnly}  scopes [read_user] kofi.mensah`);
console.log(`  ${SANDBOX_TOKENS.revoked}    revoked (401)`);
console.log(`  ${SANDBOX_TOKENS.expired}    expired (401)`);
console.log(`Pages: ${sandbox.url}/ · board ${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1 · controls ${sandbox.url}/__sandbox/controls`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the GitLab sandbox`);
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
