// HTTP face of the test controls: JSON in, JSON out, under /__sandbox/.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Controls, IssueSearchMode, IssueView, Theme } from './controls.ts';
import { FixtureError, type FixtureInput } from './fixtures.ts';
import { readBody } from './http.ts';
import { BoardMoveError } from './boards.ts';

class BadInput extends Error {}

type Body = Record<string, unknown>;

const numberField = (body: Body, name: string, fallback?: number): number | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadInput(`${name} must be a number`);
  return value;
};

const stringField = (body: Body, name: string): string | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadInput(`${name} must be a string`);
  return value;
};

function oneOf<T extends string>(body: Body, name: string, allowed: readonly T[]): T {
  const value = body[name];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new BadInput(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

const matcher = (body: Body): { pathPrefix?: string; method?: string } => ({ pathPrefix: stringField(body, 'pathPrefix'), method: stringField(body, 'method') });

type Action = (controls: Controls, body: Body) => unknown;

const ACTIONS: Record<string, Action> = {
  'GET /controls': (controls) => controls.state,
  'POST /latency': (controls, body) => {
    controls.setLatency(numberField(body, 'ms', 0) ?? 0);
    return controls.state;
  },
  'POST /fail': (controls, body) => {
    controls.failNext({ count: numberField(body, 'count'), status: numberField(body, 'status'), body: body.body, ...matcher(body) });
    return controls.state;
  },
  'POST /rate-limit': (controls, body) => {
    controls.rateLimitNext({ count: numberField(body, 'count'), retryAfter: numberField(body, 'retryAfter'), ...matcher(body) });
    return controls.state;
  },
  'POST /redirect': (controls, body) => {
    const location = stringField(body, 'location');
    if (!location) throw new BadInput('location is required');
    const keepPath = body.keepPath === undefined ? undefined : body.keepPath === true;
    controls.redirectNext({ count: numberField(body, 'count'), status: numberField(body, 'status'), location, keepPath, ...matcher(body) });
    return controls.state;
  },
  'POST /drop': (controls, body) => {
    controls.dropNext({ count: numberField(body, 'count'), ...matcher(body) });
    return controls.state;
  },
  'POST /fail-after-commit': (controls, body) => {
    controls.failAfterCommit({ count: numberField(body, 'count'), status: numberField(body, 'status'), body: body.body, ...matcher(body) });
    return controls.state;
  },
  'POST /drop-after-commit': (controls, body) => {
    controls.dropAfterCommit({ count: numberField(body, 'count'), ...matcher(body) });
    return controls.state;
  },
  'POST /delay-after-commit': (controls, body) => {
    controls.delayAfterCommit({ count: numberField(body, 'count'), ms: numberField(body, 'ms', 10_000)!, ...matcher(body) });
    return controls.state;
  },
  'POST /issue-search': (controls, body) => {
    controls.setIssueSearch(oneOf<IssueSearchMode>(body, 'mode', ['full-text', 'substring']));
    return controls.state;
  },
  'POST /issue-view': (controls, body) => {
    controls.setIssueView(oneOf<IssueView>(body, 'view', ['work_item', 'legacy']));
    return controls.state;
  },
  'POST /theme': (controls, body) => {
    controls.setTheme(oneOf<Theme>(body, 'theme', ['light', 'dark', 'system']));
    return controls.state;
  },
  'POST /mount-delay': (controls, body) => {
    controls.setMountDelay(numberField(body, 'ms', 300) ?? 300, numberField(body, 'widgetMs'));
    return controls.state;
  },
  'POST /reset': (controls, body) => {
    controls.reset({ data: body.data !== false });
    return controls.state;
  },
  'GET /requests': (controls) => controls.requests.entries,
  'DELETE /requests': (controls) => {
    controls.requests.reset();
    return [];
  },
  'POST /fixtures': (controls, body) => controls.addFixtures(body as unknown as FixtureInput),
  'POST /ensure-issues': (controls, body) => {
    const project = body.project;
    if (typeof project !== 'string' && typeof project !== 'number') throw new BadInput('project must be an id or a path');
    return { added: controls.ensureIssueCount(project, numberField(body, 'count') ?? 0) };
  },
  'POST /board-move': (controls, body) => {
    const parse = (name: string): number => {
      const value = body[name];
      const number = typeof value === 'string' ? Number(value.replace(/^gid:\/\/gitlab\/\w+\//, '')) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) throw new BadInput(`${name} must be an id or a gid`);
      return number;
    };
    controls.moveCard(parse('boardId'), parse('issueId'), parse('toListId'));
    return { ok: true };
  },
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function handleControl(controls: Controls, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const action = ACTIONS[`${req.method ?? 'GET'} ${url.pathname.slice('/__sandbox'.length)}`];
  if (!action) {
    sendJson(res, 404, { error: `unknown control ${req.method ?? ''} ${url.pathname}`, controls: Object.keys(ACTIONS) });
    return;
  }
  try {
    const text = req.method === 'POST' ? await readBody(req) : '';
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadInput('body must be a JSON object');
    sendJson(res, 200, action(controls, parsed as Body));
  } catch (error) {
    if (error instanceof BadInput || error instanceof FixtureError || error instanceof BoardMoveError || error instanceof SyntaxError) {
      sendJson(res, 400, { error: error.message });
      return;
    }
    console.error('[gitlab-sandbox] control failed', error);
    sendJson(res, 500, { error: String(error) });
  }
}
