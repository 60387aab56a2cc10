/**
 * The content script runs on every GitLab page and must stay under 90 KB gzip with every overlay
 * in it (SPEC §9). Its React code is built against preact/compat (same API): measured with the
 * same code, 82 KB gzip with react-dom, 22 KB with preact/compat (docs/architecture.md). The
 * popup and the options page keep React. Used by wxt.config.ts for the content script build and
 * by vitest.config.ts, so the content script's unit tests run what ships.
 */
export const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];
