// Fixed vocabulary of the demo organisation: people, labels, projects, file paths and CODEOWNERS.
// Everything random lives in the other seed files; this one is plain data.

import type { AccessLevel } from '../types.ts';

export const GROUP_ID = 100;
export const GROUP_PATH = 'lens-demo';

export interface PersonSpec {
  username: string;
  name: string;
  access: AccessLevel;
  /** Days before `now` the person joined the group. */
  joinedDaysAgo: number;
  blocked?: boolean;
  jobTitle: string;
}

// Ids are 1-based positions in this list.
export const PEOPLE: readonly PersonSpec[] = [
  { username: 'ava.chen', name: 'Ava Chen', access: 50, joinedDaysAgo: 900, jobTitle: 'Engineering Manager' },
  { username: 'ben.okafor', name: 'Ben Okafor', access: 40, joinedDaysAgo: 800, jobTitle: 'Backend lead, PostgreSQL DRI' },
  { username: 'carla.diaz', name: 'Carla Díaz', access: 40, joinedDaysAgo: 700, jobTitle: 'Frontend lead' },
  { username: 'dev.patel', name: 'Dev Patel', access: 30, joinedDaysAgo: 600, jobTitle: 'Backend engineer, Redis DRI' },
  { username: 'emma.schulz', name: 'Emma Schulz', access: 30, joinedDaysAgo: 500, jobTitle: 'Frontend engineer' },
  { username: 'farid.haddad', name: 'Farid Haddad', access: 30, joinedDaysAgo: 450, jobTitle: 'SRE, Prometheus DRI' },
  { username: 'grace.kim', name: 'Grace Kim', access: 30, joinedDaysAgo: 400, jobTitle: 'Full-stack engineer' },
  { username: 'hugo.martin', name: 'Hugo Martin', access: 30, joinedDaysAgo: 650, blocked: true, jobTitle: 'Former backend engineer' },
  { username: 'ines.silva', name: 'Inês Silva', access: 30, joinedDaysAgo: 5, jobTitle: 'Backend engineer (new)' },
  { username: 'jonas.berg', name: 'Jonas Berg', access: 30, joinedDaysAgo: 11, jobTitle: 'Frontend engineer (new)' },
  { username: 'kofi.mensah', name: 'Kofi Mensah', access: 20, joinedDaysAgo: 550, jobTitle: 'Product manager' },
  { username: 'lucia.rossi', name: 'Lucía Rossi', access: 10, joinedDaysAgo: 300, jobTitle: 'Product designer' },
];

export const userId = (username: string): number => {
  const index = PEOPLE.findIndex((person) => person.username === username);
  if (index < 0) throw new Error(`unknown sandbox user ${username}`);
  return index + 1;
};

/** Engineers who take work (developer+ and active); new joiners get only simple issues. */
export const SENIOR_ENGINEERS = ['ben.okafor', 'carla.diaz', 'dev.patel', 'emma.schulz', 'farid.haddad', 'grace.kim'];
export const NEW_ENGINEERS = ['ines.silva', 'jonas.berg'];

export interface LabelSpec {
  name: string;
  color: string;
  description: string | null;
}

export const GROUP_LABELS: readonly LabelSpec[] = [
  { name: 'type::feature', color: '#1f75cb', description: 'New product capability' },
  { name: 'type::maintenance', color: '#6699cc', description: 'Engineering-led upkeep, refactoring, upgrades' },
  { name: 'type::bug', color: '#dd2b0e', description: 'Defect in existing behaviour' },
  { name: 'Engineering Allocation', color: '#8fbc8f', description: 'Legacy engineering allocation label' },
  { name: 'severity::1', color: '#cc0033', description: 'Blocker' },
  { name: 'severity::2', color: '#ed9121', description: 'Critical' },
  { name: 'severity::3', color: '#f0ad4e', description: 'Major' },
  { name: 'severity::4', color: '#a8d695', description: 'Low' },
  { name: 'Service::Redis', color: '#dc143c', description: 'Shared Redis service' },
  { name: 'Service::PostgreSQL', color: '#336791', description: 'Shared PostgreSQL service' },
  { name: 'Service::Prometheus', color: '#e6522c', description: 'Shared Prometheus service' },
  { name: 'good first issue', color: '#009966', description: 'Simple practice work for new engineers' },
  { name: 'incident', color: '#ed9121', description: 'Production incident' },
  { name: 'workflow::in dev', color: '#428bca', description: null },
  { name: 'workflow::in review', color: '#5843ad', description: null },
  { name: 'engineering-allocation::suggestion', color: '#a8d695', description: 'Survey submission' },
  { name: 'frontend', color: '#d1d100', description: null },
  { name: 'backend', color: '#69d100', description: null },
  { name: 'security', color: '#d9534f', description: null },
];

export const WORKFLOW_LABELS = ['workflow::in dev', 'workflow::in review'] as const;

export interface ProjectSpec {
  id: number;
  path: string;
  name: string;
  description: string;
  tier: 'premium' | 'free';
  defaultIssues: number;
  defaultMergeRequests: number;
  /** Paths mentioned by issues and changed by MRs; CODEOWNERS patterns match them. */
  paths: readonly string[];
  areas: readonly string[];
  services: readonly string[];
  projectLabels: readonly LabelSpec[];
}

export const PROJECTS: readonly ProjectSpec[] = [
  {
    id: 201,
    path: 'web-app',
    name: 'Web App',
    description: 'Customer-facing storefront (Premium-like: weights and epics).',
    tier: 'premium',
    defaultIssues: 220,
    defaultMergeRequests: 170,
    paths: [
      'app/frontend/checkout/Cart.vue',
      'app/frontend/checkout/PaymentForm.vue',
      'app/frontend/search/SearchBar.vue',
      'app/frontend/shared/Button.vue',
      'app/frontend/generated/api-client.ts',
      'app/services/order_service.rb',
      'app/services/payment_gateway.rb',
      'app/models/order.rb',
      'app/models/billing/invoice.rb',
      'db/migrate/20250101120000_add_orders_index.rb',
      'docs/architecture.md',
      'README.md',
      'config/redis.yml',
      'lib/cache/redis_store.rb',
    ],
    areas: ['checkout', 'search', 'cart', 'payments', 'order history', 'design system'],
    services: ['Service::Redis', 'Service::PostgreSQL'],
    projectLabels: [{ name: 'ux', color: '#ff69b4', description: 'Needs UX input' }],
  },
  {
    id: 202,
    path: 'api-service',
    name: 'API Service',
    description: 'Public REST API and background workers (Premium-like).',
    tier: 'premium',
    defaultIssues: 180,
    defaultMergeRequests: 140,
    paths: [
      'lib/api/orders.rb',
      'lib/api/users.rb',
      'lib/workers/export_worker.rb',
      'lib/workers/cleanup_worker.rb',
      'db/migrate/20250301090000_create_exports.rb',
      'config/database.yml',
      'lib/metrics/prometheus_exporter.rb',
      'spec/api/orders_spec.rb',
      'README.md',
    ],
    areas: ['orders API', 'users API', 'exports', 'rate limiting', 'webhooks'],
    services: ['Service::PostgreSQL', 'Service::Redis', 'Service::Prometheus'],
    projectLabels: [],
  },
  {
    id: 203,
    path: 'infra',
    name: 'Infra',
    description: 'Terraform, Helm charts and runbooks (Free-like: no weights, no epics).',
    tier: 'free',
    defaultIssues: 140,
    defaultMergeRequests: 90,
    paths: [
      'terraform/modules/redis/main.tf',
      'terraform/modules/postgres/main.tf',
      'helm/prometheus/values.yaml',
      'helm/web-app/values.yaml',
      'ansible/playbooks/patch.yml',
      'runbooks/redis-failover.md',
      'README.md',
    ],
    areas: ['Redis cluster', 'PostgreSQL replicas', 'Prometheus', 'CI runners', 'backups'],
    services: ['Service::Redis', 'Service::PostgreSQL', 'Service::Prometheus'],
    projectLabels: [{ name: 'terraform', color: '#7b42bc', description: 'Infrastructure as code' }],
  },
];

// GitLab CODEOWNERS syntax (doc/user/project/codeowners/reference.md): sections, default section
// owners, optional sections (^), approval counts, role owners (@@), exclusions (!) and a
// duplicate section name that combines with the first one.
export const WEB_APP_CODEOWNERS = `# Owners of lens-demo/web-app. GitLab reads the first of CODEOWNERS, docs/CODEOWNERS,
# .gitlab/CODEOWNERS; this project keeps it in .gitlab/.
* @ava.chen

[Frontend] @carla.diaz
app/frontend/
/app/frontend/checkout/ @emma.schulz @dev.patel
*.vue @carla.diaz @grace.kim
!app/frontend/generated/

[Backend][2] @ben.okafor
/app/services/ @ben.okafor @farid.haddad
/app/models/**/*.rb @farid.haddad
/db/ @@maintainers
config/redis.yml @dev.patel
lib/cache/ @dev.patel

^[Docs]
README.md @kofi.mensah
/docs/ @kofi.mensah @lucia.rossi

[frontend]
/app/frontend/search/ @jonas.berg
`;

export const API_SERVICE_CODEOWNERS = `[API]
/lib/api/ @ben.okafor @dev.patel
/spec/ @grace.kim

[Workers]
/lib/workers/ @farid.haddad

[Database] @ben.okafor
/db/migrate/
config/database.yml @@maintainer
`;

export const TEAM_CONFIG_JSON = `{
  "services": [
    { "name": "Redis", "dri": "dev.patel", "match": ["Service::Redis", "redis", "cache"] },
    { "name": "PostgreSQL", "dri": "ben.okafor", "match": ["Service::PostgreSQL", "postgres", "migration"] },
    { "name": "Prometheus", "dri": "farid.haddad", "match": ["Service::Prometheus", "prometheus", "metrics"] }
  ]
}
`;
