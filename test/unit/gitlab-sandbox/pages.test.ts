import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useSandbox } from './helpers.ts';

const page = async (url: string): Promise<{ status: number; html: string }> => {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
};

/** The markup the app mounts later is inside <template data-sandbox-late>; the rest is there at load. */
const outsideTemplates = (html: string): string => html.replace(/<template data-sandbox-late="app">[\s\S]*<\/template>/g, '');

describe('page shells', () => {
  const sandbox = useSandbox();

  it('issue page: body data attributes, csrf token, work-item view mounted late', async () => {
    const sb = sandbox();
    const { status, html } = await page(`${sb.url}/lens-demo/web-app/-/issues/7`);
    expect(status).toBe(200);
    expect(html).toMatch(/<body [^>]*data-page="projects:issues:show" data-page-type-id="7" data-project-id="201" data-project="web-app" data-project-full-path="lens-demo\/web-app" data-group="lens-demo" data-group-full-path="lens-demo" data-namespace-id="100"/);
    expect(html).toMatch(/<meta name="csrf-token" content="[^"]+">/);
    expect(html).toContain('<div id="js-work-items"');
    expect(outsideTemplates(html)).not.toContain('work-item-view');
    for (const anchor of ['data-testid="detail-wrapper"', 'data-testid="work-item-type"', 'data-testid="work-item-title"', 'data-testid="work-item-actions-dropdown"', 'data-testid="work-item-overview-right-sidebar"', 'class="work-item-attributes-wrapper"', 'data-testid="work-item-labels"', 'data-testid="work-item-weight"']) {
      expect(html).toContain(anchor);
    }
    expect(html).toMatch(/<h1 data-testid="work-item-title"/);
  });

  it('legacy view on request, and always for incidents', async () => {
    const sb = sandbox();
    const legacy = (await page(`${sb.url}/lens-demo/web-app/-/issues/7?sandbox_view=legacy`)).html;
    for (const anchor of ['issue-details issuable-details js-issue-details', 'aside class="right-sidebar js-right-sidebar js-issuable-sidebar', 'class="issuable-sidebar"', 'data-testid="assignee-block-container"', 'data-testid="sidebar-milestones"', 'data-testid="sidebar-labels"', 'data-testid="sidebar-due-date"']) {
      expect(legacy).toContain(anchor);
    }
    expect(legacy).toMatch(/<h1 class="title[^"]*" data-testid="issue-title"/);
    const incident = sb.data.issues.find((issue) => issue.project_id === 202 && issue.issue_type === 'incident');
    const incidentPage = (await page(`${sb.url}/lens-demo/api-service/-/issues/${incident?.iid}`)).html;
    expect(incidentPage).toContain('js-issue-details');
    expect(incidentPage).not.toContain('id="js-work-items"');
    const workItem = (await page(`${sb.url}/lens-demo/api-service/-/work_items/${incident?.iid}`)).html;
    expect(workItem).toContain('data-page="projects:work_items:show"');
  });

  it('escapes GitLab text everywhere', async () => {
    const sb = sandbox();
    const issue = sb.data.issues.find((candidate) => candidate.title.includes('<img'));
    const { html } = await page(`${sb.url}/lens-demo/web-app/-/issues/${issue?.iid}`);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Escape &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    const board = (await page(`${sb.url}/lens-demo/web-app/-/boards/1?sandbox_page_size=500`)).html;
    expect(board).not.toContain('<img src=x');
  });

  it('dark theme sets html.gl-dark, as GitLab does', async () => {
    const sb = sandbox();
    expect((await page(`${sb.url}/?sandbox_theme=dark`)).html).toMatch(/<html class="gl-dark /);
    expect((await page(`${sb.url}/`)).html).toMatch(/<html class="gl-light /);
  });

  it('epics: work item by default, legacy with force_legacy_view, group work item route', async () => {
    const sb = sandbox();
    const epic = (await page(`${sb.url}/groups/lens-demo/-/epics/1`)).html;
    expect(epic).toMatch(/data-page="groups:epics:show" data-page-type-id="1" data-group="lens-demo" data-group-full-path="lens-demo"/);
    expect(epic).toContain('data-testid="work-item-tree"');
    const legacy = (await page(`${sb.url}/groups/lens-demo/-/epics/1?force_legacy_view=true`)).html;
    for (const anchor of ['class="js-epic-container"', 'id="epic-app-root"', 'id="js-tree"']) expect(legacy).toContain(anchor);
    expect((await page(`${sb.url}/groups/lens-demo/-/work_items/2`)).html).toContain('data-page="groups:work_items:show"');
    // A group-level issue (18.x) at the same route: typed Issue, titled with `#`.
    const groupIssue = (await page(`${sb.url}/groups/lens-demo/-/work_items/12`)).html;
    expect(groupIssue).toContain('data-work-item-type="Issue"');
    expect(groupIssue).toContain('<title>Quarterly access review (#12)');
  });

  it('boards: lists, cards and the anchors of board_card_inner.vue', async () => {
    const sb = sandbox();
    const { html } = await page(`${sb.url}/lens-demo/web-app/-/boards/1`);
    expect(html).toContain('data-page="projects:boards:show" data-page-type-id="1"');
    expect(html).toContain('class="boards-app');
    expect(html).toContain('data-testid="boards-list"');
    expect(html.match(/data-testid="board-list">/g)).toHaveLength(4);
    expect(html).toContain('data-list-id="gid://gitlab/List/11"');
    for (const anchor of ['header class="board-header', 'class="board-title-text', 'data-testid="issue-count-badge"', 'data-testid="item-count"', 'data-testid="tree-root-wrapper" data-board="gid://gitlab/List/12"', 'data-testid="board-card-button"', 'data-testid="board-card-title-link"', 'data-testid="issue-weight"', 'data-testid="issue-dueDate"', 'class="board-card-number']) {
      expect(html).toContain(anchor);
    }
    expect(html).toMatch(/<li class="board-card[^"]*" data-testid="board-card" data-item-id="gid:\/\/gitlab\/Issue\/\d+" data-item-iid="\d+" data-item-path="lens-demo\/web-app#\d+"/);
    const group = (await page(`${sb.url}/groups/lens-demo/-/boards/5`)).html;
    expect(group).toContain('data-page="groups:boards:show"');
    expect(group).toContain('class="board-item-path');
  });

  it('board 2 shows 1,000 cards at once', async () => {
    const sb = sandbox();
    const { html } = await page(`${sb.url}/lens-demo/web-app/-/boards/2`);
    expect(html.match(/data-testid="board-card" /g)).toHaveLength(1000);
    const counts = [...html.matchAll(/data-testid="item-count">(\d+)</g)].map((match) => Number(match[1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1000);
  });

  it('serves drawer and card fragments for the client script', async () => {
    const sb = sandbox();
    const drawer = (await page(`${sb.url}/lens-demo/web-app/-/issues/3?sandbox_fragment=drawer`)).html;
    expect(drawer).toMatch(/^<aside class="gl-drawer[^"]*" data-testid="work-item-drawer"/);
    expect(drawer).toContain('<h2 data-testid="work-item-title"');
    const cards = (await page(`${sb.url}/lens-demo/web-app/-/boards/1?sandbox_fragment=cards&list=gid://gitlab/List/14&offset=20`)).html;
    expect(cards.match(/data-testid="board-card" /g)?.length).toBeGreaterThan(0);
  });

  it('client scripts never use innerHTML', () => {
    for (const name of ['sandbox.js', 'sandbox-board.js']) {
      const source = readFileSync(new URL(`../../gitlab-sandbox/assets/${name}`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
