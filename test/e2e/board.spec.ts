import type { Locator, Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_PATHS } from '../gitlab-sandbox/index';
import { expect } from './fixtures';
import { EXPECTED_PROJECT_KPIS } from './kpi-fixture';
import { kpiTest, movedElements, recordLayoutShifts, setUpKpiTeam } from './kpi-test';

const project = PROJECT_PATHS.webApp;
const HOST = '[data-lens="board-card-badges"]';

/** Per card: how many badge hosts it carries directly, and whether the one host shows badges. */
function cardHosts(page: Page): Promise<{ cards: number; hosts: number; oneEach: boolean; filled: number }> {
  return page.evaluate((selector) => {
    const cards = [...document.querySelectorAll('li.board-card')];
    const per = cards.map((card) => card.querySelectorAll(`:scope > ${selector}`));
    return {
      cards: cards.length,
      hosts: document.querySelectorAll(selector).length,
      oneEach: per.every((hosts) => hosts.length === 1),
      filled: per.filter((hosts) => hosts[0]?.shadowRoot?.querySelector('.lens-badge')).length,
    };
  }, HOST);
}

/** Every card carries exactly one host, and every host shows its badges. */
async function expectOneFilledHostPerCard(page: Page, cards?: number): Promise<void> {
  await expect
    .poll(async () => {
      const state = await cardHosts(page);
      return state.oneEach && state.hosts === state.cards && state.filled === state.cards && (cards === undefined || state.cards === cards);
    })
    .toBe(true);
}

async function expectSummary(summary: Locator): Promise<void> {
  await expect(summary).toHaveCount(1);
  for (const text of EXPECTED_PROJECT_KPIS) await expect(summary.getByRole('note', { name: text, exact: true })).toHaveCount(1);
}

function card(page: Page, iid: number): Locator {
  return page.locator(`li.board-card[data-item-path="${project}#${iid}"]`);
}

kpiTest('summary bar, card badges (also after filtering) and the issue drawer on project and group boards', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await recordLayoutShifts(page);
  await page.goto(`${sandbox.url}/${project}/-/boards/1`);

  // The project's KPIs, as computed by hand in kpi-fixture.ts.
  const summary = page.locator('[data-lens="board-summary"]');
  await expectSummary(summary);
  expect(await summary.evaluate((host) => host.nextElementSibling?.getAttribute('data-testid'))).toBe('boards-list');
  // The KPI scope switch: the project's own KPIs; Team waits for a team in the settings.
  const scopeSwitch = summary.getByRole('group', { name: 'KPI scope' });
  await expect(scopeSwitch.getByRole('button', { name: 'Project' })).toHaveAttribute('aria-pressed', 'true');
  await expect(scopeSwitch.getByRole('button', { name: 'Team' })).toBeDisabled();

  // #2: due 5 days ago and still open, created 30 days ago.
  await expectOneFilledHostPerCard(page, 9);
  // The card rows and the summary bar took their place with the cards (cold cache: empty at
  // first), so nothing of GitLab's moved when the numbers arrived.
  expect(await movedElements(page)).toEqual([]);
  const overdue = card(page, 2).getByRole('note', { name: 'overdue 5 d', exact: true });
  await expect(overdue).toBeVisible();
  await expect(card(page, 2).getByRole('note', { name: 'open 30 d', exact: true })).toBeVisible();
  // #7 takes its due date from the milestone (8 days ago) and is open.
  await expect(card(page, 7).getByRole('note', { name: 'overdue 8 d', exact: true })).toBeVisible();

  // Filtering re-renders the lists with new card elements: each gets its badges again, once.
  const search = page.getByRole('searchbox', { name: 'Search or filter results' });
  await search.fill('overdue');
  await search.press('Enter');
  await expect(page.locator('li.board-card')).toHaveCount(1);
  await expectOneFilledHostPerCard(page, 1);
  await expect(card(page, 2).getByRole('note', { name: 'overdue 5 d', exact: true })).toBeVisible();
  await search.fill('');
  await search.press('Enter');
  await expectOneFilledHostPerCard(page, 9);

  await overdue.focus();
  await expect(overdue.getByRole('tooltip')).toBeVisible();
  await expect(overdue.getByRole('tooltip')).toHaveText(/^Due \d{4}-\d{2}-\d{2} \(its due date\), end of day in UTC\.$/);

  // Clicking the card opens the drawer with the badges; closing it removes them.
  await card(page, 2).locator('[data-testid="board-card-title-link"]').click();
  const drawer = page.locator('[data-testid="work-item-drawer"] [data-lens="drawer-kpi-badges"]');
  await expect(drawer.getByRole('note', { name: 'overdue 5 d', exact: true })).toBeVisible();
  await expect(drawer.getByRole('note', { name: 'open 30 d', exact: true })).toBeVisible();
  await expect(drawer.getByRole('note', { name: EXPECTED_PROJECT_KPIS[0], exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="work-item-drawer"]')).toHaveCount(0);
  await expect(page.locator('[data-lens="drawer-kpi-badges"]')).toHaveCount(0);

  // Client-side navigation to an issue removes every board overlay; back on the board they
  // come back once each.
  await page.evaluate((href) => (window as unknown as { __sandbox: { navigate(h: string): void } }).__sandbox.navigate(href), `/${project}/-/issues/3`);
  await expect(page.locator('[data-lens="issue-kpi-badges"]').getByRole('note', { name: 'closed 2 d late', exact: true })).toBeVisible();
  await expect(page.locator(`${HOST}, [data-lens="board-summary"]`)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${project}/-/boards/1$`));
  await expectSummary(summary);
  await expectOneFilledHostPerCard(page, 9);

  // The group board: the group's KPIs (the same issues and MRs: only web-app has any).
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/boards/5`);
  await expectSummary(summary);
  await expect(summary.getByRole('group', { name: 'KPI scope' }).getByRole('button', { name: 'Group' })).toHaveAttribute('aria-pressed', 'true');
  await expectOneFilledHostPerCard(page, 9);
  await expect(card(page, 2).getByRole('note', { name: 'overdue 5 d', exact: true })).toBeVisible();
});

kpiTest('1,000 cards: one host per card, also for cards loaded by scrolling and a card moved by drag and drop', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  // Board 2 tops web-app up to 1,000 issues; 100 cards per list first, the rest on scroll.
  await page.goto(`${sandbox.url}/${project}/-/boards/2?sandbox_page_size=100`);
  await expect(page.locator('li.board-card').first()).toBeVisible();
  await expectOneFilledHostPerCard(page);
  expect((await cardHosts(page)).cards).toBeLessThan(1000);

  // Scroll every list to its end until all cards are loaded (infinite scroll).
  const lists = page.locator('ul.board-list');
  await expect
    .poll(
      async () => {
        await lists.evaluateAll((all) => all.forEach((list) => list.scrollTo({ top: list.scrollHeight })));
        return page.locator('li.board-card').count();
      },
      { timeout: 30_000 },
    )
    .toBe(1000);
  await expectOneFilledHostPerCard(page, 1000);

  // Drag the first Open card onto the "workflow::in dev" list: it is re-created there.
  const moved = page.locator('ul.board-list[data-board="gid://gitlab/List/21"] > li.board-card').first();
  const itemId = await moved.getAttribute('data-item-id');
  const target = page.locator('ul.board-list[data-board="gid://gitlab/List/22"]');
  await moved.dragTo(target);
  const arrived = target.locator(`li.board-card[data-item-id="${itemId}"]`);
  await expect(arrived).toHaveCount(1);
  await expect(page.locator(`li.board-card[data-item-id="${itemId}"]`)).toHaveCount(1);
  await expect(arrived.locator(`:scope > ${HOST}`)).toHaveCount(1);
  await expect(arrived.locator(HOST).getByRole('note').first()).toBeVisible();
  await expectOneFilledHostPerCard(page, 1000);
});

kpiTest('a board GitLab renders at once still gets its bar without moving the lists', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  for (const delay of [0, 100]) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    await recordLayoutShifts(page);
    // No mount delay: the lists render as soon as the page's script runs. The overlay's hosts
    // must already be waiting for them (document_start), not arrive a frame later.
    await page.goto(`${sandbox.url}/${project}/-/boards/1?sandbox_mount_delay=${delay}`);
    await expectSummary(page.locator('[data-lens="board-summary"]'));
    expect(await movedElements(page), `mount delay ${delay} ms`).toEqual([]);
    await page.close();
  }
});
