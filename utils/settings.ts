/**
 * All settings in one versioned zod schema (SPEC §7). Stored in `browser.storage.local` (never
 * sync storage: it holds the token). Reading always yields valid settings: what fails to parse
 * falls back to defaults and is reported, and saving validates first so invalid input never
 * replaces what was saved.
 */
import { z } from 'zod';
import { normalizeGitLabUrl } from './gitlab-url';
import { DEFAULT_KPI_SETTINGS, isValidTimeZone, type KpiSettings } from './kpi';

export const SETTINGS_VERSION = 1;

const gitlabUrlField = z.string().transform((value, ctx) => {
  const result = normalizeGitLabUrl(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.url;
});

/**
 * What is wrong with a personal access token as typed, or null if it may be sent (also for an
 * empty token: whether one is required is the caller's rule). Leading and trailing whitespace is
 * ignored, as the token field trims it. A GitLab token is printable ASCII; anything else, often an
 * invisible character copied along with it, would only fail later: fetch refuses a header value
 * beyond Latin-1 (reported as "could not reach" the host), and GitLab rejects the rest with a 401.
 */
export function tokenProblem(token: string): string | null {
  const trimmed = token.trim();
  if (trimmed.length > 512) return 'That is longer than any GitLab token.';
  const invisible = /(?! )[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Z}]/u.exec(trimmed)?.[0];
  if (invisible) {
    return `The token contains an invisible character (${codePoint(invisible)}) — it was probably copied along with the token. Paste the token again or type it.`;
  }
  if (/\s/.test(trimmed)) return 'A token has no spaces in it.';
  const other = /[^\x21-\x7e]/u.exec(trimmed)?.[0];
  if (other) {
    const named = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(other)
      ? `"${other}" (${codePoint(other)})`
      : `a non-printable character (${codePoint(other)})`;
    return `The token contains ${named}, which no GitLab token has. Paste the token again or type it.`;
  }
  return null;
}

/** `U+200B` for a character (a whole code point, so an emoji is one). */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const tokenField = z
  .string()
  .trim()
  .superRefine((token, ctx) => {
    const problem = tokenProblem(token);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const listOfNames = z.array(z.string().trim().min(1)).default([]);
const number = () => z.number({ error: 'Enter a number.' });

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  gitlabUrl: gitlabUrlField,
  token: tokenField,
  team: z
    .object({
      /** Group full path used for Team KPIs and group pages. */
      group: z.string().trim().default(''),
      /** Project ids or full paths. */
      projects: listOfNames,
      /** Engineer usernames; empty means active members with Developer access or more. */
      engineers: listOfNames,
    })
    .prefault({}),
  kpi: z
    .object({
      /** Rolling window in days (SPEC §2). */
      windowDays: number().int().min(7, 'At least 7 days.').max(365, 'At most 365 days.').default(90),
      /** IANA zone in which a due day ends, e.g. Europe/Berlin. */
      timeZone: z.string().trim().refine(isValidTimeZone, 'Not a time zone name such as UTC or Europe/Berlin.').default('UTC'),
      dueSoonDays: number().int().min(0).max(60).default(3),
      incidentTypeIsFailure: z.boolean().default(true),
      /** Each set is all-must-match; sets are alternatives (`type::bug` + `severity::1`). */
      failureLabelSets: z
        .array(z.array(z.string().trim().min(1)).min(1))
        .default([['incident'], ['type::bug', 'severity::1'], ['type::bug', 'severity::2']]),
      targets: z
        .object({
          onTimePercent: number().min(0).max(100).default(80),
          completePercent: number().min(0).max(100).default(80),
          mttrHours: number().positive('Must be more than 0.').default(24),
          mtbfDays: number().positive('Must be more than 0.').default(30),
          mrRate: number().positive('Must be more than 0.').default(8),
          techContribution: number().positive('Must be more than 0.').default(2),
        })
        .prefault({}),
    })
    .prefault({}),
  sync: z
    .object({
      /** Cached data older than this is refreshed when a page asks for it. */
      staleAfterMinutes: number().int().min(1).max(24 * 60).default(60),
    })
    .prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({
  version: SETTINGS_VERSION,
  gitlabUrl: 'https://gitlab.com',
  token: '',
});

export type FieldErrors = Record<string, string>;

export type SettingsParse = { ok: true; settings: Settings } | { ok: false; fieldErrors: FieldErrors };

/** Validates candidate settings; errors are keyed by field path (`gitlabUrl`, `team.projects.0`). */
export function parseSettings(candidate: unknown): SettingsParse {
  const result = settingsSchema.safeParse(migrateSettings(candidate));
  if (result.success) return { ok: true, settings: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'settings';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * Upgrades stored settings of older versions to the current shape. Version 0 is the shape
 * before versioning existed (none shipped); each later version adds one step here.
 */
export function migrateSettings(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object') return stored;
  const record = stored as Record<string, unknown>;
  if (record.version === undefined) return { ...record, version: SETTINGS_VERSION };
  return record;
}

/**
 * Settings as read from storage: always usable, with what was wrong reported. Only the top-level
 * parts that fail fall back to their defaults (say, an `http://` URL a newer rule refuses), so
 * the rest of what the user set up is kept.
 */
export function settingsFromStorage(stored: unknown): { settings: Settings; problems: FieldErrors } {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, problems: {} };
  const first = parseSettings(stored);
  if (first.ok) return { settings: first.settings, problems: {} };
  if (typeof stored !== 'object') return { settings: DEFAULT_SETTINGS, problems: first.fieldErrors };
  const defaults = DEFAULT_SETTINGS as unknown as Record<string, unknown>;
  const repaired: Record<string, unknown> = { ...(migrateSettings(stored) as Record<string, unknown>) };
  for (const path of Object.keys(first.fieldErrors)) {
    const part = path.split('.')[0]!;
    if (part in defaults) repaired[part] = defaults[part];
  }
  const second = parseSettings(repaired);
  return { settings: second.ok ? second.settings : DEFAULT_SETTINGS, problems: first.fieldErrors };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The KPI engine's settings from the user's (percent, hours and days become its units). */
export function kpiSettingsFrom(settings: Settings): KpiSettings {
  const { kpi, team } = settings;
  const higher = 'higher-is-better' as const;
  return {
    ...DEFAULT_KPI_SETTINGS,
    windowDays: kpi.windowDays,
    timeZone: kpi.timeZone,
    dueSoonDays: kpi.dueSoonDays,
    failureRules: { incidentTypeIsFailure: kpi.incidentTypeIsFailure, labelSets: kpi.failureLabelSets },
    engineerUsernames: team.engineers,
    targets: {
      'on-time': { target: kpi.targets.onTimePercent / 100, direction: higher },
      complete: { target: kpi.targets.completePercent / 100, direction: higher },
      mttr: { target: kpi.targets.mttrHours * HOUR_MS, direction: 'lower-is-better' },
      mtbf: { target: kpi.targets.mtbfDays * DAY_MS, direction: higher },
      'mr-rate': { target: kpi.targets.mrRate, direction: higher },
      'tech-contribution': { target: kpi.targets.techContribution, direction: higher },
    },
  };
}

/** What the UI may see: everything but the token (SPEC §8: the token never leaves the background). */
export type PublicSettings = Omit<Settings, 'token'> & { hasToken: boolean };

export function toPublicSettings(settings: Settings): PublicSettings {
  const { token, ...rest } = settings;
  return { ...rest, hasToken: token.length > 0 };
}
