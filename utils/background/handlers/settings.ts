/**
 * The options page's answers (settings, Test connection and the last one kept, removing the
 * token) and the content script's status. Storage, permissions and GitLab access come in as
 * dependencies so the rules (which token may go to which host, what is saved when) are testable.
 */
import { parseSettings, tokenProblem, toPublicSettings, type FieldErrors, type Settings } from '../../settings';
import { isGitLabCom, normalizeGitLabUrl, originPermissionPattern } from '../../gitlab-url';
import type { ConnectionCheck, ConnectionReport, SharedInfo } from '../../messages';
import type { Handlers } from '../router';
import { createSettingsVerifier, type ConnectionTested, type VerificationDeps } from '../settings-verification';

type SettingsHandlers = Pick<
  Handlers,
  | 'ui:settings-get'
  | 'ui:settings-save'
  | 'ui:connection-test'
  | 'ui:connection-check'
  | 'ui:forget-token'
  | 'content:status'
  | 'content:open-options'
  | 'ui:shared-config-refresh'
>;

export interface SettingsHandlerDeps extends VerificationDeps {
  loadSettings(): Promise<{ settings: Settings; problems: FieldErrors }>;
  saveSettings(candidate: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; fieldErrors: FieldErrors }>;
  hasOriginPermission(pattern: string): Promise<boolean>;
  syncContentScriptRegistration(gitlabUrl: string): Promise<unknown>;
  /** Tells open GitLab tabs that saved settings changed, so their overlays ask again. */
  settingsChanged?(): void;
  openOptionsPage(): Promise<void>;
  /** Drops everything cached from GitLab. */
  clearCache(): Promise<void>;
  /**
   * The saved GitLab changed (everything cached from the old one goes) or only its token (what
   * is queued with the old token is cancelled, past failures are forgotten).
   */
  connectionChanged(change: 'gitlab' | 'token'): Promise<void>;
  /** Team paths GitLab answered 404 for when they were last looked up, by settings field. */
  teamProblems(settings: Settings): Promise<FieldErrors>;
  /** The last connection test kept for the options page (connection-check-store.ts); never the token. */
  loadConnectionCheck(): Promise<ConnectionCheck | null>;
  saveConnectionCheck(check: ConnectionCheck | null): Promise<void>;
  /** The team's shared configuration (shared-config.ts); absent in tests that do not need it. */
  shared?: {
    info(settings: Settings): Promise<SharedInfo | null>;
    refresh(settings: Settings): Promise<unknown>;
  };
}

/** Whether a test got as far as asking GitLab: a typo caught before sending is not worth keeping. */
function askedGitLab(input: { gitlabUrl: string; token: string }): boolean {
  const token = input.token.trim();
  return normalizeGitLabUrl(input.gitlabUrl).ok && token !== '' && tokenProblem(token) === null;
}

/** The report as kept: what the page shows, without the per-field messages of that moment. */
function keptReport(report: ConnectionReport): ConnectionReport {
  if (!report.ok) return { ok: false, error: { kind: report.error.kind, message: report.error.message } };
  const { gitlabUrl, user, token } = report;
  return { ok: true, gitlabUrl, user: { username: user.username, name: user.name }, token: { name: token.name, scopes: [...token.scopes], expiresAt: token.expiresAt } };
}

export function createSettingsHandlers(deps: SettingsHandlerDeps): SettingsHandlers {
  /** Keeping the last test is for the options page's convenience: it never fails a test or a save. */
  async function keepCheck(check: ConnectionCheck | null): Promise<void> {
    try {
      await deps.saveConnectionCheck(check);
    } catch {
      // Storage refused: the page shows the result it has, just not after a reload.
    }
  }

  /** Every test that reached GitLab (Test connection's, or the one Save runs) is kept, without the token. */
  async function keepTested({ input, report, at }: ConnectionTested): Promise<void> {
    const url = normalizeGitLabUrl(input.gitlabUrl);
    if (!url.ok || !askedGitLab(input)) return;
    const settings = await deps.loadSettings().then(
      (loaded) => loaded.settings,
      () => null,
    );
    const token = input.token.trim();
    const savedConnection = Boolean(settings?.token) && settings?.gitlabUrl === url.url && settings?.token === token;
    await keepCheck({ gitlabUrl: url.url, checkedAt: new Date(at).toISOString(), savedConnection, report: keptReport(report) });
  }

  const verifier = createSettingsVerifier(deps, keepTested);

  /**
   * After a saved change of URL or token, the kept test is the passed one Save relied on, now of
   * the saved connection; with no token saved there is nothing to show.
   */
  async function keepSavedConnection(settings: Settings): Promise<void> {
    const passed = settings.token ? verifier.passedTest(settings.gitlabUrl, settings.token) : null;
    await keepCheck(
      passed
        ? { gitlabUrl: settings.gitlabUrl, checkedAt: new Date(passed.at).toISOString(), savedConnection: true, report: keptReport(passed.report) }
        : null,
    );
  }

  /**
   * A blank token field means "keep the saved token", but only for the GitLab it was saved
   * for: sending it to a newly typed host would hand it to whoever runs that host.
   */
  async function resolveToken(gitlabUrl: string, typed: string): Promise<{ token: string } | { error: string }> {
    if (typed.trim()) return { token: typed.trim() };
    const { settings } = await deps.loadSettings();
    if (!settings.token) return { token: '' };
    const target = normalizeGitLabUrl(gitlabUrl);
    if (target.ok && target.url === settings.gitlabUrl) return { token: settings.token };
    return { error: `The saved token belongs to ${settings.gitlabUrl}. Enter a token for this GitLab.` };
  }

  return {
    'ui:settings-get': async () => {
      const { settings, problems } = await deps.loadSettings();
      const shared = (await deps.shared?.info(settings)) ?? null;
      return { settings: toPublicSettings(settings), problems, teamProblems: await deps.teamProblems(settings), shared };
    },

    'ui:settings-save': async ({ settings: candidate, token }) => {
      const gitlabUrl = typeof candidate.gitlabUrl === 'string' ? candidate.gitlabUrl : '';
      const resolved = await resolveToken(gitlabUrl, token);
      if ('error' in resolved) return { ok: false, fieldErrors: { token: resolved.error } };
      const url = normalizeGitLabUrl(gitlabUrl);
      if (url.ok && !isGitLabCom(url.url) && !(await deps.hasOriginPermission(originPermissionPattern(url.url)))) {
        const origin = new URL(url.url).origin;
        return {
          ok: false,
          fieldErrors: { gitlabUrl: `Engineering Lens was not allowed to access ${origin}. Save again and choose Allow.` },
        };
      }
      // Checked here first, so GitLab is asked only about settings that could be saved.
      const parsed = parseSettings({ ...candidate, token: resolved.token });
      if (!parsed.ok) return parsed;
      const before = (await deps.loadSettings()).settings;
      const rejected = await verifier.verify(parsed.settings, before);
      if (Object.keys(rejected).length) return { ok: false, fieldErrors: rejected };
      const saved = await deps.saveSettings(parsed.settings);
      if (!saved.ok) return saved;
      if (saved.settings.gitlabUrl !== before.gitlabUrl) await deps.connectionChanged('gitlab');
      else if (saved.settings.token !== before.token) await deps.connectionChanged('token');
      if (saved.settings.gitlabUrl !== before.gitlabUrl || saved.settings.token !== before.token) {
        await keepSavedConnection(saved.settings);
      }
      await deps.syncContentScriptRegistration(saved.settings.gitlabUrl);
      // A new location of the shared file is read before the answer, so the page shows its state.
      const { project, ref, path } = saved.settings.shared;
      const moved = project !== before.shared.project || ref !== before.shared.ref || path !== before.shared.path;
      if (moved && deps.shared) await deps.shared.refresh(saved.settings).catch(() => undefined);
      deps.settingsChanged?.();
      return { ok: true, settings: toPublicSettings(saved.settings) };
    },

    'ui:shared-config-refresh': async () => {
      const { settings } = await deps.loadSettings();
      if (!deps.shared || !settings.shared.project) return { shared: null };
      await deps.shared.refresh(settings);
      deps.settingsChanged?.();
      return { shared: await deps.shared.info(settings) };
    },

    'ui:connection-test': async ({ gitlabUrl, token }) => {
      const resolved = await resolveToken(gitlabUrl, token);
      if ('error' in resolved) {
        return { ok: false, error: { kind: 'unauthorized', message: resolved.error }, fieldErrors: { token: resolved.error } };
      }
      return verifier.test({ gitlabUrl, token: resolved.token });
    },

    'ui:connection-check': async () => {
      const [check, { settings }] = await Promise.all([deps.loadConnectionCheck(), deps.loadSettings()]);
      if (!check) return { check: null };
      // Kept as "the saved connection" only while it still is (the URL or token may have changed since).
      const stillSaved = check.savedConnection && settings.token !== '' && check.gitlabUrl === settings.gitlabUrl;
      return { check: { ...check, savedConnection: stillSaved } };
    },

    'ui:forget-token': async () => {
      const { settings } = await deps.loadSettings();
      const saved = await deps.saveSettings({ ...settings, token: '' });
      if (!saved.ok) throw new Error('saved settings no longer validate');
      await deps.clearCache();
      await keepCheck(null);
      return { settings: toPublicSettings(saved.settings) };
    },

    'content:status': async () => {
      const { settings } = await deps.loadSettings();
      return { configured: settings.token.length > 0, gitlabUrl: settings.gitlabUrl };
    },

    'content:open-options': async () => {
      await deps.openOptionsPage();
      return {};
    },
  };
}
