/** The options form's text state and its conversion to candidate settings. */
import type { ResponseOf } from '../../utils/messages';

export type PublicSettings = ResponseOf<'ui:settings-get'>['settings'];

export interface FormState {
  gitlabUrl: string;
  token: string;
  group: string;
  projects: string;
  engineers: string;
  staleAfterMinutes: string;
}

export function formFromSettings(settings: PublicSettings): FormState {
  return {
    gitlabUrl: settings.gitlabUrl,
    token: '',
    group: settings.team.group,
    projects: settings.team.projects.join('\n'),
    engineers: settings.team.engineers.join('\n'),
    staleAfterMinutes: String(settings.sync.staleAfterMinutes),
  };
}

const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Candidate settings without the token (it travels separately so a blank keeps the saved one). */
export function candidateFromForm(form: FormState, version: number): Record<string, unknown> {
  const minutes = Number(form.staleAfterMinutes);
  return {
    version,
    gitlabUrl: form.gitlabUrl,
    team: { group: form.group.trim(), projects: lines(form.projects), engineers: lines(form.engineers).map((u) => u.replace(/^@/, '')) },
    sync: { staleAfterMinutes: form.staleAfterMinutes.trim() === '' ? Number.NaN : minutes },
  };
}

/** Maps settings field paths to the form field that shows the message. */
export function formErrorKey(path: string): keyof FormState | 'form' {
  if (path === 'gitlabUrl' || path === 'token') return path;
  if (path.startsWith('team.group')) return 'group';
  if (path.startsWith('team.projects')) return 'projects';
  if (path.startsWith('team.engineers')) return 'engineers';
  if (path.startsWith('sync.staleAfterMinutes')) return 'staleAfterMinutes';
  return 'form';
}
