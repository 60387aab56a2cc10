import { describe, expect, it } from 'vitest';
import {
  detectPage,
  isEpic,
  isEpicBoard,
  isGroupBoard,
  isIssue,
  isIssueList,
  isProjectBoard,
  pathBelowRoot,
} from '../../../utils/page/detect';

// Real GitLab URL shapes (DOM.md §1). Each predicate must match its own list and none of the others.
const urls: Record<string, string[]> = {
  isIssue: [
    'https://gitlab.com/gitlab-org/gitlab/-/issues/425131',
    'https://gitlab.com/gitlab-org/gitlab/-/issues/1/',
    'https://gitlab.com/gitlab-org/quality/triage-ops/-/issues/1302',
    'https://gitlab.com/gitlab-org/gitlab/-/work_items/450001',
    'https://gitlab.com/a/b/c/d/project/-/issues/7?show=foo#note_1',
  ],
  isEpic: [
    'https://gitlab.com/groups/gitlab-org/-/epics/11226',
    'https://gitlab.com/groups/gitlab-org/-/work_items/16004',
    'https://gitlab.com/groups/gitlab-org/quality/-/epics/3',
    'https://gitlab.com/groups/gitlab-org/-/epics/1?force_legacy_view=true',
  ],
  isProjectBoard: [
    'https://gitlab.com/gitlab-org/gitlab/-/boards/1234',
    'https://gitlab.com/gitlab-org/gitlab/-/boards',
    'https://gitlab.com/gitlab-org/gitlab/-/boards/1234?show=eyJpaWQiOiIxIn0%3D',
  ],
  isGroupBoard: [
    'https://gitlab.com/groups/gitlab-org/-/boards/1',
    'https://gitlab.com/groups/gitlab-org/sub/-/boards',
  ],
  isEpicBoard: [
    'https://gitlab.com/groups/gitlab-org/-/epic_boards/5',
    'https://gitlab.com/groups/gitlab-org/sub/-/epic_boards',
  ],
  isIssueList: [
    'https://gitlab.com/gitlab-org/gitlab/-/issues',
    'https://gitlab.com/gitlab-org/gitlab/-/issues/?label_name[]=bug',
    'https://gitlab.com/groups/gitlab-org/-/issues',
    'https://gitlab.com/groups/gitlab-org/-/epics',
    'https://gitlab.com/gitlab-org/gitlab/-/work_items',
  ],
  none: [
    'https://gitlab.com/',
    'https://gitlab.com/gitlab-org/gitlab',
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1',
    'https://gitlab.com/gitlab-org/gitlab/-/issues/new',
    'https://gitlab.com/gitlab-org/gitlab/-/issues/12/edit',
    'https://gitlab.com/gitlab-org/gitlab/-/issues/service_desk',
    'https://gitlab.com/groups/gitlab-org/-/epics/new',
    'https://gitlab.com/gitlab-org/gitlab/-/boards/abc',
    'https://gitlab.com/dashboard/issues',
    'https://gitlab.com/gitlab-org/gitlab/-/milestones/3',
  ],
};

const predicates: Record<string, (path: string) => boolean> = {
  isIssue,
  isEpic,
  isProjectBoard,
  isGroupBoard,
  isEpicBoard,
  isIssueList,
};

describe('page predicates', () => {
  for (const [owner, list] of Object.entries(urls)) {
    for (const url of list) {
      it(`${url} matches ${owner === 'none' ? 'no predicate' : `only ${owner}`}`, () => {
        const path = new URL(url).pathname;
        const matching = Object.entries(predicates)
          .filter(([, predicate]) => predicate(path))
          .map(([name]) => name);
        expect(matching).toEqual(owner === 'none' ? [] : [owner]);
      });
    }
  }
});

describe('detectPage', () => {
  const body = { page: 'projects:issues:show', projectId: '278964', projectFullPath: 'gitlab-org/gitlab' };

  it('reads project, iid and project id for an issue', () => {
    const page = detectPage(new URL('https://gitlab.com/gitlab-org/gitlab/-/issues/42'), body);
    expect(page).toMatchObject({ kind: 'issue', projectPath: 'gitlab-org/gitlab', iid: 42, projectId: 278964, drawer: null });
  });

  it('ignores body data that belongs to another project after client-side navigation', () => {
    const page = detectPage(new URL('https://gitlab.com/other/project/-/issues/1'), body);
    expect(page.kind).toBe('issue');
    expect(page.projectId).toBeUndefined();
  });

  it('is not a GitLab page without body[data-page]', () => {
    expect(detectPage(new URL('https://gitlab.com/gitlab-org/gitlab/-/issues/42'), {}).kind).toBe('other');
  });

  it('reports the ?show= drawer on boards', () => {
    const page = detectPage(new URL('https://gitlab.com/groups/g/-/boards/3?show=abc'), { page: 'groups:boards:show' });
    expect(page).toMatchObject({ kind: 'board', groupPath: 'g', boardId: 3, drawer: 'abc' });
  });

  it('works below a relative URL root', () => {
    const base = new URL('https://example.com/gitlab');
    const page = detectPage(new URL('https://example.com/gitlab/team/app/-/issues/5'), body, base);
    expect(page).toMatchObject({ kind: 'issue', projectPath: 'team/app', iid: 5 });
    expect(detectPage(new URL('https://example.com/other/team/app/-/issues/5'), body, base).kind).toBe('other');
  });
});

describe('pathBelowRoot', () => {
  it('strips the root and rejects other origins', () => {
    const base = new URL('https://example.com/gitlab/');
    expect(pathBelowRoot(new URL('https://example.com/gitlab/a/b'), base)).toBe('/a/b');
    expect(pathBelowRoot(new URL('https://example.com/gitlabx/a'), base)).toBeNull();
    expect(pathBelowRoot(new URL('https://other.com/gitlab/a'), base)).toBeNull();
  });
});

describe('epic boards', () => {
  it('are group boards whose cards are epics', () => {
    const page = detectPage(new URL('https://gitlab.com/groups/gitlab-org/sub/-/epic_boards/5'), { page: 'groups:epic_boards:show' });
    expect(page).toMatchObject({ kind: 'board', groupPath: 'gitlab-org/sub', boardId: 5, epicBoard: true });
  });
});

describe('group work items', () => {
  it('are epic pages whose type is still to be confirmed; /-/epics/ pages are epics outright', () => {
    const workItem = detectPage(new URL('https://gitlab.com/groups/gitlab-org/-/work_items/7'), { page: 'groups:work_items:show' });
    expect(workItem).toMatchObject({ kind: 'epic', groupPath: 'gitlab-org', iid: 7, groupWorkItem: true });
    const epic = detectPage(new URL('https://gitlab.com/groups/gitlab-org/-/epics/7'), { page: 'groups:epics:show' });
    expect(epic).toMatchObject({ kind: 'epic', groupPath: 'gitlab-org', iid: 7 });
    expect(epic.groupWorkItem).toBeUndefined();
  });
});
