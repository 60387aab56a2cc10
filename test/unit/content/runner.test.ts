import { describe, expect, it } from 'vitest';
import { createRunner } from '../../../entrypoints/gitlab.content/runner';
import type { Feature } from '../../../entrypoints/gitlab.content/feature';

function setUp() {
  const runs: Array<{ id: string; iid?: number; drawer: string | null; signal: AbortSignal }> = [];
  const feature = (id: string, include: Feature['include'], drawer = false): Feature => ({ id, include, drawer, init: () => {} });
  const runner = createRunner({
    features: [feature('issue', ['issue']), feature('board', ['board']), feature('drawer', ['board', 'issue-list'], true)],
    start: (f, page, signal) => runs.push({ id: f.id, iid: page.iid, drawer: page.drawer, signal }),
    readBody: () => ({ page: 'projects:issues:show' }),
    gitlabBase: () => new URL('https://gitlab.example.com'),
  });
  const live = () => runs.filter((run) => !run.signal.aborted).map((run) => `${run.id}${run.iid ?? ''}${run.drawer ? `:${run.drawer}` : ''}`);
  return { runner, runs, live };
}

const url = (path: string) => new URL(`https://gitlab.example.com${path}`);

describe('feature runner', () => {
  it('starts the features of the page and restarts them only when the page changes', () => {
    const { runner, runs, live } = setUp();
    runner.update(url('/g/p/-/issues/1'));
    expect(live()).toEqual(['issue1']);
    runner.update(url('/g/p/-/issues/1#note_5'));
    expect(runs).toHaveLength(1);
    runner.update(url('/g/p/-/issues/2'));
    expect(live()).toEqual(['issue2']);
    expect(runs[0]!.signal.aborted).toBe(true);
  });

  it('runs drawer features beside the board features, restarting only them as the drawer changes', () => {
    const { runner, runs, live } = setUp();
    runner.update(url('/g/p/-/boards/3'));
    expect(live()).toEqual(['board']);
    runner.update(url('/g/p/-/boards/3?show=a'));
    runner.update(url('/g/p/-/boards/3?show=b'));
    expect(live()).toEqual(['board', 'drawer:b']);
    expect(runs.filter((run) => run.id === 'board')).toHaveLength(1);
    runner.update(url('/g/p/-/boards/3'));
    expect(live()).toEqual(['board']);
  });

  it('stops everything when the extension goes away', () => {
    const { runner, live } = setUp();
    runner.update(url('/g/p/-/boards/3?show=a'));
    runner.stop();
    expect(live()).toEqual([]);
  });
});
