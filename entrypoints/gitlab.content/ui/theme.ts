/**
 * GitLab's theme, followed live (issue 11): in "system" mode GitLab toggles `gl-dark` on <html>
 * when the OS theme changes, and a user can switch themes in another tab. Every host of ours
 * carries `data-theme` (overlay.css styles by it); one observer of the class attributes of
 * <html> and <body> (older versions mark <body>) keeps them all in step, with no reload.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export type Theme = 'dark' | 'light';

/** GitLab marks dark mode with `gl-dark` on <html> (or <body> in older versions). */
export function gitlabTheme(): Theme {
  return document.documentElement.classList.contains('gl-dark') || document.body?.classList.contains('gl-dark') ? 'dark' : 'light';
}

/** Starts following the theme for the page's life; every `[data-lens]` host gets the current one. */
export function followTheme(ctx: Pick<ContentScriptContext, 'onInvalidated'>): void {
  let current = gitlabTheme();
  const observer = new MutationObserver(() => {
    const theme = gitlabTheme();
    if (theme === current) return;
    current = theme;
    for (const host of document.querySelectorAll<HTMLElement>('[data-lens]')) host.dataset.theme = theme;
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  if (document.body) observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  ctx.onInvalidated(() => observer.disconnect());
}
