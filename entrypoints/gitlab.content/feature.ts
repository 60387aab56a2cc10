/**
 * One overlay = one feature file in ./features (refined-github style): it says on which page
 * kinds it runs and gets an AbortSignal that ends it when the page changes. A failing feature
 * is logged and never stops the others or breaks GitLab's page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageInfo, PageKind } from '../../utils/page/detect';

export interface FeatureContext {
  page: PageInfo;
  /** Aborted when the page (or, for drawer features, the drawer) changes or the extension reloads. */
  signal: AbortSignal;
  ctx: ContentScriptContext;
  /**
   * The configured GitLab, as the background knows it; null when it does not answer for this page.
   * A promise: features start (and reserve their space) before the background has answered.
   */
  gitlab: Promise<GitLabStatus | null>;
}

export interface GitLabStatus {
  /** A token is saved. */
  configured: boolean;
  gitlabUrl: string;
}

export interface Feature {
  /** Also the `data-lens` attribute of the hosts it injects; file name = id. */
  id: string;
  include: readonly PageKind[];
  /** Runs for the `?show=` drawer and restarts whenever the drawer changes. */
  drawer?: boolean;
  init(context: FeatureContext): void | Promise<void>;
}

export async function runFeature(feature: Feature, context: FeatureContext): Promise<void> {
  try {
    await feature.init(context);
  } catch (error) {
    if (context.signal.aborted) return;
    console.warn(`[Engineering Lens] ${feature.id} failed:`, error);
  }
}
