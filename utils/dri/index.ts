/** Suggested DRI (SPEC §4): pure ranking over plain data; no DOM, no API, no storage. */
export * from './types';
export * from './points';
export * from './services';
export * from './ownership';
export * from './history';
export * from './load';
export * from './members';
export * from './onboarding';
export * from './suggest';
