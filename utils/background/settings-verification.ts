/**
 * Save asks GitLab first (issue #7): settings GitLab rejects are never saved. A new URL or token
 * must pass the connection test (a test of the same URL and token a few minutes ago counts), and
 * every new team group or project path must exist for that token. Each refusal names its field.
 */
import type { ConnectionReport, ErrorInfo } from '../messages';
import type { FieldErrors, Settings } from '../settings';
import { testConnection, type ConnectionTestDeps } from './connection-test';
import { teamPaths } from './scopes';

/** How long a successful "Test connection" stands in for the test Save would run. */
const REUSE_TEST_FOR_MS = 10 * 60_000;

export interface VerificationDeps extends ConnectionTestDeps {
  now(): number;
}

/** Which field a failed connection test is about: the token's problems, or the address's. */
function connectionField(error: ErrorInfo): 'token' | 'gitlabUrl' {
  return error.kind === 'unauthorized' || error.kind === 'forbidden' ? 'token' : 'gitlabUrl';
}

type PassedReport = Extract<ConnectionReport, { ok: true }>;

/** One connection test that ran: what was tested (the token only in memory), its report and when. */
export interface ConnectionTested {
  input: { gitlabUrl: string; token: string };
  report: ConnectionReport;
  at: number;
}

/** `onTested` hears of every connection test, the button's and Save's, before its result is used. */
export function createSettingsVerifier(deps: VerificationDeps, onTested?: (tested: ConnectionTested) => Promise<void>) {
  /** `url\ntoken` → when it last passed the connection test, and its report. Memory only: a restart re-tests. */
  const passed = new Map<string, { at: number; report: PassedReport }>();
  const key = (gitlabUrl: string, token: string) => `${gitlabUrl}\n${token}`;

  /** The "Test connection" button: runs the test and remembers a success for Save. */
  async function test(input: { gitlabUrl: string; token: string }) {
    const report = await testConnection(input, deps);
    const at = deps.now();
    if (report.ok) passed.set(key(report.gitlabUrl, input.token.trim()), { at, report });
    await onTested?.({ input, report, at });
    return report;
  }

  return {
    test,

    /** The last passed test of exactly this URL and token (what Save relied on), or null. */
    passedTest(gitlabUrl: string, token: string): { at: number; report: PassedReport } | null {
      return passed.get(key(gitlabUrl, token)) ?? null;
    },

    /** Field errors that keep `candidate` from being saved over `saved`; empty when it may be. */
    async verify(candidate: Settings, saved: Settings): Promise<FieldErrors> {
      if (!candidate.token) return {};
      const connectionChanged = candidate.gitlabUrl !== saved.gitlabUrl || candidate.token !== saved.token;
      if (connectionChanged) {
        const at = passed.get(key(candidate.gitlabUrl, candidate.token))?.at;
        if (at === undefined || deps.now() - at > REUSE_TEST_FOR_MS) {
          const report = await test({ gitlabUrl: candidate.gitlabUrl, token: candidate.token });
          if (!report.ok) return { [connectionField(report.error)]: report.error.message, ...report.fieldErrors };
        }
      }
      const before = new Set(teamPaths(saved).map((entry) => `${entry.kind}:${entry.path}`));
      const toCheck = teamPaths(candidate).filter(
        ({ kind, path }) => !(kind === 'project' && /^\d+$/.test(path)) && (connectionChanged || !before.has(`${kind}:${path}`)),
      );
      if (!toCheck.length) return {};
      const probe = deps.createProbe(candidate.gitlabUrl, candidate.token);
      const errors: FieldErrors = {};
      await Promise.all(
        toCheck.map(async ({ kind, path, field }) => {
          try {
            await (kind === 'group' ? probe.getGroup(path) : probe.getProject(path));
          } catch (error) {
            const info = deps.describeError(error);
            errors[field] =
              info.kind === 'not-found'
                ? `GitLab has no ${kind} “${path}” (404), or this token’s user cannot see it. Use its full path, as in its URL.`
                : `Could not check ${kind} “${path}”: ${info.message}`;
          }
        }),
      );
      return errors;
    },
  };
}
