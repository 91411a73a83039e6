import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The public statistics page /statistik (issue 12): no login, the year's key figures, the län as a tile
// map with its table, the time series of the nation and a chosen län; the demo has approved reports
// 2016–2025 in all 21 län.

const karta = (page: Page) => page.getByRole('group', { name: /^Karta över länen \d{4}/ });
/** The fill of every tile, in the map's order. */
const fargerna = (page: Page) =>
  page.locator('.lan-karta-svg rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
const forklaring = (page: Page) => page.locator('.lan-karta-forklaring li').allTextContents();

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`anyone sees the open statistics at ${width} px: map with its table, no sideways scrolling, no axe violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/statistik');
    await expect(
      page.getByRole('heading', { name: 'Statistik om personligt ombud', level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Hela landet 2025', exact: true })).toBeVisible();
    await expect(page.getByLabel('År', { exact: true })).toHaveValue('2025');

    // One tile per län, each named by its län and value; the same figure in the table.
    const rutor = karta(page).getByRole('link');
    await expect(rutor).toHaveCount(21);
    const norrbotten = karta(page).getByRole('link', {
      name: /^Norrbottens län, invånare per årsarbetare: [\d\u00a0 ]+$/,
    });
    await expect(norrbotten).toBeAttached();
    const tal = ((await norrbotten.getAttribute('aria-label')) ?? '').split(': ')[1]!;
    const tabell = page.getByRole('table', { name: 'Täckning per län 2025' });
    await expect(tabell.locator('tbody tr')).toHaveCount(21);
    const rad = tabell.getByRole('row', { name: /^Norrbottens län/ });
    await expect(rad.getByRole('cell').first()).toHaveText(tal);
    await expect(tabell.locator('tfoot th[scope="row"]')).toHaveText('Riket');
    await expect(page.getByText(/^Teckenförklaring: invånare per årsarbetare/)).toBeVisible();

    // The time series: charts drawn, the table of every year.
    const klienter = page.getByRole('img', { name: /^Linjediagram: klienter per år 2016–2025, hela landet/ });
    await expect(klienter.locator('svg path').first()).toBeAttached();
    await expect(
      page.getByRole('table', { name: 'Nyckeltal per år, hela landet' }).locator('tbody tr'),
    ).toHaveCount(10);
    // Tabell 3, Tabell 4 and the contact reasons over the years (issue 10): charts and their tables.
    for (const namn of [
      /^Stapeldiagram: klienter per åldersgrupp och år 2016–2025, hela landet/,
      /^Diagram: klienter som bor med barn under 18 år per år 2016–2025, hela landet/,
      /^Linjediagram: andel av klienterna med varje kontaktorsak i procent 2016–2025, hela landet/,
    ]) {
      await expect(page.getByRole('img', { name: namn }).locator('svg path').first()).toBeAttached();
    }
    const alder = page.getByRole('table', {
      name: 'Klienter per åldersgrupp och med barn under 18 år, per år, hela landet',
    });
    await expect(alder.locator('tbody tr')).toHaveCount(10);
    await expect(alder.getByRole('columnheader', { name: '30–49 år' })).toBeVisible();
    await expect(
      alder
        .getByRole('row', { name: /^2025 / })
        .getByRole('cell')
        .last(),
    ).toHaveText(/^\d+,\d %$/);
    const kontakt = page.getByRole('table', {
      name: 'Andel av klienterna per kontaktorsak (%), per år, hela landet',
    });
    await expect(kontakt.locator('tbody tr')).toHaveCount(10);
    await expect(kontakt.getByRole('columnheader', { name: 'Ekonomi' })).toBeAttached();
    // The wide table scrolls inside its own region, not the page.
    await expect(page.getByRole('region', { name: /^Andel av klienterna per kontaktorsak/ })).toBeAttached();

    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  });

  test(`a län's age groups, children and contact reasons at ${width} px, with hidden counts as ..`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/statistik?lan=25');
    await expect(
      page.getByRole('heading', { name: 'Utvecklingen i Norrbottens län 2016–2025' }),
    ).toBeVisible();
    const alder = page.getByRole('table', {
      name: 'Klienter per åldersgrupp och med barn under 18 år, per år, Norrbottens län',
    });
    await expect(alder.locator('tbody tr')).toHaveCount(10);
    // Every cell a figure, '..' (hidden) or '–' (no clients): nothing else.
    for (const text of await alder.locator('tbody td').allTextContents())
      expect(text).toMatch(/^(\.\.|–|[\d\u00a0 ]+|\d+(,\d)? %)$/);
    const kontakt = page.getByRole('table', {
      name: 'Andel av klienterna per kontaktorsak (%), per år, Norrbottens län',
    });
    await expect(kontakt.locator('tbody tr')).toHaveCount(10);
    await expect(
      page.getByRole('img', {
        name: /^Stapeldiagram: klienter per åldersgrupp och år 2016–2025, Norrbottens län/,
      }),
    ).toBeAttached();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  });
}

test('changing the measure changes the colours and the legend, and is kept in the address', async ({
  page,
}) => {
  await page.goto('/statistik');
  await expect(karta(page).getByRole('link')).toHaveCount(21);
  const fore = await fargerna(page);
  const foreForklaring = await forklaring(page);
  await page.getByLabel('Färga kartan efter').selectOption({ label: 'Andel verksamheter med kö' });
  await expect(page).toHaveURL(/[?&]matt=ko/);
  await expect(page.getByText(/^Teckenförklaring: andel verksamheter med kö/)).toBeVisible();
  await expect(
    karta(page).getByRole('link', { name: /^Uppsala län, andel verksamheter med kö: / }),
  ).toBeAttached();
  expect(await fargerna(page)).not.toEqual(fore);
  expect(await forklaring(page)).not.toEqual(foreForklaring);
  await page.reload();
  await expect(page.getByLabel('Färga kartan efter')).toHaveValue('ko');
});

test('changing the year changes the figures', async ({ page }) => {
  await page.goto('/statistik');
  const tabell = page.getByRole('table', { name: 'Täckning per län 2025' });
  await expect(tabell).toBeVisible();
  const fore = await tabell.locator('tfoot').textContent();
  await page.getByLabel('År', { exact: true }).selectOption('2016');
  await expect(page).toHaveURL(/[?&]ar=2016/);
  await expect(page.getByRole('heading', { name: 'Hela landet 2016', exact: true })).toBeVisible();
  const efter = page.getByRole('table', { name: 'Täckning per län 2016' });
  await expect(efter).toBeVisible();
  expect(await efter.locator('tfoot').textContent()).not.toBe(fore);
});

test('a tile chooses the län for the time series, with the keyboard too; hidden counts are explained', async ({
  page,
}) => {
  await page.goto('/statistik');
  const uppsala = karta(page).getByRole('link', { name: /^Uppsala län, / });
  await uppsala.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]lan=03/);
  await expect(page.getByRole('heading', { name: 'Utvecklingen i Uppsala län 2016–2025' })).toBeVisible();
  await expect(page.getByLabel('Visa också ett län')).toHaveValue('03');
  await expect(karta(page).getByRole('link', { name: /^Uppsala län, .*\(vald\)$/ })).toBeAttached();
  const lanTabell = page.getByRole('table', { name: 'Nyckeltal per år, Uppsala län' });
  await expect(lanTabell.locator('tbody tr')).toHaveCount(10);
  await expect(page.getByText(/^\.\. = dolt värde\./).first()).toBeVisible();
  await page.getByLabel('Visa också ett län').selectOption('');
  await expect(lanTabell).toHaveCount(0);
});

test('the login page and the menu lead to it; it speaks English too', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Statistik om personligt ombud – öppen för alla' }).click();
  await expect(page).toHaveURL(/\/statistik$/);
  await expect(page.getByRole('heading', { name: 'Statistik om personligt ombud', level: 1 })).toBeVisible();
  await page.getByLabel('Språk').selectOption('en');
  await expect(
    page.getByRole('heading', { name: 'Statistics on personal ombudsmen', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Coverage by county 2025' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('link', { name: 'Logga in' }).click();
  await login(page, 'socialstyrelsen');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Öppen statistik' })
    .click();
  await expect(page.getByRole('heading', { name: 'Statistik om personligt ombud', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
});
