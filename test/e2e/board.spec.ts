import type { Locator, Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_PATHS } from '../gitlab-sandbox/index';
import { expect } from './fixtures';
import { EXPECTED_PROJECT_KPI_NAMES } from './kpi-fixture';
import { kpiTest, movedElements, recordLayoutShifts, setUpKpiTeam } from './kpi-test';

const project = PROJECT_PATHS.webApp;
const HOST = '[data-lens="board-card-badges"]';

/** Per card: how many badge hosts it carries, and the badge texts shown on the cards that show any. */
function cardBadges(page: Page): Promise<{ cards: number; withTwoHosts: number; shown: Record<string, string[]> }> {
  return page.evaluate((selector) => {
    const cards = [...document.querySelectorAll('li.board-card')];
    const shown: Record<string, string[]> = {};
    let withTwoHosts = 0;
    for (const card of cards) {
      const hosts = card.querySelectorAll(`:scope > ${selector}`);
      if (hosts.length > 1) withTwoHosts++;
      const texts = [...(hosts[0]?.shadowRoot?.querySelectorAll('.lens-badge') ?? [])].map((badge) => badge.firstChild?.textContent ?? '');
      if (texts.length) shown[card.getAttribute('data-item-path') ?? '?'] = texts;
    }
    return { cards: cards.length, withTwoHosts, shown };
  }, HOST);
}

/** Only the cards that need attention show badges (SPEC §1), each card carries one host at most. */
async function expectCardBadges(page: Page, expected: Record<string, string[]>, cards?: number): Promise<void> {
  await expect
    .poll(async () => {
      const state = await cardBadges(page);
      return { cards: cards ?? state.cards, withTwoHosts: state.withTwoHosts, shown: state.shown };
    })
    .toEqual({ cards: cards ?? expect.any(Number), withTwoHosts: 0, shown: expected });
}

/** Board 1 of the KPI fixture: #2 is 5 days overdue, #7 8 days by its milestone; the rest need nothing. */
const FIXTURE_CARD_BADGES = { [`${project}#2`]: ['overdue 5 d'], [`${project}#7`]: ['overdue 8 d'] };

async function expectSummary(summary: Locator): Promise<void> {
  await expect(summary).toHaveCount(1);
  for (const name of EXPECTED_PROJECT_KPI_NAMES) await expect(summary.getByRole('note', { name, exact: true })).toHaveCount(1);
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

  // Only the overdue cards show a badge: #2 (due 5 days ago) and #7 (its milestone, 8 days ago).
  await expectCardBadges(page, FIXTURE_CARD_BADGES, 9);
  // The card rows and the summary bar took their place with the cards (cold cache: empty at
  // first), so nothing of GitLab's moved when the numbers arrived.
  expect(await movedElements(page)).toEqual([]);
  const overdue = card(page, 2).getByRole('note', { name: 'overdue 5 d', exact: true });
  await expect(overdue).toBeVisible();
  // Age and "on track" belong on the issue page, not on every card.
  await expect(card(page, 2).getByRole('note', { name: 'open 30 d', exact: true })).toHaveCount(0);

  // Filtering re-renders the lists with new card elements: each gets its badges again, once.
  const search = page.getByRole('searchbox', { name: 'Search or filter results' });
  await search.fill('overdue');
  await search.press('Enter');
  await expect(page.locator('li.board-card')).toHaveCount(1);
  await expectCardBadges(page, { [`${project}#2`]: ['overdue 5 d'] }, 1);
  await search.fill('');
  await search.press('Enter');
  await expectCardBadges(page, FIXTURE_CARD_BADGES, 9);
  // With the data known, new card elements get no empty rows: only the two overdue cards have a host.
  expect(await page.locator(HOST).count()).toBe(2);

  await overdue.focus();
  await expect(overdue.getByRole('tooltip')).toBeVisible();
  await expect(overdue.getByRole('tooltip')).toHaveText(/^Due \d{4}-\d{2}-\d{2} \(its due date\), end of day in UTC\.$/);

  // Clicking the card opens the drawer with the badges; closing it removes them.
  await card(page, 2).locator('[data-testid="board-card-title-link"]').click();
  const drawer = page.locator('[data-testid="work-item-drawer"] [data-lens="drawer-kpi-badges"]');
  await expect(drawer.getByRole('note', { name: 'overdue 5 d', exact: true })).toBeVisible();
  await expect(drawer.getByRole('note', { name: 'open 30 d', exact: true })).toBeVisible();
  // The project KPIs fold into one line in the drawer too; it opens in place.
  await drawer.getByRole('button', { name: 'Project KPIs · 2 of 6 on target' }).click();
  await expect(drawer.getByRole('note', { name: EXPECTED_PROJECT_KPI_NAMES[0], exact: true })).toBeVisible();
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
  await expectCardBadges(page, FIXTURE_CARD_BADGES, 9);

  // The group board: the group's KPIs (the same issues and MRs: only web-app has any).
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/boards/5`);
  await expectSummary(summary);
  await expect(summary.getByRole('group', { name: 'KPI scope' }).getByRole('button', { name: 'Group' })).toHaveAttribute('aria-pressed', 'true');
  await expectCardBadges(page, FIXTURE_CARD_BADGES, 9);
});

kpiTest('1,000 cards: the overdue ones badged, once each, also for cards loaded by scrolling and a card moved by drag and drop', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  // Board 2 tops web-app up to 1,000 issues; 100 cards per list first, the rest on scroll.
  await page.goto(`${sandbox.url}/${project}/-/boards/2?sandbox_page_size=100`);
  await expect(page.locator('li.board-card').first()).toBeVisible();
  // The first 100 cards of each list: one host at most each, and badges only where they belong.
  const firstPage = await cardBadges(page);
  expect(firstPage.cards).toBeLessThan(1000);
  expect(firstPage.withTwoHosts).toBe(0);
  for (const [path, texts] of Object.entries(firstPage.shown)) expect(texts).toEqual(FIXTURE_CARD_BADGES[path]);

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
  // The backlog the stand-in adds has no due dates: still only the fixture's two overdue cards.
  await expectCardBadges(page, FIXTURE_CARD_BADGES, 1000);

  // Drag the overdue card #2 onto the "workflow::in dev" list: it is re-created there.
  const moved = card(page, 2);
  const itemId = await moved.getAttribute('data-item-id');
  const target = page.locator('ul.board-list[data-board="gid://gitlab/List/22"]');
  await moved.dragTo(target);
  const arrived = target.locator(`li.board-card[data-item-id="${itemId}"]`);
  await expect(arrived).toHaveCount(1);
  await expect(page.locator(`li.board-card[data-item-id="${itemId}"]`)).toHaveCount(1);
  await expect(arrived.locator(`:scope > ${HOST}`)).toHaveCount(1);
  await expect(arrived.locator(HOST).getByRole('note', { name: 'overdue 5 d', exact: true })).toBeVisible();
  await expectCardBadges(page, FIXTURE_CARD_BADGES, 1000);
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
