import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The ärende list (issue 10): opened filtered from a link, the count agrees with the rows across every page,
// sorting by a column heading and filtering change the address, the export carries the filters, and the
// page neither scrolls sideways nor fails axe on a desktop or a phone.

const tal = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

/** The "51 ärenden" heading, once the list has answered. */
async function antal(page: Page): Promise<number> {
  const rubrik = page.getByRole('heading', { level: 2, name: /^[\d\s\u00a0]+ ärenden?$/ });
  await expect(rubrik).toBeVisible();
  return tal(await rubrik.textContent());
}

/** The list's section: aria-busy while the next page or order loads (the old rows stay meanwhile). */
const lista = (page: Page) => page.locator('section[aria-labelledby="arenden-antal"]');
async function laddad(page: Page) {
  await expect(lista(page)).toHaveAttribute('aria-busy', 'false');
}

const tabell = (page: Page) => page.getByRole('region', { name: /^Ärenden sorterade efter/ });
const rader = (page: Page) => tabell(page).locator('tbody tr');

async function sidbredd(page: Page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
}

test('ärenden: filtered from a link, count across pages, sort by heading, Utan ombud, export', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The ombud of Stockholm innerstad, whose demo casework (with the synthetic years) fills two pages.
  await login(page, 'ombud');
  await page.goto('/arenden?status=aktiv');
  await expect(page.getByRole('heading', { name: 'Ärenden', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Aktiv' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'I kö' })).not.toBeChecked();
  const totalt = await antal(page);
  expect(totalt).toBeGreaterThan(50); // the demo's synthetic casework: more than one page
  await expect(rader(page).first()).toBeVisible();
  await expectAccessible(page);
  expect((await sidbredd(page)).scroll).toBeLessThanOrEqual((await sidbredd(page)).inner);

  // Every row on every page, counted: the heading's number.
  let sett = 0;
  const sidor = page.getByRole('navigation', { name: 'Sidor' });
  await expect(sidor).toContainText(/Sida 1 av \d+/);
  const antalSidor = tal((await sidor.textContent())?.replace(/.*av/, '') ?? '');
  for (let sida = 1; sida <= antalSidor; sida++) {
    await expect(sidor).toContainText(`Sida ${sida} av ${antalSidor}`);
    await laddad(page);
    await expect(rader(page).first()).toBeVisible();
    const n = await rader(page).count();
    for (const status of await rader(page).locator('td:nth-child(3)').allTextContents())
      expect(status).toBe('Aktiv');
    sett += n;
    if (sida < antalSidor) {
      await sidor.getByRole('button', { name: 'Nästa' }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]sida=${sida + 1}(&|$)`));
    }
  }
  expect(sett).toBe(totalt);
  // At the end Nästa is disabled but keeps the focus it had.
  await expect(sidor.getByRole('button', { name: 'Nästa' })).toBeDisabled();
  await expect(sidor.getByRole('button', { name: 'Nästa' })).toBeFocused();
  await sidor.getByRole('button', { name: 'Föregående' }).click();
  await expect(page).toHaveURL(antalSidor > 2 ? /sida=/ : /\/arenden\?status=aktiv$/);

  // Sort by a heading: the address and aria-sort follow, the days fall down the page.
  const vantedagar = page.getByRole('columnheader', { name: /Väntedagar/ });
  await expect(vantedagar).toHaveAttribute('aria-sort', 'none');
  await expect(page.getByRole('columnheader', { name: /Förfrågan/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await vantedagar.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-vantedagar(&|$)/);
  await expect(page).not.toHaveURL(/sida=/);
  await expect(vantedagar).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('columnheader', { name: /Förfrågan/ })).toHaveAttribute('aria-sort', 'none');
  await expect(vantedagar.getByRole('button')).toBeFocused();
  await laddad(page);
  const dagar = (await rader(page).locator('td:nth-child(5)').allTextContents()).map(tal);
  expect(dagar).toEqual([...dagar].sort((a, b) => b - a));
  await vantedagar.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=vantedagar(&|$)/);
  await expect(vantedagar).toHaveAttribute('aria-sort', 'ascending');
  await laddad(page);
  const stigande = (await rader(page).locator('td:nth-child(5)').allTextContents()).map(tal);
  expect(stigande).toEqual([...stigande].sort((a, b) => a - b));
  expect(await antal(page)).toBe(totalt);

  // Utan ombud: the address says so, every row says so, and the count is smaller.
  await page.getByLabel('Ansvarigt ombud').selectOption({ label: 'Utan ombud' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/[?&]ombud=ingen(&|$)/);
  await expect(page).toHaveURL(/[?&]status=aktiv(&|$)/);
  await expect(page).toHaveURL(/[?&]sort=vantedagar(&|$)/);
  const csv = page.getByRole('link', { name: 'Hämta som CSV' });
  await expect(csv).toHaveAttribute('href', /ombud=ingen/);
  await laddad(page);
  // The count is the API's for the same filter.
  const verksamhet = /\/verksamheter\/([^/]+)\//.exec((await csv.getAttribute('href')) ?? '')![1];
  const api = await page.request.get(
    `/api/v1/verksamheter/${verksamhet}/arenden?status=aktiv&ombud=ingen&limit=1`,
  );
  const utan = ((await api.json()) as { total: number }).total;
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${utan} ärenden?$`) })).toBeVisible();
  expect(utan).toBeLessThan(totalt);
  expect(utan).toBeGreaterThan(0);
  for (const ombud of await rader(page).locator('td:nth-child(4)').allTextContents())
    expect(ombud).toBe('Inget ombud');
  await expectAccessible(page);

  // The export carries the same filters and holds every matching row (a heading line, then one per ärende).
  const href = (await csv.getAttribute('href')) ?? '';
  expect(href).toMatch(/\/arenden\/export\?/);
  for (const del of ['status=aktiv', 'ombud=ingen', 'sort=vantedagar', 'format=csv'])
    expect(href).toContain(del);
  expect(await page.getByRole('link', { name: 'Hämta som Excel' }).getAttribute('href')).toContain(
    'format=xlsx',
  );
  const fil = await page.request.get(href);
  expect(fil.status()).toBe(200);
  expect(fil.headers()['content-disposition']).toMatch(/^attachment; filename="arenden-/);
  const text = (await fil.text()).replace(/^\uFEFF/, '');
  const linjer = text.split('\r\n').filter(Boolean);
  expect(linjer[0]).toBe('Klient;Förfrågan;Status;Ombud;Väntedagar;Avslutad;Avslutsorsak');
  expect(linjer.length - 1).toBe(utan);

  // Back in the browser's history: the list before the filter, as it was.
  await page.goBack();
  await expect(page).not.toHaveURL(/ombud=ingen/);
  await expect(page.getByLabel('Ansvarigt ombud')).toHaveValue('');
  await laddad(page);
  expect(await antal(page)).toBe(totalt);
});

test('ärenden: the start page’s link opens “Mina aktiva”; phone width without sideways scrolling', async ({
  page,
}) => {
  await login(page, 'ombud');
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/arenden?status=aktiv&ombud=jag');
    await expect(page.getByRole('checkbox', { name: 'Aktiv' })).toBeChecked();
    await expect(page.getByLabel('Ansvarigt ombud')).toHaveValue('jag');
    const n = await antal(page);
    expect(n).toBeGreaterThan(0);
    expect(await rader(page).count()).toBe(Math.min(n, 50));
    for (const ombud of await rader(page).locator('td:nth-child(4)').allTextContents())
      expect(ombud).toBe('Olivia Ombud');
    const { scroll, inner } = await sidbredd(page);
    expect(scroll, `${width} px`).toBeLessThanOrEqual(inner);
    await expectAccessible(page);
  }
  // The menu has the page next to Klienter.
  const meny = page.getByRole('navigation', { name: 'Huvudmeny' });
  await page.setViewportSize({ width: 1280, height: 800 });
  const lankar = await meny.getByRole('link').allTextContents();
  expect(lankar.indexOf('Ärenden')).toBe(lankar.indexOf('Klienter') + 1);
  await meny.getByRole('link', { name: 'Ärenden' }).click();
  await expect(page).toHaveURL(/\/arenden$/);
  await expect(page.getByRole('checkbox', { name: 'Aktiv' })).not.toBeChecked();
  await antal(page);
});
