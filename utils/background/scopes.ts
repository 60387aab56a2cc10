/**
 * The configured team as scopes (SPEC §2: "the configured team: projects + members, or the
 * group"). Each path is resolved on its own: one path GitLab no longer knows is reported next to
 * its field and in the popup, and the rest of the team keeps working.
 */
import type { LensDb } from '../db/database';
import { MessageError } from '../messages';
import type { Settings } from '../settings';
import type { Lookup } from './data-service';
import type { ScopeTarget } from './scope-cache';

export interface ScopeProblem {
  /** The settings field that names the path: `team.group` or `team.projects.2`. */
  field: string;
  path: string;
  message: string;
}

export interface TeamResolution {
  targets: ScopeTarget[];
  problems: ScopeProblem[];
}

interface TeamPath {
  kind: 'project' | 'group';
  path: string;
  field: string;
}

export function teamPaths(settings: Settings): TeamPath[] {
  const paths: TeamPath[] = [];
  if (settings.team.group) paths.push({ kind: 'group', path: settings.team.group, field: 'team.group' });
  settings.team.projects.forEach((path, index) => paths.push({ kind: 'project', path, field: `team.projects.${index}` }));
  return paths;
}

export async function resolveTeam(
  settings: Settings,
  data: { lookup(kind: 'project' | 'group', path: string): Promise<Lookup> },
): Promise<TeamResolution> {
  const resolved = await Promise.all(
    teamPaths(settings).map(async ({ kind, path, field }): Promise<ScopeTarget | ScopeProblem> => {
      // A numeric project entry is already the id GitLab uses.
      if (kind === 'project' && /^\d+$/.test(path)) return { kind, id: Number(path) };
      try {
        const found = await data.lookup(kind, path);
        if ('error' in found) return { field, path, message: found.error.message };
        return kind === 'group' ? { kind, id: found.id, path } : { kind, id: found.id };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { field, path, message: `Could not look up ${kind} “${path}”: ${message}` };
      }
    }),
  );
  return {
    targets: resolved.filter((entry): entry is ScopeTarget => 'kind' in entry),
    problems: resolved.filter((entry): entry is ScopeProblem => 'field' in entry),
  };
}

/** The team's scopes for a sync, or a message that says why there are none. */
export async function teamTargetsOrExplain(
  settings: Settings,
  data: { lookup(kind: 'project' | 'group', path: string): Promise<Lookup> },
): Promise<TeamResolution> {
  const team = await resolveTeam(settings, data);
  if (!team.targets.length) {
    const first = team.problems[0];
    throw new MessageError(
      first
        ? { kind: 'scope-not-found', message: `None of the team's group or projects could be used. ${first.message}` }
        : { kind: 'no-team', message: "Add the team's group or projects in the settings to sync them." },
    );
  }
  return team;
}

/**
 * Team paths GitLab answered 404 for when last looked up, by settings field, from IndexedDB
 * (no request): the options page shows them next to their fields when it opens.
 */
export async function storedTeamProblems(db: LensDb, settings: Settings): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  for (const { kind, path, field } of teamPaths(settings)) {
    const stored = await db.get('scopeIds', `${kind}:${path}`);
    if (stored && stored.id === null && stored.error) problems[field] = stored.error.message;
  }
  return problems;
}
