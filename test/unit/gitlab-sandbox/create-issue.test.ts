import { describe, expect, it } from 'vitest';
import { READ_TOKEN, type Sandbox } from '../../gitlab-sandbox/index.ts';
import { call, NOW, useSandbox, type IssueJson } from './helpers.ts';

const SUGGESTION = 'engineering-allocation::suggestion';
const CATEGORY = 'engineering-allocation-category::performance';
const HIDDEN_MARKER = '<!-- engineering-lens-submission: ela-123 -->';

const description = (marker: string): string => `## What would you work on?\n\nShard the sessions store.\n\n${marker}\n`;

/** A token for lucía.rossi: Guest on the group (so on api-service), Developer on web-app. */
function guestToken(sb: Sandbox): string {
  const secret = 'glpat-sandbox-test-guest';
  if (!sb.data.tokenBySecret(secret)) {
    const user = sb.data.userByUsername('lucia.rossi');
    sb.data.tokens.push({ id: 90, name: 'guest', token: secret, user_id: user!.id, scopes: ['api'], revoked: false, created_at: NOW.toISOString(), last_used_at: null, expires_at: null });
  }
  return secret;
}

const post = (sb: Sandbox, project: number | string, json: unknown, token?: string | null): ReturnType<typeof call<IssueJson>> =>
  call<IssueJson>(sb, `/api/v4/projects/${encodeURIComponent(String(project))}/issues`, { method: 'POST', json, token });

describe('POST /projects/:id/issues', () => {
  const sandbox = useSandbox();

  it('creates an opened issue with the next iid, the token user as author and the dataset clock', async () => {
    const sb = sandbox();
    const before = sb.data.issuesOf(201).length;
    const maxIid = Math.max(...sb.data.issuesOf(201).map((issue) => issue.iid));
    const reply = await post(sb, 'lens-demo/web-app', { title: '  Shard the sessions store  ', description: description(HIDDEN_MARKER), labels: [SUGGESTION, CATEGORY] });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      iid: maxIid + 1,
      project_id: 201,
      title: 'Shard the sessions store',
      description: description(HIDDEN_MARKER),
      state: 'opened',
      labels: [SUGGESTION, CATEGORY],
      author: { username: 'ava.chen' },
      assignees: [],
      closed_at: null,
      subscribed: true,
      web_url: `${sb.url}/lens-demo/web-app/-/issues/${maxIid + 1}`,
    });
    expect(reply.body.created_at).toBe(reply.body.updated_at);
    expect(Date.parse(reply.body.created_at)).toBeGreaterThanOrEqual(NOW.getTime());
    expect(Date.parse(reply.body.created_at)).toBeLessThan(NOW.getTime() + 60_000);
    expect(sb.data.issuesOf(201)).toHaveLength(before + 1);
    // The category label did not exist: created on the project, as GitLab does for a Reporter and up.
    expect(sb.data.labels.find((label) => label.name === CATEGORY)).toMatchObject({ project_id: 201, group_id: null, color: '#6699cc' });
    expect(sb.data.labels.filter((label) => label.name === SUGGESTION)).toHaveLength(1);
    const single = await call<IssueJson>(sb, `/api/v4/projects/201/issues/${reply.body.iid}`);
    expect(single.body).toMatchObject({ id: reply.body.id, labels: [SUGGESTION, CATEGORY] });
  });

  it('is listed by labels= and created_after=', async () => {
    const sb = sandbox();
    const since = new Date(sb.data.clock() - 1000).toISOString();
    const created = await post(sb, 201, { title: 'Listed suggestion', labels: `${SUGGESTION},${CATEGORY}` });
    expect(created.status).toBe(201);
    const listed = await call<IssueJson[]>(sb, `/api/v4/projects/201/issues?labels=${encodeURIComponent(SUGGESTION)}&created_after=${encodeURIComponent(since)}&per_page=100`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((issue) => issue.title)).toContain('Listed suggestion');
    expect(listed.body.every((issue) => issue.labels.includes(SUGGESTION) && issue.created_at >= since)).toBe(true);
    // The seeded suggestions are older than `since`.
    expect(listed.body.some((issue) => issue.title === 'Move checkout sessions off Redis DB 0')).toBe(false);
  });

  it('reads form bodies and query-string parameters, as Grape does', async () => {
    const sb = sandbox();
    const form = new URLSearchParams([
      ['description', 'From a form'],
      ['labels', 'backend, frontend'],
      ['assignee_ids[]', '4'],
      ['assignee_ids[]', '5'],
      ['confidential', 'true'],
      ['due_date', '2025-07-01'],
    ]);
    const reply = await call<IssueJson>(sb, '/api/v4/projects/201/issues?title=Form%20issue', { method: 'POST', form });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ title: 'Form issue', description: 'From a form', labels: ['backend', 'frontend'], confidential: true, due_date: '2025-07-01' });
    expect((reply.body.assignees as { username: string }[]).map((user) => user.username)).toEqual(['dev.patel', 'emma.schulz']);
  });

  it('keeps one assignee on Free, and only the last of several scoped labels on Premium', async () => {
    const sb = sandbox();
    const premium = await post(sb, 201, { title: 'Scoped', labels: 'workflow::in dev,backend,workflow::in review', assignee_ids: [4, 5, 999] });
    expect(premium.body.labels).toEqual(['backend', 'workflow::in review']);
    expect((premium.body.assignees as unknown[]).length).toBe(2);
    const free = await post(sb, 203, { title: 'Scoped on Free', labels: 'workflow::in dev,workflow::in review', assignee_ids: '4,5' });
    expect(free.body.labels).toEqual(['workflow::in dev', 'workflow::in review']);
    expect((free.body.assignees as unknown[]).length).toBe(1);
  });

  it('answers 403 insufficient_scope to a read_api token and creates nothing', async () => {
    const sb = sandbox();
    const before = sb.data.issues.length;
    const labels = sb.data.labels.length;
    const reply = await post(sb, 201, { title: 'Should not exist', labels: ['never-created'] }, READ_TOKEN);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The request requires higher privileges than provided by the access token.',
      scope: 'api',
    });
    expect(sb.data.issues.length).toBe(before);
    expect(sb.data.labels.length).toBe(labels);
  });

  it('answers 401 without a token and 404 for an unknown project', async () => {
    const sb = sandbox();
    expect((await post(sb, 201, { title: 'x' }, null)).status).toBe(401);
    const unknown = await post(sb, 'lens-demo/nope', { title: 'x' });
    expect([unknown.status, unknown.body]).toEqual([404, { message: '404 Project Not Found' }]);
  });

  it('validates like Grape and the Issue model, creating nothing', async () => {
    const sb = sandbox();
    const before = sb.data.issues.length;
    const missing = await post(sb, 201, { description: 'no title' });
    expect([missing.status, missing.body]).toEqual([400, { error: 'title is missing' }]);
    const blank = await post(sb, 201, { title: '   ' });
    expect([blank.status, blank.body]).toEqual([400, { message: { title: ["can't be blank"] } }]);
    const long = await post(sb, 201, { title: 'x'.repeat(256), description: 'y'.repeat(1_048_577) });
    expect(long.status).toBe(400);
    expect(long.body).toEqual({
      message: { title: ['is too long (maximum is 255 characters)'], description: ['is too long (maximum is 1048576 characters)'] },
    });
    expect((await post(sb, 201, { title: 'bad', assignee_ids: ['me'] })).body).toEqual({ error: 'assignee_ids is invalid' });
    expect((await post(sb, 201, { title: 'bad', confidential: 'maybe' })).body).toEqual({ error: 'confidential is invalid' });
    expect(sb.data.issues.length).toBe(before);
    // Exactly at the limits is fine (characters are code points, as Ruby counts them).
    const atLimit = await post(sb, 201, { title: '🚀'.repeat(255), description: 'é'.repeat(1_048_576) });
    expect(atLimit.status).toBe(201);
  });

  it('lets a Guest create issues; labels that do not exist yet are left out, not created', async () => {
    const sb = sandbox();
    const token = guestToken(sb);
    const labels = sb.data.labels.length;
    const reply = await post(sb, 'lens-demo/api-service', { title: 'Guest suggestion', labels: [SUGGESTION, 'guest-made-label'], issue_type: 'incident' }, token);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ author: { username: 'lucia.rossi' }, labels: [SUGGESTION], issue_type: 'issue' });
    expect(sb.data.labels.length).toBe(labels);
  });
});

describe('issue search (search + in)', () => {
  const sandbox = useSandbox();
  const find = async (sb: Sandbox, query: string): Promise<string[]> => {
    const reply = await call<IssueJson[]>(sb, `/api/v4/projects/201/issues?per_page=100&${query}`);
    expect(reply.status).toBe(200);
    return reply.body.map((issue) => issue.title);
  };

  it('cannot see text inside an HTML comment with full-text search (GitLab 15.x and later), but sees it as plain text', async () => {
    const sb = sandbox();
    await post(sb, 201, { title: 'Hidden marker', description: description(HIDDEN_MARKER) });
    await post(sb, 201, { title: 'Visible marker', description: description('engineering-lens-submission: ela-456') });
    expect(await find(sb, 'search=ela-123&in=description')).toEqual([]);
    expect(await find(sb, `search=${encodeURIComponent('engineering-lens-submission: ela-123')}&in=description`)).toEqual([]);
    expect(await find(sb, 'search=ela-456&in=description')).toEqual(['Visible marker']);
    expect(await find(sb, `search=${encodeURIComponent('engineering-lens-submission: ela-456')}`)).toEqual(['Visible marker']);
    // A seeded suggestion carries the extension's real marker, hidden the same way.
    expect(await find(sb, 'search=ela-7f3a9c21-5b1e-4c2d-9a0f-3e8b6d4c2a10&in=description')).toEqual([]);
  });

  it('finds a hidden HTML-comment marker with substring search (older GitLab), matching the raw description', async () => {
    const sb = sandbox();
    await post(sb, 201, { title: 'Hidden marker 2', description: description('<!-- engineering-lens-submission: ela-789 -->') });
    sb.controls.setIssueSearch('substring');
    try {
      expect(await find(sb, 'search=ela-789&in=description')).toEqual(['Hidden marker 2']);
      expect(await find(sb, `search=${encodeURIComponent('<!-- engineering-lens-submission: ela-789 -->')}&in=description`)).toEqual(['Hidden marker 2']);
      expect(await find(sb, 'search=ela-789&in=title')).toEqual([]);
      expect(await find(sb, 'search=ELA-7f3a9c21-5b1e-4c2d-9a0f-3e8b6d4c2a10')).toEqual(['Move checkout sessions off Redis DB 0']);
    } finally {
      sb.controls.setIssueSearch('full-text');
    }
  });

  it('honours in=title, in=description and the default of both', async () => {
    const sb = sandbox();
    await post(sb, 201, { title: 'Quokka in the title', description: 'nothing here' });
    await post(sb, 201, { title: 'Plain title', description: 'a quokka in the description' });
    expect((await find(sb, 'search=quokka')).sort()).toEqual(['Plain title', 'Quokka in the title']);
    expect((await find(sb, 'search=quokka&in=title,description')).sort()).toEqual(['Plain title', 'Quokka in the title']);
    expect(await find(sb, 'search=quokka&in=title')).toEqual(['Quokka in the title']);
    expect(await find(sb, 'search=quokka&in=description')).toEqual(['Plain title']);
    // Unknown column names are ignored: both columns.
    expect((await find(sb, 'search=quokka&in=body')).sort()).toEqual(['Plain title', 'Quokka in the title']);
  });

  it('matches words by prefix and stem, every term required, quoted phrases in order', async () => {
    const sb = sandbox();
    expect(await find(sb, 'search=sess&in=title')).toContain('Move checkout sessions off Redis DB 0');
    expect(await find(sb, 'search=session&in=title')).toContain('Move checkout sessions off Redis DB 0');
    expect(await find(sb, 'search=checkout%20redis&in=title')).toContain('Move checkout sessions off Redis DB 0');
    expect(await find(sb, 'search=checkout%20postgres&in=title')).not.toContain('Move checkout sessions off Redis DB 0');
    expect(await find(sb, `search=${encodeURIComponent('"checkout sessions"')}&in=title`)).toContain('Move checkout sessions off Redis DB 0');
    expect(await find(sb, `search=${encodeURIComponent('"sessions checkout"')}&in=title`)).not.toContain('Move checkout sessions off Redis DB 0');
    // Substring inside a word is not a match for full-text search.
    expect(await find(sb, 'search=heckout&in=title')).toEqual([]);
    // Only stop words: an empty query, nothing found.
    expect(await find(sb, 'search=the')).toEqual([]);
  });

  it('falls back to substring matching for text outside Latin script, as GitLab does', async () => {
    const sb = sandbox();
    await post(sb, 201, { title: '会议室预订 booking', description: '<!-- 标记 ela-321 -->' });
    expect(await find(sb, `search=${encodeURIComponent('议室预')}`)).toEqual(['会议室预订 booking']);
    // Terms under 3 characters are not matched as parts: the whole column must equal the query.
    expect(await find(sb, `search=${encodeURIComponent('会议')}`)).toEqual([]);
    expect(await find(sb, `search=${encodeURIComponent('标记 ela-321')}&in=description`)).toEqual(['会议室预订 booking']);
  });
});
