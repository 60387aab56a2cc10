/**
 * The settings in force when the team shares its configuration (SPEC §5, §7): the sections the
 * shared file provides replace this browser's, except those the user keeps as their own.
 * Connection, sync and where the file is always stay local. Pure: the background reads the file.
 */
import type { ConfigProblem, ConfigSettings } from './config-file';
import type { Settings } from './index';
import { SHARED_SECTIONS, type SharedSection } from './shared';

/** The last reading of the shared file, as kept by the background. */
export interface SharedConfigState {
  /** Where it was read: the settings it belongs to (a changed location makes it stale). */
  source: { project: string; ref: string; path: string };
  /** The branch actually read (the default branch when `ref` is empty). */
  readRef: string;
  readAt: string;
  /** The file's settings when it was valid. */
  settings?: ConfigSettings;
  /** What is wrong with the file, when it is not valid: nothing of it is used. */
  problems?: ConfigProblem[];
  /** Why it could not be read (no such file, project, access). */
  error?: string;
}

/** Whether the reading belongs to the settings' current location. */
export function sharedStateFor(local: Settings, state: SharedConfigState | null): SharedConfigState | null {
  const { project, ref, path } = local.shared;
  if (!project || !state) return null;
  return state.source.project === project && state.source.ref === ref && state.source.path === path ? state : null;
}

/** The sections the shared file sets now: provided by a valid reading and not kept local. */
export function sharedSectionsInForce(local: Settings, state: SharedConfigState | null): SharedSection[] {
  const reading = sharedStateFor(local, state);
  if (!reading?.settings) return [];
  return SHARED_SECTIONS.filter((section) => !local.shared.local.includes(section));
}

export function effectiveSettings(local: Settings, state: SharedConfigState | null): Settings {
  const reading = sharedStateFor(local, state);
  const sections = sharedSectionsInForce(local, state);
  if (!reading?.settings || !sections.length) return local;
  const effective: Settings = { ...local };
  const shared = reading.settings;
  for (const section of sections) (effective as Record<SharedSection, unknown>)[section] = shared[section];
  return effective;
}
