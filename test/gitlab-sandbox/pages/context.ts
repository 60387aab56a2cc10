// What every page renderer gets: the dataset, the controls, and per-request view settings
// (query parameters override the controls for one page load).

import type { Controls, IssueView, Theme } from '../controls.ts';
import type { Dataset } from '../dataset.ts';
import type { User } from '../types.ts';

export interface PageContext {
  data: Dataset;
  controls: Controls;
  url: URL;
  /** The signed-in user pages are rendered for (the api token's user). */
  user: User;
  theme: Theme;
  issueView: IssueView;
  mountDelayMs: number;
  widgetDelayMs: number;
  /**
   * `sandbox_static=1`: the board's app is in the HTML as served (as a server-rendered page would
   * have it), not mounted by script after the delay like GitLab's Vue app.
   */
  staticApp: boolean;
}

function numberParam(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function pageContext(data: Dataset, controls: Controls, url: URL): PageContext {
  const themeParam = url.searchParams.get('sandbox_theme');
  const viewParam = url.searchParams.get('sandbox_view');
  const user = data.user(1);
  if (!user) throw new Error('the sandbox needs user 1');
  return {
    data,
    controls,
    url,
    user,
    theme: themeParam === 'dark' || themeParam === 'light' || themeParam === 'system' ? themeParam : controls.state.theme,
    issueView: viewParam === 'legacy' || viewParam === 'work_item' ? viewParam : controls.state.issueView,
    mountDelayMs: numberParam(url, 'sandbox_mount_delay') ?? controls.state.mountDelayMs,
    widgetDelayMs: numberParam(url, 'sandbox_widget_delay') ?? controls.state.widgetDelayMs,
    staticApp: url.searchParams.get('sandbox_static') === '1',
  };
}
