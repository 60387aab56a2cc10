// Shared helpers for the sandbox's own tests: start one sandbox per file, call its API.

import { afterAll, beforeAll } from 'vitest';
import { API_TOKEN, startSandbox, type Sandbox, type SandboxOptions } from '../../gitlab-sandbox/index.ts';

export const NOW = new Date('2025-06-02T12:00:00.000Z');

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Starts a sandbox for the test file; the getter returns it once beforeAll has run. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 1, now: NOW, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
}

export async function call<T = unknown>(
  sandbox: Sandbox,
  path: string,
  init: { token?: string | null; bearer?: boolean; method?: string; json?: unknown; form?: URLSearchParams } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> =
    init.json !== undefined ? { 'Content-Type': 'application/json' } : init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {};
  const token = init.token === undefined ? API_TOKEN : init.token;
  if (token !== null) {
    if (init.bearer) headers.Authorization = `Bearer ${token}`;
    else headers['PRIVATE-TOKEN'] = token;
  }
  const response = await fetch(`${sandbox.url}${path}`, {
    headers,
    method: init.method ?? 'GET',
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.form ? { body: init.form.toString() } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('application/json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text };
}

/** Parses a Link header into rel → URL. */
export function links(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    if (match?.[1] && match[2]) result[match[2]] = match[1];
  }
  return result;
}

export interface IssueJson {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  state: string;
  labels: string[];
  created_at: string;
  updated_at: string;
  issue_type: string;
  milestone: { title: string } | null;
  [key: string]: unknown;
}
