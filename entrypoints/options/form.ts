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
  windowDays: string;
  timeZone: string;
  dueSoonDays: string;
  incidentTypeIsFailure: boolean;
  /** One label set per line, labels separated by commas: all labels of a line must be present. */
  failureLabelSets: string;
  /** Labels that make a failure an outage (MTBF downtime), separated by commas or lines. */
  outageLabels: string;
  onTimePercent: string;
  completePercent: string;
  mttrHours: string;
  mtbfDays: string;
  mrRate: string;
  techContribution: string;
}

export type TextField = Exclude<keyof FormState, 'incidentTypeIsFailure'>;

export function formFromSettings(settings: PublicSettings): FormState {
  return {
    gitlabUrl: settings.gitlabUrl,
    token: '',
    group: settings.team.group,
    projects: settings.team.projects.join('\n'),
    engineers: settings.team.engineers.join('\n'),
    staleAfterMinutes: String(settings.sync.staleAfterMinutes),
    windowDays: String(settings.kpi.windowDays),
    timeZone: settings.kpi.timeZone,
    dueSoonDays: String(settings.kpi.dueSoonDays),
    incidentTypeIsFailure: settings.kpi.incidentTypeIsFailure,
    failureLabelSets: settings.kpi.failureLabelSets.map((set) => set.join(', ')).join('\n'),
    outageLabels: settings.kpi.outageLabels.join(', '),
    onTimePercent: String(settings.kpi.targets.onTimePercent),
    completePercent: String(settings.kpi.targets.completePercent),
    mttrHours: String(settings.kpi.targets.mttrHours),
    mtbfDays: String(settings.kpi.targets.mtbfDays),
    mrRate: String(settings.kpi.targets.mrRate),
    techContribution: String(settings.kpi.targets.techContribution),
  };
}

/** A number field's value; blank is NaN so validation says "Enter a number." instead of guessing. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Candidate settings without the token (it travels separately so a blank keeps the saved one). */
export function candidateFromForm(form: FormState): Record<string, unknown> {
  return {
    gitlabUrl: form.gitlabUrl,
    team: { group: form.group.trim(), projects: lines(form.projects), engineers: lines(form.engineers).map((u) => u.replace(/^@/, '')) },
    kpi: {
      windowDays: numberOf(form.windowDays),
      timeZone: form.timeZone,
      dueSoonDays: numberOf(form.dueSoonDays),
      incidentTypeIsFailure: form.incidentTypeIsFailure,
      failureLabelSets: form.failureLabelSets
        .split('\n')
        .map((line) => line.split(',').map((label) => label.trim()).filter(Boolean))
        .filter((set) => set.length > 0),
      outageLabels: lines(form.outageLabels),
      targets: {
        onTimePercent: numberOf(form.onTimePercent),
        completePercent: numberOf(form.completePercent),
        mttrHours: numberOf(form.mttrHours),
        mtbfDays: numberOf(form.mtbfDays),
        mrRate: numberOf(form.mrRate),
        techContribution: numberOf(form.techContribution),
      },
    },
    sync: { staleAfterMinutes: numberOf(form.staleAfterMinutes) },
  };
}

/** Maps settings field paths to the form field that shows the message. */
export function formErrorKey(path: string): TextField | 'form' {
  if (path === 'gitlabUrl' || path === 'token') return path;
  const kpiField = /^kpi\.(?:targets\.)?([A-Za-z]+)/.exec(path)?.[1];
  if (kpiField && kpiField !== 'incidentTypeIsFailure' && kpiField in KPI_FIELDS) return kpiField as TextField;
  if (path.startsWith('team.group')) return 'group';
  if (path.startsWith('team.projects')) return 'projects';
  if (path.startsWith('team.engineers')) return 'engineers';
  if (path.startsWith('sync.staleAfterMinutes')) return 'staleAfterMinutes';
  return 'form';
}

const KPI_FIELDS: Record<string, true> = {
  windowDays: true,
  timeZone: true,
  dueSoonDays: true,
  failureLabelSets: true,
  outageLabels: true,
  onTimePercent: true,
  completePercent: true,
  mttrHours: true,
  mtbfDays: true,
  mrRate: true,
  techContribution: true,
};
