/**
 * All settings in one zod schema made of sections (SPEC §7): connection, team, kpi, sync; the
 * coming features add theirs (allocation, service registry, capacity, survey, OKRs) as one file
 * each. Stored as a versioned WXT storage item by the background (settings-store.ts), the token
 * apart in the token vault. Reading always yields valid settings: a part that fails to parse
 * falls back to its defaults and is reported, and saving validates first so invalid input never
 * replaces what was saved.
 */
import { z } from 'zod';
import { allocationSection } from './allocation';
import { gitlabUrlField, tokenField } from './connection';
import { driSection } from './dri';
import { surveySection } from './survey';
import { sharedSection } from './shared';
import { kpiSection } from './kpi';
import { okrSection } from './okr';
import { syncSection } from './sync';
import { teamSection } from './team';

export { tokenProblem } from './connection';
export { kpiSettingsFrom } from './kpi';
export { allocationRulesFrom, type AllocationSettings, type AllocationMeasure } from './allocation';

const settingsSchema = z.object({
  gitlabUrl: gitlabUrlField,
  /** Held in memory with the rest; stored apart, in the token vault. */
  token: tokenField,
  team: teamSection,
  kpi: kpiSection,
  sync: syncSection,
  allocation: allocationSection,
  dri: driSection,
  survey: surveySection,
  shared: sharedSection,
  okr: okrSection,
});

export type Settings = z.output<typeof settingsSchema>;
/** Everything but the token: what storage.local and a configuration file hold. */
export const storedSettingsSchema = settingsSchema.omit({ token: true });
/** What storage.local holds: everything but the token. */
export type StoredSettings = Omit<Settings, 'token'>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ gitlabUrl: 'https://gitlab.com', token: '' });

export type FieldErrors = Record<string, string>;

type SettingsParse = { ok: true; settings: Settings } | { ok: false; fieldErrors: FieldErrors };

/** Validates candidate settings; errors are keyed by field path (`gitlabUrl`, `team.projects.0`). */
export function parseSettings(candidate: unknown): SettingsParse {
  const result = settingsSchema.safeParse(candidate);
  if (result.success) return { ok: true, settings: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'settings';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * Settings as read from storage (token added by the caller): always usable, with what was wrong
 * reported. Only the sections that fail fall back to their defaults (say, an `http://` URL a
 * newer rule refuses), so the rest of what the user set up is kept.
 */
export function settingsFromStorage(stored: unknown): { settings: Settings; problems: FieldErrors } {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, problems: {} };
  const first = parseSettings(stored);
  if (first.ok) return { settings: first.settings, problems: {} };
  if (typeof stored !== 'object') return { settings: DEFAULT_SETTINGS, problems: first.fieldErrors };
  const defaults = DEFAULT_SETTINGS as unknown as Record<string, unknown>;
  const repaired: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const path of Object.keys(first.fieldErrors)) {
    const part = path.split('.')[0]!;
    if (part in defaults) repaired[part] = defaults[part];
  }
  const second = parseSettings(repaired);
  return { settings: second.ok ? second.settings : DEFAULT_SETTINGS, problems: first.fieldErrors };
}

/** What the UI may see: everything but the token (SPEC §8: the token never leaves the background). */
export type PublicSettings = StoredSettings & { hasToken: boolean };

export function toPublicSettings(settings: Settings): PublicSettings {
  const { token, ...rest } = settings;
  return { ...rest, hasToken: token.length > 0 };
}
