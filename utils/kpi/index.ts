/** KPI engine (SPEC §2): pure functions over plain GitLab-shaped data. */
export * from './types';
export * from './settings';
export { rollingWindow, DAY_MS } from './window';
export { isValidTimeZone, endOfDayInZoneMs, calendarDateInZone } from './time-zone';
export { formatDuration, formatAge, formatPercent, formatRate } from './format';
export { effectiveDueDate } from './due-date';
export { compileFailureMatcher, compileIncidentMatcher, compileOutageMatcher } from './failures';
export { percentileNearestRank, medianOfSorted } from './stats';
export * from './on-time-rate';
export * from './complete-rate';
export * from './mttr';
export * from './mtbf';
export * from './engineers';
export * from './mr-rate';
export * from './tech-contribution';
export * from './issue-badges';
export * from './target-status';
