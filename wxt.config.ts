import { defineConfig } from 'wxt';
import { PREACT_FOR_REACT } from './content-script-react';

// GitLab.com is covered by the static content script and host permission; self-managed origins
// are optional and granted one by one from the options page (SPEC §1, §8).
const SELF_MANAGED_ORIGINS = ['https://*/*', 'http://*/*'];
// Only the e2e build may talk to the local GitLab stand-in without asking (issue #2, item 5).
const E2E_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];
const isE2eBuild = process.env.LENS_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script is built against preact/compat (content-script-react.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      const existing = config.resolve?.alias;
      const aliases = Array.isArray(existing) ? existing : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [...PREACT_FOR_REACT, ...aliases] };
    },
  },
  // Explicit imports: a newcomer sees where every name comes from.
  imports: false,
  // `npm run build:e2e` (LENS_E2E=1) is the production build plus the test origins, written to
  // .output/chrome-mv3-e2e, so tests and the benchmark measure what users run. LENS_E2E_OUT
  // (a suffix such as `-a`) gives parallel work its own build; the e2e fixtures read the same.
  ...(isE2eBuild ? { outDirTemplate: `{{browser}}-mv{{manifestVersion}}-e2e${process.env.LENS_E2E_OUT ?? ''}` } : {}),
  manifest: ({ browser, manifestVersion }) => {
    const hostPermissions = ['https://gitlab.com/*', ...(isE2eBuild ? E2E_ORIGINS : [])];
    return {
      name: 'Engineering Lens for GitLab',
      description:
        'Engineering KPI badges on GitLab issues, epics and boards, computed in your browser from the GitLab API.',
      permissions: ['storage', 'alarms', 'scripting'],
      host_permissions: hostPermissions,
      // MV3 has optional_host_permissions; Firefox MV2 takes origins in optional_permissions.
      ...(manifestVersion === 3
        ? { optional_host_permissions: SELF_MANAGED_ORIGINS }
        : { optional_permissions: SELF_MANAGED_ORIGINS }),
      // Firefox's WebDriver BiDi will not navigate to moz-extension:// pages; the e2e build lets
      // the Firefox smoke test (test/firefox/smoke.ts) open its options page from a web page.
      ...(browser === 'firefox' && isE2eBuild ? { web_accessible_resources: ['options.html'] } : {}),
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'engineering-lens@example.org',
                // Nothing is collected: data goes only between the browser and the user's GitLab.
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
