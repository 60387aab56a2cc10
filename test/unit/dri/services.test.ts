import { describe, expect, it } from 'vitest';
import { matchServices, scoreServices, SEED_SERVICES, wordMatcher } from '@/utils/dri/services';
import { driSection, type DriService } from '@/utils/settings/dri';
import { issue } from './fixtures';

const service = (name: string, dris: string[], labels: string[] = [], words: string[] = []): DriService => ({ name, dris, labels, words });

const redis = service('Redis', ['ada'], ['Service::Redis'], ['redis']);
const postgres = service('PostgreSQL', ['bo', 'Ada'], ['Service::PostgreSQL'], ['postgres', 'postgresql']);
const prometheus = service('Prometheus', ['cy'], [], ['prometheus']);

describe('service registry', () => {
  it('matches labels in any case', () => {
    const matches = matchServices(issue({ labels: ['service::redis', 'backend'] }), [redis, postgres]);
    expect(matches.map((m) => [m.service.name, m.labels, m.words])).toEqual([['Redis', ['service::redis'], []]]);
  });

  it('matches words as whole words in the title or description, any case', () => {
    expect(wordMatcher('redis').test('Redis cache misses')).toBe(true);
    expect(wordMatcher('redis').test('the redis-cluster node')).toBe(true); // "-" is a boundary
    expect(wordMatcher('redis').test('(REDIS).')).toBe(true);
    expect(wordMatcher('redis').test('redisson client')).toBe(false);
    expect(wordMatcher('redis').test('my_redis')).toBe(false);
    expect(wordMatcher('postgres').test('postgresql')).toBe(false);
    expect(wordMatcher('object storage').test('the Object  Storage bucket')).toBe(true);
    expect(wordMatcher('c++').test('a c++ extension')).toBe(true); // escaped, not a regex

    const found = matchServices(issue({ title: 'Slow queries', description: 'PostgreSQL vacuum and Prometheus alerts' }), [redis, postgres, prometheus]);
    expect(found.map((m) => [m.service.name, m.words])).toEqual([
      ['PostgreSQL', ['postgresql']],
      ['Prometheus', ['prometheus']],
    ]);
  });

  it('gives each DRI of a matching service 50 points and the reason, diminishing over services', () => {
    const scores = scoreServices(issue({ labels: ['Service::Redis'], description: 'postgres too' }), [redis, postgres, prometheus]);
    // ada: DRI of Redis and PostgreSQL → 50 + 25 = 75; bo: PostgreSQL → 50; cy: no match.
    expect(Object.fromEntries(scores)).toEqual({
      ada: { points: 75, reasons: [{ kind: 'service', text: 'DRI for Redis' }, { kind: 'service', text: 'DRI for PostgreSQL' }] },
      bo: { points: 50, reasons: [{ kind: 'service', text: 'DRI for PostgreSQL' }] },
    });
  });

  it('says nothing when no service matches', () => {
    expect(scoreServices(issue({ title: 'Fix the docs' }), [redis, postgres]).size).toBe(0);
    expect(scoreServices(issue({ labels: ['Service::Redis'] }), []).size).toBe(0);
  });

  it('seeds PostgreSQL, Redis and Prometheus without DRIs, frozen', () => {
    expect(SEED_SERVICES.map((s) => [s.name, s.labels, s.dris])).toEqual([
      ['PostgreSQL', ['Service::PostgreSQL'], []],
      ['Redis', ['Service::Redis'], []],
      ['Prometheus', ['Service::Prometheus'], []],
    ]);
    expect(SEED_SERVICES[0]!.words).toContain('postgres');
    expect(Object.isFrozen(SEED_SERVICES[1]!.words)).toBe(true);
    // A seed still needs its DRIs before the settings take it; with one it is valid as is.
    const seeded = driSection.safeParse({ services: SEED_SERVICES.map((s) => ({ ...s, dris: ['ada'] })) });
    expect(seeded.success).toBe(true);
    expect(driSection.safeParse({ services: [...SEED_SERVICES] }).error?.issues.map((i) => i.path.join('.'))).toEqual(['services.0.dris', 'services.1.dris', 'services.2.dris']);
  });
});
