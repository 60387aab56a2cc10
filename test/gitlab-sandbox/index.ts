// Local GitLab stand-in for e2e tests, the demo (`npm start`) and benchmarks. See README.md.

import type { AddressInfo } from 'node:net';
import { Controls, RequestLog } from './controls.ts';
import { Dataset } from './dataset.ts';
import type { SeedScale } from './seed/index.ts';
import { createSandboxServer } from './server.ts';

import { SANDBOX_TOKENS } from './seed/people.ts';

export { SANDBOX_TOKENS };
export { GROUP_ID, GROUP_PATH } from './seed/catalog.ts';
export { Dataset } from './dataset.ts';
export type { Controls, ControlState, IssueSearchMode, IssueView, RequestLog, RequestLogEntry, Theme } from './controls.ts';
export type { FixtureInput, FixtureResult, IssueFixture, MemberFixture, MergeRequestFixture, MilestoneFixture } from './fixtures.ts';
export type { SeedScale } from './seed/index.ts';
export type * from './types.ts';

/** Token secrets as plain constants, for convenience. */
export const API_TOKEN = SANDBOX_TOKENS.api;
export const READ_TOKEN = SANDBOX_TOKENS.read;
export const REVOKED_TOKEN = SANDBOX_TOKENS.revoked;
export const USER_ONLY_TOKEN = SANDBOX_TOKENS.userOnly;
export const REGISTRY_ONLY_TOKEN = SANDBOX_TOKENS.registryOnly;
export const EXPIRED_TOKEN = SANDBOX_TOKENS.expired;

/** Project ids and paths of the seeded group. */
export const PROJECT_IDS = { webApp: 201, apiService: 202, infra: 203 } as const;
export const PROJECT_PATHS = { webApp: 'lens-demo/web-app', apiService: 'lens-demo/api-service', infra: 'lens-demo/infra' } as const;

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Reference time for the dataset (default: now). */
  now?: Date;
  scale?: SeedScale;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  /** The in-memory dataset; call data.touch() after mutating records directly. */
  data: Dataset;
  controls: Controls;
  /** Log of /api requests (method, path, query, status, time...). */
  requests: RequestLog;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const data = new Dataset({ seed: options.seed ?? 1, now: options.now ?? new Date(), scale: options.scale });
  const requests = new RequestLog();
  const controls = new Controls(data, requests);
  const server = createSandboxServer({ data, controls });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    data,
    controls,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
