/** The options form's text state and its conversion to candidate settings. */
import type { ResponseOf } from '../../utils/messages';
import type { AllocationMeasure } from '../../utils/settings';
import { allocationSection } from '../../utils/settings/allocation';
import { driSection, type CapacityUnit } from '../../utils/settings/dri';
import { okrSection, type KeyResultKind } from '../../utils/settings/okr';
import { OKR_KPI_IDS, OKR_KPI_UNITS, type OkrDirection } from '../../utils/okr/kpi-units';
import type { SharedSection } from '../../utils/settings/shared';

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
  /** Settings section "allocation" as rows (SPEC §3); numbers stay text until the candidate. */
  allocation: AllocationForm;
  /** Settings section "dri" (SPEC §4) as rows; numbers and lists stay text until the candidate. */
  dri: DriForm;
  /** Settings section "okr" (SPEC §5): objectives with their key results; numbers stay text until the candidate. */
  okr: OkrForm;
  /** Where survey suggestions are filed (a project path or id); empty: the issue's own project. */
  surveyProject: string;
  /** The team's shared configuration file: project (empty: none), ref (empty: default branch), path. */
  sharedProject: string;
  sharedRef: string;
  sharedPath: string;
  /** Sections kept as set here, overriding the shared file. */
  sharedLocal: SharedSection[];
}

export type CategoryKind = 'product' | 'engineering';

export interface CategoryRow {
  /** Stable key the rules and per-category budgets point at; never shown. */
  id: string;
  name: string;
  kind: CategoryKind;
}

export interface RuleRow {
  /** The row's identity while it is edited (React key, focus after a move); not saved. */
  key: string;
  match: 'label' | 'prefix';
  value: string;
  categoryId: string;
}

export type BudgetKind = 'engineering-share' | 'per-category';

export interface AllocationForm {
  categories: CategoryRow[];
  /** In order: the first rule that matches wins. */
  rules: RuleRow[];
  measure: AllocationMeasure;
  budgetKind: BudgetKind;
  /** Engineering-led share (%), used when budgetKind is `engineering-share`. */
  engineeringPercent: string;
  /** Budget (%) by category id, used when budgetKind is `per-category`. */
  categoryPercents: Record<string, string>;
}

export interface ServiceRow {
  /** The row's identity while it is edited (React key, focus after an add or a remove); not saved. */
  key: string;
  name: string;
  /** Usernames separated by commas or spaces, `@` optional. */
  dris: string;
  /** Labels separated by commas (or lines), e.g. `Service::Redis`. */
  labels: string;
  /** Words separated by commas (or lines), matched as whole words. */
  words: string;
}

export interface PersonRow {
  key: string;
  username: string;
  weight: string;
}

export interface DriForm {
  /** The service registry, in settings order. */
  services: ServiceRow[];
  defaultWeight: string;
  unit: CapacityUnit;
  /** Per-person capacities; everyone else has `defaultWeight`. */
  people: PersonRow[];
  /** Labels separated by commas (or lines). */
  simpleLabels: string;
  simpleMaxWeight: string;
  onboardingDays: string;
  historyDays: string;
}

export type OkrKpiId = (typeof OKR_KPI_IDS)[number];

/** One dated value of a manual key result. */
export interface HistoryRow {
  /** The row's identity while it is edited; not saved. */
  key: string;
  /** YYYY-MM-DD. */
  date: string;
  value: string;
}

/**
 * A key result as edited. The fields of every kind are kept, so switching the kind back and
 * forth loses nothing typed; only the chosen kind's go into the candidate.
 */
export interface KeyResultRow {
  key: string;
  /** The saved id (epic pages name a key result by it); a new row gets a fresh one. Not shown. */
  id: string;
  title: string;
  kind: KeyResultKind;
  /** kind `kpi`: target and baseline in the KPI's unit (percent, hours, days, MRs per engineer per month). */
  kpi: OkrKpiId;
  kpiTarget: string;
  direction: OkrDirection;
  /** Empty: the KPI's value over the quarter's first window. */
  baseline: string;
  /** kind `epic`: `group/path&12` as picked or typed (an epic's URL is read too). */
  epic: string;
  /** kind `label`: labels separated by commas; projects (paths or ids) separated by commas, empty: the team's. */
  labels: string;
  projects: string;
  /** kind `manual`. */
  unit: string;
  start: string;
  manualTarget: string;
  history: HistoryRow[];
}

export interface ObjectiveRow {
  key: string;
  /** The saved id; a new objective gets a fresh one. Not shown. */
  id: string;
  /** `YYYY-Qn`. */
  quarter: string;
  title: string;
  keyResults: KeyResultRow[];
}

export interface OkrForm {
  /** "1" to "12". */
  quarterStartMonth: string;
  /** Ratios 0–1 of the expected progress. */
  atRiskBelow: string;
  offTrackBelow: string;
  objectives: ObjectiveRow[];
}

export type TextField = Exclude<keyof FormState, 'incidentTypeIsFailure' | 'allocation' | 'dri' | 'okr' | 'sharedLocal'>;

/** An allocation settings path (`allocation.rules.2.value`): its message shows next to that input. */
export type AllocationErrorKey = 'allocation' | `allocation.${string}`;

/** A DRI settings path (`dri.services.0.dris`): its message shows next to that input. */
export type DriErrorKey = 'dri' | `dri.${string}`;

/** An OKR settings path (`okr.objectives.0.keyResults.1.target`): its message shows next to that input. */
export type OkrErrorKey = 'okr' | `okr.${string}`;

export type FormErrorKey = TextField | 'form' | AllocationErrorKey | DriErrorKey | OkrErrorKey;

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
    allocation: allocationFormFrom(settings.allocation),
    dri: driFormFrom(settings.dri),
    okr: okrFormFrom(settings.okr),
    surveyProject: settings.survey.project,
    sharedProject: settings.shared.project,
    sharedRef: settings.shared.ref,
    sharedPath: settings.shared.path,
    sharedLocal: [...settings.shared.local],
  };
}

function driFormFrom(dri: PublicSettings['dri']): DriForm {
  return {
    services: dri.services.map((service, index) => ({
      key: `service-${index + 1}`,
      name: service.name,
      dris: service.dris.join(', '),
      labels: service.labels.join(', '),
      words: service.words.join(', '),
    })),
    defaultWeight: String(dri.capacity.defaultWeight),
    unit: dri.capacity.unit,
    people: dri.capacity.people.map((person, index) => ({ key: `person-${index + 1}`, username: person.username, weight: String(person.weight) })),
    simpleLabels: dri.simpleLabels.join(', '),
    simpleMaxWeight: String(dri.simpleMaxWeight),
    onboardingDays: String(dri.onboardingDays),
    historyDays: String(dri.historyDays),
  };
}

function allocationFormFrom(allocation: PublicSettings['allocation']): AllocationForm {
  const { categories, budget } = allocation;
  const categoryPercents =
    budget.kind === 'per-category'
      ? Object.fromEntries(categories.map((category) => [category.id, String(budget.percents[category.id] ?? 0)]))
      : suggestedPercents(categories, budget.percent);
  const engineeringPercent =
    budget.kind === 'engineering-share'
      ? budget.percent
      : categories.filter((category) => category.kind === 'engineering').reduce((sum, category) => sum + (budget.percents[category.id] ?? 0), 0);
  return {
    categories: categories.map(({ id, name, kind }) => ({ id, name, kind })),
    rules: allocation.rules.map((rule, index) => ({ key: `rule-${index + 1}`, match: rule.match, value: rule.value, categoryId: rule.categoryId })),
    measure: allocation.measure,
    budgetKind: budget.kind,
    engineeringPercent: String(Math.round(engineeringPercent * 1000) / 1000),
    categoryPercents,
  };
}

/**
 * Per-category budgets that match an engineering-led share: the share split evenly over the
 * engineering categories, the rest over the product ones, in whole percents adding up to 100
 * (a starting point when the budget kind switches to per category).
 */
export function suggestedPercents(categories: readonly Pick<CategoryRow, 'id' | 'kind'>[], engineeringPercent: number): Record<string, string> {
  const engineering = categories.filter((category) => category.kind === 'engineering');
  const product = categories.filter((category) => category.kind === 'product');
  const share = Number.isFinite(engineeringPercent) ? Math.min(100, Math.max(0, Math.round(engineeringPercent))) : 40;
  const engineeringTotal = product.length === 0 ? 100 : engineering.length === 0 ? 0 : share;
  const percents: Record<string, string> = {};
  const spread = (group: readonly Pick<CategoryRow, 'id'>[], total: number) => {
    group.forEach((category, index) => {
      const base = Math.floor(total / group.length);
      percents[category.id] = String(base + (index < total - base * group.length ? 1 : 0));
    });
  };
  spread(engineering, engineeringTotal);
  spread(product, 100 - engineeringTotal);
  return percents;
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
    allocation: allocationCandidate(form.allocation),
    dri: driCandidate(form.dri),
    okr: okrCandidate(form.okr),
    survey: { project: form.surveyProject.trim() },
    shared: { project: form.sharedProject.trim(), ref: form.sharedRef.trim(), path: form.sharedPath.trim(), local: form.sharedLocal },
  };
}

/** Usernames as typed, separated by commas or white space (the settings drop a leading `@`). */
const usernames = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** Candidate DRI settings: what Save sends and the local validation checks. */
export function driCandidate(dri: DriForm): {
  services: Array<{ name: string; dris: string[]; labels: string[]; words: string[] }>;
  capacity: { defaultWeight: number; unit: CapacityUnit; people: Array<{ username: string; weight: number }> };
  simpleLabels: string[];
  simpleMaxWeight: number;
  onboardingDays: number;
  historyDays: number;
} {
  return {
    services: dri.services.map((service) => ({
      name: service.name,
      dris: usernames(service.dris),
      labels: lines(service.labels),
      words: lines(service.words),
    })),
    capacity: {
      defaultWeight: numberOf(dri.defaultWeight),
      unit: dri.unit,
      people: dri.people.map((person) => ({ username: person.username, weight: numberOf(person.weight) })),
    },
    simpleLabels: lines(dri.simpleLabels),
    simpleMaxWeight: numberOf(dri.simpleMaxWeight),
    onboardingDays: numberOf(dri.onboardingDays),
    historyDays: numberOf(dri.historyDays),
  };
}

/**
 * The DRI section's problems as the background would report them (`dri.services.0.dris`),
 * checked locally as the user types; the first message of a path wins.
 */
export function driErrors(candidate: unknown): Partial<Record<DriErrorKey, string>> {
  const result = driSection.safeParse(candidate);
  const errors: Partial<Record<DriErrorKey, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const key: DriErrorKey = issue.path.length ? `dri.${issue.path.map(String).join('.')}` : 'dri';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Candidate allocation settings: what Save sends, the local validation checks and the preview shows. */
export function allocationCandidate(allocation: AllocationForm): Record<string, unknown> {
  const { categories, budgetKind } = allocation;
  return {
    categories: categories.map(({ id, name, kind }) => ({ id, name, kind })),
    rules: allocation.rules.map(({ match, value, categoryId }) => ({ match, value, categoryId })),
    measure: allocation.measure,
    budget:
      budgetKind === 'engineering-share'
        ? { kind: budgetKind, percent: numberOf(allocation.engineeringPercent) }
        : { kind: budgetKind, percents: Object.fromEntries(categories.map((category) => [category.id, numberOf(allocation.categoryPercents[category.id] ?? '')])) },
  };
}

/**
 * The allocation section's problems as the background would report them (`allocation.rules.2.value`),
 * checked locally as the user types; the first message of a path wins.
 */
export function allocationErrors(candidate: unknown): Partial<Record<AllocationErrorKey, string>> {
  const result = allocationSection.safeParse(candidate);
  const errors: Partial<Record<AllocationErrorKey, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const key: AllocationErrorKey = issue.path.length ? `allocation.${issue.path.map(String).join('.')}` : 'allocation';
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Maps settings field paths to the form field that shows the message. Allocation, DRI and OKR
 * paths keep their own key (`allocation.rules.2.value`, `dri.services.0.dris`,
 * `okr.objectives.0.keyResults.1.target`): their sections show each next to its input.
 */
export function formErrorKey(path: string): FormErrorKey {
  if (path === 'gitlabUrl' || path === 'token') return path;
  if (isAllocationKey(path)) return path;
  if (isDriKey(path)) return path;
  if (isOkrKey(path)) return path;
  const kpiField = /^kpi\.(?:targets\.)?([A-Za-z]+)/.exec(path)?.[1];
  if (kpiField && kpiField !== 'incidentTypeIsFailure' && kpiField in KPI_FIELDS) return kpiField as TextField;
  if (path.startsWith('team.group')) return 'group';
  if (path.startsWith('team.projects')) return 'projects';
  if (path.startsWith('team.engineers')) return 'engineers';
  if (path.startsWith('sync.staleAfterMinutes')) return 'staleAfterMinutes';
  if (path.startsWith('survey.project')) return 'surveyProject';
  if (path.startsWith('shared.project')) return 'sharedProject';
  if (path.startsWith('shared.ref')) return 'sharedRef';
  if (path.startsWith('shared.path')) return 'sharedPath';
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

export function isAllocationKey(key: string): key is AllocationErrorKey {
  return key === 'allocation' || key.startsWith('allocation.');
}

export function isDriKey(key: string): key is DriErrorKey {
  return key === 'dri' || key.startsWith('dri.');
}

export function isOkrKey(key: string): key is OkrErrorKey {
  return key === 'okr' || key.startsWith('okr.');
}

/** An empty key result of a kind: the KPI fields start at On-time, increasing. */
export function blankKeyResult(key: string, id: string, kind: KeyResultKind = 'kpi'): KeyResultRow {
  return {
    key,
    id,
    title: '',
    kind,
    kpi: 'on-time',
    kpiTarget: '',
    direction: OKR_KPI_UNITS['on-time'].better,
    baseline: '',
    epic: '',
    labels: '',
    projects: '',
    unit: '',
    start: '0',
    manualTarget: '',
    history: [],
  };
}

function okrFormFrom(okr: PublicSettings['okr']): OkrForm {
  let krCount = 0;
  return {
    quarterStartMonth: String(okr.quarterStartMonth),
    atRiskBelow: String(okr.thresholds.atRiskBelow),
    offTrackBelow: String(okr.thresholds.offTrackBelow),
    objectives: okr.objectives.map((objective, o) => ({
      key: `objective-${o + 1}`,
      id: objective.id,
      quarter: objective.quarter,
      title: objective.title,
      keyResults: objective.keyResults.map((kr) => {
        const row = blankKeyResult(`kr-${++krCount}`, kr.id, kr.kind);
        row.title = kr.title;
        switch (kr.kind) {
          case 'kpi':
            return { ...row, kpi: kr.kpi, kpiTarget: String(kr.target), direction: kr.direction, baseline: kr.baseline === undefined ? '' : String(kr.baseline) };
          case 'epic':
            return { ...row, epic: epicText(kr.epic) };
          case 'label':
            return { ...row, labels: kr.labels.join(', '), projects: kr.projects.join(', ') };
          case 'manual':
            return {
              ...row,
              unit: kr.unit,
              start: String(kr.start),
              manualTarget: String(kr.target),
              history: kr.history.map((entry, h) => ({ key: `update-${h + 1}`, date: entry.date, value: String(entry.value) })),
            };
        }
      }),
    })),
  };
}

/** How an epic is written and picked: `gitlab-org/quality&12`. */
export function epicText(epic: { group: string; iid: number }): string {
  return `${epic.group}&${epic.iid}`;
}

/**
 * The epic a text names: `group/path&12`, or an epic's URL (`…/groups/group/path/-/epics/12`).
 * Blank is none (the settings then ask to choose one); without a number the iid is 0, which the
 * settings refuse asking for "the epic's number (the digits after &)".
 */
export function epicOfText(text: string): { group: string; iid: number } | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const url = /\/groups\/(.+?)\/-\/(?:epics|work_items)\/(\d+)/.exec(trimmed);
  if (url) return { group: url[1]!, iid: Number(url[2]) };
  const at = trimmed.lastIndexOf('&');
  if (at < 0) return { group: trimmed, iid: 0 };
  const iid = trimmed.slice(at + 1).trim();
  return { group: trimmed.slice(0, at), iid: /^\d+$/.test(iid) ? Number(iid) : 0 };
}

/** Candidate OKR settings: what Save sends and the local validation checks. */
export function okrCandidate(okr: OkrForm): Record<string, unknown> {
  return {
    quarterStartMonth: numberOf(okr.quarterStartMonth),
    thresholds: { atRiskBelow: numberOf(okr.atRiskBelow), offTrackBelow: numberOf(okr.offTrackBelow) },
    objectives: okr.objectives.map((objective) => ({
      id: objective.id,
      quarter: objective.quarter,
      title: objective.title,
      keyResults: objective.keyResults.map(keyResultCandidate),
    })),
  };
}

function keyResultCandidate(kr: KeyResultRow): Record<string, unknown> {
  const common = { id: kr.id, title: kr.title, kind: kr.kind };
  switch (kr.kind) {
    case 'kpi':
      return { ...common, kpi: kr.kpi, target: numberOf(kr.kpiTarget), direction: kr.direction, ...(kr.baseline.trim() ? { baseline: numberOf(kr.baseline) } : {}) };
    case 'epic':
      return { ...common, epic: epicOfText(kr.epic) };
    case 'label':
      return { ...common, labels: lines(kr.labels), projects: lines(kr.projects) };
    case 'manual':
      return {
        ...common,
        unit: kr.unit,
        // Blank: the schema's default, 0.
        ...(kr.start.trim() ? { start: numberOf(kr.start) } : {}),
        target: numberOf(kr.manualTarget),
        history: kr.history.map((entry) => ({ date: entry.date, value: numberOf(entry.value) })),
      };
  }
}

/**
 * The OKR section's problems as the background would report them
 * (`okr.objectives.0.keyResults.1.target`), checked locally as the user types; the first message
 * of a path wins.
 */
export function okrErrors(candidate: unknown): Partial<Record<OkrErrorKey, string>> {
  const result = okrSection.safeParse(candidate);
  const errors: Partial<Record<OkrErrorKey, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const key: OkrErrorKey = issue.path.length ? `okr.${issue.path.map(String).join('.')}` : 'okr';
    errors[key] ??= issue.message;
  }
  return errors;
}
