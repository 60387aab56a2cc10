import type { Feature } from '../feature';
import { boardCardBadges } from './board-card-badges';
import { boardListAllocation } from './board-list-allocation';
import { boardSummary } from './board-summary';
import { drawerKpiBadges } from './drawer-kpi-badges';
import { epicKpiBadges } from './epic-kpi-badges';
import { issueKpiBadges } from './issue-kpi-badges';

/** Every overlay, in the order they mount. */
export const features: readonly Feature[] = [issueKpiBadges, epicKpiBadges, boardSummary, boardListAllocation, boardCardBadges, drawerKpiBadges];
