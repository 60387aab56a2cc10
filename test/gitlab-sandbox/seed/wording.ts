// Titles and descriptions that read like a real backlog.

import type { Random } from '../prng.ts';
import type { ProjectSpec } from './catalog.ts';

const THINGS = ['saved filters', 'bulk actions', 'CSV export', 'keyboard shortcuts', 'inline editing', 'an audit trail', 'webhooks', 'SSO login', 'pagination', 'usage analytics'];
const DEPENDENCIES = ['Vue', 'Rails', 'the Redis client', 'the pg gem', 'the Prometheus client', 'Node', 'the Terraform provider', 'the Helm chart'];
const SYMPTOMS = ['timeout', '500 error', 'flaky test', 'memory leak', 'wrong totals', 'race condition', 'stale cache', 'broken layout'];
const CONDITIONS = ['the cart is empty', 'Redis fails over', 'the replica lags', 'two tabs are open', 'the token expires', 'the queue is full'];
const SERVICE_NAMES: Record<string, string> = {
  'Service::Redis': 'Redis',
  'Service::PostgreSQL': 'PostgreSQL',
  'Service::Prometheus': 'Prometheus',
};

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function issueTitle(rnd: Random, spec: ProjectSpec, type: string | null, service: string | null, incident: boolean): string {
  const area = rnd.pick(spec.areas);
  const prefix = service ? `${SERVICE_NAMES[service] ?? 'Service'}: ` : '';
  if (incident) return `${prefix}${capitalize(rnd.pick(SYMPTOMS))} in ${area} (incident)`;
  switch (type) {
    case 'type::feature':
      return prefix + rnd.pick([`Add ${rnd.pick(THINGS)} to ${area}`, `Support ${rnd.pick(THINGS)} in ${area}`, `Show ${rnd.pick(THINGS)} on the ${area} page`]);
    case 'type::maintenance':
      return prefix + rnd.pick([`Upgrade ${rnd.pick(DEPENDENCIES)} to v${rnd.int(2, 9)}`, `Refactor the ${area} module`, `Remove deprecated ${area} code path`, `Add missing indexes for ${area}`]);
    case 'type::bug':
      return prefix + rnd.pick([`Fix ${rnd.pick(SYMPTOMS)} in ${area}`, `${capitalize(area)}: ${rnd.pick(SYMPTOMS)} when ${rnd.pick(CONDITIONS)}`]);
    default:
      return prefix + rnd.pick([`Investigate ${area} feedback`, `Clean up ${area} docs`, `Discuss ${area} roadmap`]);
  }
}

export function issueDescription(rnd: Random, title: string, path: string | null, service: string | null): string {
  const lines = [`${title}.`, ''];
  if (path) lines.push(`Relevant code: \`${path}\`.`);
  if (service) lines.push(`Touches the shared ${SERVICE_NAMES[service] ?? 'service'} service.`);
  if (rnd.chance(0.3)) lines.push('', '- [x] Reproduce', '- [ ] Fix', '- [ ] Add a regression test');
  return lines.join('\n');
}

export function mergeRequestTitle(rnd: Random, spec: ProjectSpec, issueTitleText: string | null): string {
  if (issueTitleText) return rnd.chance(0.5) ? `Resolve "${issueTitleText}"` : issueTitleText;
  return rnd.pick([`Refactor ${rnd.pick(spec.areas)}`, `Bump ${rnd.pick(DEPENDENCIES)}`, `Tidy ${rnd.pick(spec.areas)} specs`]);
}

export function branchName(iid: number, title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${iid}-${slug}`;
}
