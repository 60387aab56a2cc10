import type { Feature } from '../feature';
import { issueKpiBadges } from './issue-kpi-badges';

/** Every overlay, in the order they mount. */
export const features: readonly Feature[] = [issueKpiBadges];
