import { describe, expect, it } from 'vitest';
import { API_TOKEN, type Sandbox } from '../../gitlab-sandbox/index.ts';
import { call, useSandbox, type IssueJson } from './helpers.ts';

const ISSUES = '/api/v4/projects/201/issues';

const control = async (sb: Sandbox, path: string, body: unknown): Promise<Response> =>
  fetch(`${sb.url}/__sandbox${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const create = (sb: Sandbox, title: string, marker: string): ReturnType<typeof call<IssueJson>> =>
  call<IssueJson>(sb, ISSUES, { method: 'POST', json: { title, description: `Suggestion.\n\n<!-- engineering-lens-submission: ${marker} -->`, labels: 'engineering-allocation::suggestion' } });

/** A POST whose connection is dropped rejects instead of answering. */
const createRaw = (sb: Sandbox, title: string): Promise<Response> =>
  fetch(`${sb.url}${ISSUES}`, { method: 'POST', headers: { 'PRIVATE-TOKEN': API_TOKEN, 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) });

const withTitle = (sb: Sandbox, title: string): number => sb.data.issuesOf(201).filter((issue) => issue.title === title).length;

describe('faults after commit', () => {
  const sandbox = useSandbox();

  it('commit then fail: the client gets a 503, yet the issue exists, exactly once', async () => {
    const sb = sandbox();
    sb.requests.reset();
    sb.controls.failAfterCommit({ count: 1, method: 'POST', pathPrefix: ISSUES });
    const reply = await create(sb, 'Committed then failed', 'ela-123');
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ message: '503 Service Unavailable' });
    expect(withTitle(sb, 'Committed then failed')).toBe(1);
    expect(sb.requests.entries.at(-1)).toMatchObject({ method: 'POST', path: ISSUES, status: 503, handledStatus: 201 });
    // The rule is used up: the next request is answered normally.
    expect((await create(sb, 'Answered normally', 'ela-124')).status).toBe(201);
    expect(sb.controls.state.failuresAfterCommit).toEqual([]);
  });

  it('plain fail stays before commit: 503 and nothing created', async () => {
    const sb = sandbox();
    const before = sb.data.issues.length;
    sb.controls.failNext({ count: 1, method: 'POST', pathPrefix: ISSUES });
    const reply = await create(sb, 'Failed before commit', 'ela-125');
    expect(reply.status).toBe(503);
    expect(sb.data.issues.length).toBe(before);
    expect(withTitle(sb, 'Failed before commit')).toBe(0);
  });

  it('commit then drop: no response, yet the issue exists, exactly once; a plain drop creates nothing', async () => {
    const sb = sandbox();
    sb.requests.reset();
    sb.controls.dropAfterCommit({ count: 1, method: 'POST', pathPrefix: ISSUES });
    await expect(createRaw(sb, 'Committed then dropped')).rejects.toThrow();
    expect(withTitle(sb, 'Committed then dropped')).toBe(1);
    expect(sb.requests.entries.at(-1)).toMatchObject({ method: 'POST', status: 0, handledStatus: 201 });
    sb.controls.dropNext({ count: 1, method: 'POST', pathPrefix: ISSUES });
    await expect(createRaw(sb, 'Dropped before commit')).rejects.toThrow();
    expect(withTitle(sb, 'Dropped before commit')).toBe(0);
  });

  it('counts down only on matching requests (method and path)', async () => {
    const sb = sandbox();
    sb.controls.failAfterCommit({ count: 2, method: 'POST', pathPrefix: ISSUES, status: 502, body: 'Bad gateway' });
    expect((await call(sb, `${ISSUES}?per_page=1`)).status).toBe(200);
    expect((await call(sb, '/api/v4/projects/202/issues', { method: 'POST', json: { title: 'Elsewhere' } })).status).toBe(201);
    const first = await create(sb, 'First of two', 'ela-126');
    expect([first.status, first.text]).toEqual([502, 'Bad gateway']);
    expect(first.headers.get('content-type')).toBe('text/plain');
    expect((await create(sb, 'Second of two', 'ela-127')).status).toBe(502);
    expect((await create(sb, 'Third of two', 'ela-128')).status).toBe(201);
    expect(['First of two', 'Second of two', 'Third of two'].map((title) => withTitle(sb, title))).toEqual([1, 1, 1]);
  });

  it('replaces an error answer too: whatever was handled stays handled', async () => {
    const sb = sandbox();
    sb.requests.reset();
    sb.controls.failAfterCommit({ method: 'POST', pathPrefix: ISSUES });
    const reply = await call(sb, ISSUES, { method: 'POST', json: { description: 'no title' } });
    expect(reply.status).toBe(503);
    expect(sb.requests.entries.at(-1)).toMatchObject({ status: 503, handledStatus: 400 });
  });

  it('is set over HTTP as /__sandbox/fail-after-commit and /__sandbox/drop-after-commit', async () => {
    const sb = sandbox();
    const set = await control(sb, '/fail-after-commit', { count: 1, method: 'POST', pathPrefix: ISSUES });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { failuresAfterCommit: unknown[] }).failuresAfterCommit).toEqual([
      { remaining: 1, status: 503, pathPrefix: ISSUES, method: 'POST' },
    ]);
    expect((await create(sb, 'Over HTTP', 'ela-129')).status).toBe(503);
    expect(withTitle(sb, 'Over HTTP')).toBe(1);
    expect((await control(sb, '/drop-after-commit', { count: 1, method: 'POST', pathPrefix: ISSUES })).status).toBe(200);
    await expect(createRaw(sb, 'Dropped over HTTP')).rejects.toThrow();
    expect(withTitle(sb, 'Dropped over HTTP')).toBe(1);
    expect((await control(sb, '/fail-after-commit', { count: 'one' })).status).toBe(400);
    expect((await control(sb, '/issue-search', { mode: 'regex' })).status).toBe(400);
    sb.controls.reset({ data: false });
    expect(sb.controls.state.failuresAfterCommit).toEqual([]);
    expect(sb.controls.state.issueSearch).toBe('full-text');
  });

  it('shows why a retry must look before it posts again', async () => {
    const sb = sandbox();
    // A client that retries blindly after "commit then fail" makes a duplicate.
    sb.controls.failAfterCommit({ method: 'POST', pathPrefix: ISSUES });
    expect((await create(sb, 'Blind retry', 'ela-130')).status).toBe(503);
    expect((await create(sb, 'Blind retry', 'ela-130')).status).toBe(201);
    expect(withTitle(sb, 'Blind retry')).toBe(2);
    // Looking first finds the committed issue (here through a marker GitLab's search can see).
    sb.controls.failAfterCommit({ method: 'POST', pathPrefix: ISSUES });
    const json = { title: 'Careful retry', description: 'Suggestion.\n\nengineering-lens-submission: ela-131' };
    expect((await call(sb, ISSUES, { method: 'POST', json })).status).toBe(503);
    const found = await call<IssueJson[]>(sb, `${ISSUES}?search=ela-131&in=description`);
    expect(found.body.map((issue) => issue.title)).toEqual(['Careful retry']);
    expect(withTitle(sb, 'Careful retry')).toBe(1);
  });
});
