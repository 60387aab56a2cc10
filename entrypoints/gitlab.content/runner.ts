/**
 * Decides which features run: page features restart when the page changes (kind, project or
 * group, iid, board), drawer features whenever the `?show=` drawer changes, and nothing
 * restarts for a URL change that keeps both (a hash, another query parameter).
 */
import { detectPage, type BodyData, type PageInfo } from '../../utils/page/detect';
import type { Feature } from './feature';

interface RunnerDeps {
  features: readonly Feature[];
  start(feature: Feature, page: PageInfo, signal: AbortSignal): void;
  readBody(): BodyData;
  /** The configured GitLab (for its relative URL root), or null while not known. */
  gitlabBase: () => URL | null;
}

interface Run {
  key: string;
  controller: AbortController;
}

function pageKey(page: PageInfo): string {
  return [page.kind, page.projectPath, page.groupPath, page.iid, page.boardId].join('|');
}

export function createRunner(deps: RunnerDeps) {
  let pageRun: Run | null = null;
  let drawerRun: Run | null = null;

  const start = (key: string, page: PageInfo, drawer: boolean): Run => {
    const controller = new AbortController();
    for (const feature of deps.features) {
      if (!!feature.drawer !== drawer || !feature.include.includes(page.kind)) continue;
      deps.start(feature, page, controller.signal);
    }
    return { key, controller };
  };

  return {
    update(url: URL): void {
      const configured = deps.gitlabBase();
      const base = configured?.origin === url.origin ? configured : null;
      const page = detectPage(url, deps.readBody(), base);
      const key = pageKey(page);
      if (pageRun?.key !== key) {
        pageRun?.controller.abort();
        pageRun = start(key, page, false);
      }
      const drawerKey = page.drawer ? `${key}|${page.drawer}` : '';
      if (drawerRun?.key !== drawerKey) {
        drawerRun?.controller.abort();
        drawerRun = drawerKey ? start(drawerKey, page, true) : null;
      }
    },
    /** Ends every feature (the extension was reloaded or the page is going away). */
    stop(): void {
      pageRun?.controller.abort();
      drawerRun?.controller.abort();
      pageRun = drawerRun = null;
    },
  };
}
