import type { Feature } from '../feature';
import { boardCardBadges } from './board-card-badges';
import { boardListAllocation } from './board-list-allocation';
import { boardSummary } from './board-summary';
import { drawerKpiBadges } from './drawer-kpi-badges';
import { drawerSuggestedDri } from './drawer-suggested-dri';
import { epicKpiBadges } from './epic-kpi-badges';
import { issueKpiBadges } from './issue-kpi-badges';
import { issueSuggestedDri } from './issue-suggested-dri';
import { drawerSuggestAllocation, issueSuggestAllocation } from './issue-suggest-allocation';

/** Every overlay, in the order they mount. */
export const features: readonly Feature[] = [
  issueKpiBadges,
  issueSuggestedDri,
  issueSuggestAllocation,
  epicKpiBadges,
  boardSummary,
  boardListAllocation,
  boardCardBadges,
  drawerKpiBadges,
  drawerSuggestedDri,
  drawerSuggestAllocation,
];
