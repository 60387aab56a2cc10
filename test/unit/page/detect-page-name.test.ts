// @vitest-environment happy-dom
/**
 * `body[data-page]` is `<controller path>:<action>` (app/helpers/application_helper.rb
 * `body_data_page`), so the same issue URL can say different things: `projects:issues:show` from
 * Projects::IssuesController (which renders the work-item view too, from 17.x), or
 * `projects:work_items:show` when the work items controller serves `/-/issues/<iid>`, as a page
 * captured from GitLab 18.1 shows (no `data-page-type-id` either). The page is an issue either way.
 */
import { describe, expect, it } from 'vitest';
import { detectPage, readBodyData } from '../../../utils/page/detect';

/** A body as GitLab renders it (application_helper.rb `body_data`), with the given attributes. */
function body(attributes: Record<string, string>): HTMLElement {
  const element = document.createElement('body');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

// As on the GitLab 18.1 page: /internal-projects/demo/-/issues/1.
const workItemsBody = body({
  'data-group': 'internal-projects',
  'data-group-full-path': 'internal-projects',
  'data-namespace-id': '14',
  'data-page': 'projects:work_items:show',
  'data-project': 'demo',
  'data-project-full-path': 'internal-projects/demo',
  'data-project-id': '33',
});

describe('an issue whose body says projects:work_items:show', () => {
  it('is an issue at /-/issues/<iid>, with its project, iid and project id', () => {
    const page = detectPage(new URL('https://gitlab.example.com/internal-projects/demo/-/issues/1'), readBodyData(workItemsBody));
    expect(page).toEqual({
      kind: 'issue',
      projectPath: 'internal-projects/demo',
      iid: 1,
      projectId: 33,
      drawer: null,
      dataPage: 'projects:work_items:show',
    });
  });

  it('is an issue under a relative URL root and with a ?show= parameter too', () => {
    const base = new URL('https://example.com/gitlab');
    const page = detectPage(new URL('https://example.com/gitlab/internal-projects/demo/-/issues/7?show=abc'), readBodyData(workItemsBody), base);
    expect(page).toMatchObject({ kind: 'issue', projectPath: 'internal-projects/demo', iid: 7, projectId: 33, drawer: 'abc' });
  });

  it('is the same issue as with projects:issues:show', () => {
    const url = new URL('https://gitlab.example.com/internal-projects/demo/-/issues/1');
    const issuesBody = body({ 'data-page': 'projects:issues:show', 'data-page-type-id': '1', 'data-project-id': '33', 'data-project-full-path': 'internal-projects/demo' });
    const { dataPage: _a, ...fromWorkItems } = detectPage(url, readBodyData(workItemsBody));
    const { dataPage: _b, ...fromIssues } = detectPage(url, readBodyData(issuesBody));
    expect(fromWorkItems).toEqual(fromIssues);
  });

  it('does not make other pages issues: the URL decides', () => {
    const data = readBodyData(workItemsBody);
    expect(detectPage(new URL('https://gitlab.example.com/internal-projects/demo/-/issues'), data).kind).toBe('issue-list');
    expect(detectPage(new URL('https://gitlab.example.com/internal-projects/demo/-/merge_requests/1'), data).kind).toBe('other');
    expect(detectPage(new URL('https://gitlab.example.com/groups/internal-projects/-/work_items/2'), readBodyData(body({ 'data-page': 'groups:work_items:show' }))).kind).toBe('epic');
  });
});
