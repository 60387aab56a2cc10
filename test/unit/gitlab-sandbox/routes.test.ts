import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../gitlab-sandbox/api/routes.ts';

// The stand-in serves only routes something calls; its README lists exactly those.
describe('REST route table', () => {
  it('is the list in the README', () => {
    const readme = readFileSync(new URL('../../gitlab-sandbox/README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## REST API'), readme.indexOf('\n## ', readme.indexOf('## REST API') + 1));
    const listed = [...section.matchAll(/^\| `(GET|POST|PUT|DELETE) (\/[^`]*)` \|/gm)].map((match) => `${match[1]} ${match[2]}`);
    const served = API_ROUTES.map((route) => `${route.method} /${route.segments.join('/')}`);
    expect(listed.sort()).toEqual(served.sort());
    expect(new Set(served).size).toBe(served.length);
  });
});
