// Hand-written issues every dataset contains, whatever the seed: incidents with known durations
// (two overlapping, one still open), edge cases for KPIs (closed at 23:10 UTC on the due day),
// survey suggestions, onboarding issues, an open issue of the blocked user, and a title full of HTML.

import { DAY, HOUR, MINUTE, isoDate, startOfDay } from '../dates.ts';

export interface SpecialIssue {
  title: string;
  description: string;
  issueType: 'issue' | 'incident';
  labels: string[];
  /** Creation time relative to now (ms, positive = in the past). */
  createdAgo: number;
  /** Time to close (ms); null = still open. */
  closedAfter: number | null;
  assignees: string[];
  author: string;
  dueDate?: (now: number) => string;
  weight?: number;
  upvotes?: number;
  epicId?: number;
  /** Overrides the close timestamp (absolute), for due-day edge cases. */
  closedAt?: (now: number) => number;
}

const incident = (
  title: string,
  severity: 1 | 2 | 3 | 4,
  service: string | null,
  createdAgo: number,
  closedAfter: number | null,
  assignee: string,
): SpecialIssue => ({
  title,
  description: `Incident timeline and follow-ups for: ${title}.`,
  issueType: 'incident',
  labels: ['incident', `severity::${severity}`, ...(service ? [service] : [])],
  createdAgo,
  closedAfter,
  assignees: [assignee],
  author: 'farid.haddad',
});

const suggestion = (title: string, answer: string, why: string, category: string, upvotes: number, id: string): SpecialIssue => ({
  title,
  // As utils/survey/submission.ts writes them.
  description: [
    '## If you were paid 1% of the engineering development fee per release to work on something, what would that be?',
    answer,
    '## How would you justify it?',
    why,
    `**Category:** ${category}`,
    // The marker the extension writes: invisible once rendered, and invisible to GitLab's
    // full-text issue search too.
    `<!-- engineering-lens-submission: ${id} -->`,
  ].join('\n\n'),
  issueType: 'issue',
  // As utils/survey/submission.ts labels them (`tech debt` → `…::tech-debt`).
  labels: ['engineering-allocation::suggestion', `engineering-allocation-category::${category.replace(/ /g, '-')}`],
  createdAgo: (10 + upvotes) * DAY,
  closedAfter: null,
  assignees: [],
  author: 'grace.kim',
  upvotes,
});

export const SPECIAL_ISSUES: Readonly<Record<string, readonly SpecialIssue[]>> = {
  'web-app': [
    incident('Checkout returns 502 for 12 minutes', 2, 'Service::Redis', 80 * DAY, 12 * MINUTE, 'dev.patel'),
    incident('Search results empty after index rebuild', 3, null, 40 * DAY, 5 * HOUR, 'emma.schulz'),
    incident('Payment provider timeouts', 1, null, 8 * DAY, 36 * HOUR, 'ben.okafor'),
    {
      title: 'Escape <img src=x onerror=alert(1)> & "quotes" in search results',
      description: 'Titles like <script>alert("x")</script> must render as text. Affects `app/frontend/search/SearchBar.vue`.',
      issueType: 'issue',
      labels: ['type::bug', 'severity::3', 'frontend'],
      createdAgo: 6 * DAY,
      closedAfter: null,
      assignees: ['emma.schulz'],
      author: 'lucia.rossi',
      dueDate: (now) => isoDate(now + 9 * DAY),
      weight: 2,
      epicId: 505,
    },
    {
      title: 'Update payment copy for EU customers',
      description: 'Closed late in the evening (23:10 UTC) of its due day: still On-time.',
      issueType: 'issue',
      labels: ['type::feature', 'frontend'],
      createdAgo: 20 * DAY,
      closedAfter: 0,
      closedAt: (now) => startOfDay(now - 6 * DAY) + 23 * HOUR + 10 * MINUTE,
      assignees: ['carla.diaz'],
      author: 'kofi.mensah',
      dueDate: (now) => isoDate(now - 6 * DAY),
      weight: 3,
      epicId: 502,
    },
    {
      title: 'Fix typo in empty-cart message',
      description: 'The empty cart says "You cart is empty". See `app/frontend/checkout/Cart.vue`.',
      issueType: 'issue',
      labels: ['type::bug', 'good first issue', 'frontend'],
      createdAgo: 2 * DAY,
      closedAfter: null,
      assignees: [],
      author: 'carla.diaz',
      weight: 1,
    },
    {
      title: 'Add aria-label to the search button',
      description: 'Screen readers announce "button". See `app/frontend/search/SearchBar.vue`.',
      issueType: 'issue',
      labels: ['type::maintenance', 'good first issue', 'frontend'],
      createdAgo: 9 * DAY,
      closedAfter: null,
      assignees: ['jonas.berg'],
      author: 'carla.diaz',
      weight: 1,
      dueDate: (now) => isoDate(now + 5 * DAY),
    },
    suggestion(
      'Move checkout sessions off Redis DB 0',
      'Split the checkout session store into its own Redis instance.',
      'Two incidents this quarter came from cache evictions hitting sessions.',
      'performance',
      7,
      'ela-7f3a9c21-5b1e-4c2d-9a0f-3e8b6d4c2a10',
    ),
    suggestion('Delete the legacy search API', 'Remove /api/legacy/search and its tests.', 'No traffic for 90 days; it slows every deploy.', 'tech debt', 4, 'ela-0b42d7e5-8c3a-4f61-b2d9-71e05a6c3f84'),
    suggestion('Faster local dev setup', 'A single make target that seeds a dev database.', 'New joiners need two days to set up.', 'developer efficiency', 2, 'ela-c91e6a08-2d4f-4b7a-8e13-5f9c0b2a7d66'),
  ],
  'api-service': [
    incident('Export worker stuck, queue backlog', 3, null, 120 * DAY, 2 * DAY, 'farid.haddad'),
    incident('Elevated 5xx on /orders', 2, 'Service::PostgreSQL', 55 * DAY, 45 * MINUTE, 'ben.okafor'),
    incident('Rate limiter rejects valid requests', 2, 'Service::Redis', 3 * HOUR, null, 'dev.patel'),
    {
      title: 'Investigate slow order export',
      description: 'Export of large orders takes minutes. Suspect missing index, see `db/migrate/20250301090000_create_exports.rb`.',
      issueType: 'issue',
      labels: ['type::maintenance', 'Service::PostgreSQL'],
      createdAgo: 100 * DAY,
      closedAfter: null,
      assignees: ['hugo.martin'],
      author: 'ben.okafor',
      dueDate: (now) => isoDate(now - 40 * DAY),
      weight: 5,
      epicId: 503,
    },
    {
      title: 'Reduce p95 latency of /orders',
      description: 'Engineering allocation item (legacy label only). Touches `lib/api/orders.rb`.',
      issueType: 'issue',
      labels: ['Engineering Allocation'],
      createdAgo: 30 * DAY,
      closedAfter: 12 * DAY,
      assignees: ['dev.patel'],
      author: 'ava.chen',
      weight: 3,
      epicId: 502,
    },
  ],
  infra: [
    incident('Primary PostgreSQL failover', 1, 'Service::PostgreSQL', 30 * DAY, 2 * HOUR, 'ben.okafor'),
    // Starts 45 minutes into the failover: the two overlap, so downtime is their union.
    incident('Prometheus scrape failures', 3, 'Service::Prometheus', 30 * DAY - 45 * MINUTE, 3 * HOUR, 'farid.haddad'),
    incident('Redis memory exhaustion', 2, 'Service::Redis', 70 * DAY, 3 * DAY, 'dev.patel'),
    incident('CI runners out of disk', 4, null, 15 * DAY, 25 * MINUTE, 'farid.haddad'),
    incident('Backup job failed silently', 3, 'Service::PostgreSQL', 100 * DAY, 6 * HOUR, 'ben.okafor'),
    {
      title: 'Tidy up the README',
      description: 'No labels on purpose: counts as Uncategorized.',
      issueType: 'issue',
      labels: [],
      createdAgo: 12 * DAY,
      closedAfter: null,
      assignees: ['grace.kim'],
      author: 'grace.kim',
    },
  ],
};
