/** OKR model (SPEC §5): quarters, key result progress and status. Pure functions over plain data. */
export * from './quarter';
export * from './progress';
export { OKR_KPI_IDS, OKR_KPI_UNITS, formatOkrNumber, type OkrDirection } from './kpi-units';
