// Request/response plumbing shared by the API handlers.

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AuthContext } from './auth.ts';
import type { IssueSearchMode } from './api/issue-search.ts';
import type { Dataset } from './dataset.ts';

/** An error GitLab would answer with; `body` is sent as JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

// GitLab's helpers (lib/api/helpers.rb): not_found!('Project') → {"message":"404 Project Not Found"}.
export const notFound = (resource?: string): ApiError =>
  new ApiError(404, { message: resource ? `404 ${resource} Not Found` : '404 Not Found' });
// lib/api/api.rb: `rescue_from ActiveRecord::RecordNotFound` → {"message":"404 Not found"} (lower-case f),
// what a finder's find_by! (issues and merge requests by iid) ends in.
export const recordNotFound = (): ApiError => new ApiError(404, { message: '404 Not found' });
export const forbidden = (reason?: string): ApiError =>
  new ApiError(403, { message: reason ? `403 Forbidden - ${reason}` : '403 Forbidden' });
// Grape parameter validation answers {"error": "<param> is missing"} / "... does not have a valid value".
export const invalidParam = (error: string): ApiError => new ApiError(400, { error });

/** Query parameters the way Rack/Grape reads them ("iids[]=1&iids[]=2" is a list). */
export class Params {
  private readonly values = new Map<string, string[]>();

  constructor(search: URLSearchParams) {
    for (const [rawName, value] of search) {
      const name = rawName.endsWith('[]') ? rawName.slice(0, -2) : rawName;
      const list = this.values.get(name) ?? [];
      list.push(value);
      this.values.set(name, list);
    }
  }

  /** Last value given for `name`. */
  get(name: string): string | undefined {
    const list = this.values.get(name);
    return list ? list[list.length - 1] : undefined;
  }

  list(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  int(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined || value === '') return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidParam(`${name} is invalid`);
    return Number(value);
  }

  /** Value restricted to a set, as Grape's `values:` does. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.get(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) throw invalidParam(`${name} does not have a valid value`);
    return value as T;
  }
}

export interface ApiRequest {
  method: string;
  url: URL;
  /** Origin GitLab would put in web_url and Link headers: the request's own host. */
  baseUrl: string;
  route: Record<string, string>;
  params: Params;
  headers: IncomingHttpHeaders;
  auth: AuthContext | null;
  data: Dataset;
  /** POST/PUT parameters: a JSON object body or a form body (`key=value`, `key[]=v` lists). */
  body: Record<string, unknown>;
  /** How `search` on issue lists behaves (controls.setIssueSearch). */
  issueSearch: IssueSearchMode;
}

export interface ApiResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Send `body` as this content type instead of JSON. */
  contentType?: string;
}

/** Control requests. */
export const MAX_BODY_BYTES = 1_000_000;
/**
 * API requests: room for a description over GitLab's 1,048,576-character limit (a validation
 * error, 400) even in multi-byte characters or JSON escapes, so that limit is what a client meets.
 */
export const MAX_API_BODY_BYTES = 16_000_000;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new ApiError(413, { message: '413 Request Entity Too Large' });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Grape reads parameters from a JSON or a form-encoded body alike. */
export function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (!text.trim()) return {};
  if ((contentType ?? '').includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(400, { error: 'The request body is not valid JSON' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError(400, { error: 'The request body is not a JSON object' });
    return parsed as Record<string, unknown>;
  }
  const body: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    if (rawKey.endsWith('[]')) {
      const key = rawKey.slice(0, -2);
      body[key] = [...((body[key] as string[] | undefined) ?? []), value];
    } else body[rawKey] = value;
  }
  return body;
}
