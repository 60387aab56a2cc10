/**
 * "Suggest engineering allocation" at the end of the issue's sidebar (SPEC §6), in the work-item
 * and the legacy view, and in the `?show=` drawer. Tested on: the stand-in's work-item issue page.
 */
import { drawerDriPanelAnchors, driPanelAnchors } from '../../../utils/page/anchors';
import type { Feature } from '../feature';
import { mountLensHost } from '../ui/lens-host';
import { SuggestAllocation } from '../ui/survey-form';
import { drawerIssue } from './drawer-kpi-badges';

function issueUrl(projectPath: string, iid: number): string {
  // The page's own origin and the path below GitLab's root, as the page links it.
  const root = location.pathname.slice(0, Math.max(0, location.pathname.indexOf(`/${projectPath}/`)));
  return `${location.origin}${root}/${projectPath}/-/issues/${iid}`;
}

export const issueSuggestAllocation: Feature = {
  id: 'issue-suggest-allocation',
  include: ['issue'],
  async init({ ctx, signal, page }) {
    if (!page.projectPath || !page.iid) return;
    const related = { projectPath: page.projectPath, iid: page.iid, url: issueUrl(page.projectPath, page.iid) };
    await mountLensHost({ ctx, signal, featureId: 'issue-suggest-allocation', anchors: driPanelAnchors, append: 'last', render: () => <SuggestAllocation related={related} /> });
  },
};

export const drawerSuggestAllocation: Feature = {
  id: 'drawer-suggest-allocation',
  include: ['board', 'issue-list'],
  drawer: true,
  async init(context) {
    const { ctx, signal } = context;
    const issue = await drawerIssue(context);
    if (!issue) return;
    const related = { projectPath: issue.projectPath, iid: issue.iid, url: issueUrl(issue.projectPath, issue.iid) };
    await mountLensHost({ ctx, signal, featureId: 'drawer-suggest-allocation', anchors: drawerDriPanelAnchors, append: 'last', render: () => <SuggestAllocation related={related} /> });
  },
};
