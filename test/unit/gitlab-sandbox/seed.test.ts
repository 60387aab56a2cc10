import { describe, expect, it } from 'vitest';
import { Dataset } from '../../gitlab-sandbox/index.ts';
import { NOW } from './helpers.ts';

const snapshot = (data: Dataset): string => JSON.stringify({ issues: data.issues, mergeRequests: data.mergeRequests, milestones: data.milestones, epics: data.epics });

describe('seeded dataset', () => {
  it('is deterministic: same seed and now, same records', () => {
    const a = new Dataset({ seed: 42, now: NOW });
    const b = new Dataset({ seed: 42, now: NOW });
    const c = new Dataset({ seed: 43, now: NOW });
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(snapshot(c));
  });

  it('keeps dates relative to now and within six months', () => {
    const data = new Dataset({ seed: 1, now: NOW });
    const oldest = data.issues.reduce((min, issue) => (issue.created_at < min ? issue.created_at : min), '9999');
    expect(Date.parse(oldest)).toBeGreaterThan(NOW.getTime() - 183 * 86_400_000);
    expect(data.issues.every((issue) => issue.created_at <= NOW.toISOString())).toBe(true);
    expect(data.issues.every((issue) => issue.closed_at === null || issue.closed_at >= issue.created_at)).toBe(true);
  });

  it('contains the cases the KPIs need', () => {
    const data = new Dataset({ seed: 1, now: NOW });
    const today = NOW.toISOString().slice(0, 10);
    const open = data.issues.filter((issue) => issue.state === 'opened');
    expect(open.some((issue) => issue.due_date !== null && issue.due_date < today)).toBe(true);
    expect(data.issues.some((issue) => issue.closed_at !== null && issue.closed_at.slice(0, 10) === issue.due_date)).toBe(true);
    const incidents = data.issues.filter((issue) => issue.issue_type === 'incident');
    expect(incidents.filter((issue) => issue.state === 'opened')).toHaveLength(1);
    const infra = incidents.filter((issue) => issue.project_id === 203 && issue.closed_at !== null);
    const overlapping = infra.some((a) => infra.some((b) => a !== b && a.created_at < b.created_at && (a.closed_at ?? '') > b.created_at));
    expect(overlapping).toBe(true);
    expect(data.issues.filter((issue) => issue.project_id === 203).every((issue) => issue.weight === null && issue.epic_id === null)).toBe(true);
    expect(data.issues.filter((issue) => issue.project_id === 201).some((issue) => issue.weight !== null && issue.epic_id !== null)).toBe(true);
    const labels = new Set(data.issues.flatMap((issue) => issue.labels));
    for (const label of ['type::feature', 'type::maintenance', 'type::bug', 'Engineering Allocation', 'severity::1', 'Service::Redis', 'good first issue']) {
      expect(labels.has(label)).toBe(true);
    }
    const merged = data.mergeRequests.filter((mr) => mr.state === 'merged');
    expect(merged.length).toBeGreaterThan(data.mergeRequests.length / 2);
    expect(merged.some((mr) => mr.author_id === 8)).toBe(true);
  });

  it('generates 100,000 issues quickly with bounded memory', () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const data = new Dataset({ seed: 9, now: NOW, scale: { issuesPerProject: 33_334 } });
    const elapsed = performance.now() - started;
    expect(data.issues.length).toBeGreaterThanOrEqual(100_000);
    expect(data.mergeRequests.length).toBeGreaterThanOrEqual(20_000);
    expect(data.issuesOf(202)).toHaveLength(33_334);
    expect(elapsed).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(600 * 1024 * 1024);
  });
});
