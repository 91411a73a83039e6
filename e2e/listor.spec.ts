import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The client list and the audit log (issue 10, lists that scale): on a desktop and a phone neither page
// scrolls sideways or fails axe; a filter changes the count and the address, and a reload keeps it; the
// search term never reaches the address; the exports carry the filters.

const tal = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

async function sidbredd(page: Page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
}

async function ingenSidledsScroll(page: Page, bredd: number) {
  const { scroll, inner } = await sidbredd(page);
  expect(scroll, `${bredd} px`).toBeLessThanOrEqual(inner);
}

const BREDDER = [
  [1280, 800],
  [390, 844],
] as const;

/** The "123 klienter" (", varav 2 gallrade") heading once the list has answered. */
async function antalKlienter(page: Page): Promise<number> {
  await expect(page.locator('section[aria-labelledby="klient-lista"]')).toHaveAttribute('aria-busy', 'false');
  const rubrik = page.getByRole('heading', {
    level: 2,
    name: /^[\d\s\u00a0]+ klient(er)?(, varav [\d\s\u00a0]+ gallrade?)?$/,
  });
  await expect(rubrik).toBeVisible();
  return tal(/^[\d\s\u00a0]+/.exec((await rubrik.textContent()) ?? '')?.[0] ?? '');
}

async function antalPoster(page: Page): Promise<number> {
  await expect(page.locator('section[aria-labelledby="logg-antal"]')).toHaveAttribute('aria-busy', 'false');
  const rubrik = page.getByRole('heading', { level: 2, name: /^[\d\s\u00a0]+ post(er)?$/ });
  await expect(rubrik).toBeVisible();
  return tal(await rubrik.textContent());
}

test('klienter: filter, sort and page in the address, reload keeps them, search stays out, export', async ({
  page,
}) => {
  await login(page, 'ombud');
  for (const [width, height] of BREDDER) {
    await page.setViewportSize({ width, height });
    await page.goto('/klienter');
    await expect(page.getByRole('heading', { name: 'Klienter', level: 1 })).toBeVisible();
    const alla = await antalKlienter(page);
    expect(alla).toBeGreaterThan(50); // the demo's casework: more than one page
    await ingenSidledsScroll(page, width);
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/klienter');
  const alla = await antalKlienter(page);

  // A filter: the count falls, the address says so, a reload keeps it.
  await page.getByRole('checkbox', { name: 'Pågående ärende' }).check();
  await page.getByLabel('Kön').selectOption({ label: 'Kvinna' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/[?&]status=pagaende(&|$)/);
  await expect(page).toHaveURL(/[?&]kon=kvinna(&|$)/);
  const filtrerat = await antalKlienter(page);
  expect(filtrerat).toBeLessThan(alla);
  expect(filtrerat).toBeGreaterThan(0);
  for (const kon of await page.locator('tbody tr td:nth-child(2)').allTextContents())
    expect(kon).toBe('Kvinna');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Pågående ärende' })).toBeChecked();
  await expect(page.getByLabel('Kön')).toHaveValue('kvinna');
  expect(await antalKlienter(page)).toBe(filtrerat);

  // Sort by a heading: the address and aria-sort follow, the years rise down the page.
  const ar = page.getByRole('columnheader', { name: /Födelseår/ });
  await ar.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=fodelsear(&|$)/);
  await expect(ar).toHaveAttribute('aria-sort', 'ascending');
  await antalKlienter(page);
  const aren = (await page.locator('tbody tr td:nth-child(3)').allTextContents()).map(tal);
  expect(aren).toEqual([...aren].sort((a, b) => a - b));

  // A search: fewer rows, and the term is in no address the browser asks for.
  const adresser: string[] = [];
  page.on('request', (r) => adresser.push(r.url()));
  const forsta = (await page.locator('tbody tr td:first-child a').first().textContent()) ?? '';
  await page.getByLabel('Sök på alias').fill(forsta);
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.locator('tbody tr td:first-child a').first()).toHaveText(forsta);
  const sokt = await antalKlienter(page);
  expect(sokt).toBeGreaterThanOrEqual(1);
  expect(sokt).toBeLessThanOrEqual(filtrerat);
  expect(page.url()).not.toContain(encodeURIComponent(forsta));
  expect(adresser.filter((u) => u.includes(encodeURIComponent(forsta)) || u.includes(forsta))).toEqual([]);

  // The export: the filtered clients, the search included, as the page counts them.
  const [fil] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hämta som CSV' }).click(),
  ]);
  expect(fil.suggestedFilename()).toMatch(/^klienter-.*\.csv$/);
  const text = (await (await fil.createReadStream()).toArray()).join('').replace(/^\uFEFF/, '');
  const linjer = text.split('\r\n').filter(Boolean);
  expect(linjer[0]).toBe(
    'Alias;Kön;Födelseår;Hemkommun;Första kontakt;Senaste ärende;Senaste förfrågan;Ombud;Ärenden',
  );
  expect(linjer.length - 1).toBe(sokt);
  await expectAccessible(page);

  // Rensa: back to the whole list.
  await page.getByRole('link', { name: 'Rensa urvalet' }).click();
  await expect(page).toHaveURL(/\/klienter$/);
  // The address changes a moment before the list is asked for the whole selection again.
  await expect.poll(() => antalKlienter(page)).toBe(alla);
});

test('klienter and the log in English: the new words are translated', async ({ page }) => {
  await login(page, 'chef');
  await page.evaluate(() => localStorage.setItem('ombud.lang', 'en'));
  await page.goto('/klienter?status=avslutad');
  await expect(page.getByRole('checkbox', { name: 'Closed' })).toBeChecked();
  await expect(page.getByLabel('First contact on or after')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /First contact/ })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: /^[\d\s,\u00a0]+ clients?(, .+ purged)?$/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.goto('/logg?handelse=klient.list');
  await expect(page.getByLabel('Event')).toHaveValue('klient.list');
  await expect(page.getByRole('heading', { level: 2, name: /^[\d\s,\u00a0]+ entr(y|ies)$/ })).toBeVisible();
  await expect(page.locator('tbody tr td:nth-child(3)').first()).toHaveText('Client list read');
  await expectAccessible(page);
  await page.evaluate(() => localStorage.setItem('ombud.lang', 'sv'));
});

test('loggen: filter by event and date in the address, reload keeps it, paging, export', async ({ page }) => {
  await login(page, 'chef');
  for (const [width, height] of BREDDER) {
    await page.setViewportSize({ width, height });
    await page.goto('/logg');
    await expect(page.getByRole('heading', { name: 'Logg', level: 1 })).toBeVisible();
    expect(await antalPoster(page)).toBeGreaterThan(0);
    await ingenSidledsScroll(page, width);
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/logg');
  const alla = await antalPoster(page);

  // The event "Klientlista läst" today, after the chef has opened the client list once: a smaller count,
  // in the address, the same after a reload (which logs a read of the log, not of the client list).
  await page.goto('/klienter');
  await antalKlienter(page);
  await page.goto('/logg');
  await antalPoster(page);
  await page.getByLabel('Händelse').selectOption({ label: 'Klientlista läst' });
  const idag = await page.evaluate(() =>
    new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
  );
  await page.getByLabel('Från och med').fill(idag);
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/[?&]handelse=klient\.list(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]fran=${idag}(&|$)`));
  const lasningar = await antalPoster(page);
  expect(lasningar).toBeGreaterThan(0);
  expect(lasningar).toBeLessThan(alla);
  for (const h of await page.locator('tbody tr td:nth-child(3)').allTextContents())
    expect(h).toBe('Klientlista läst');
  await page.reload();
  await expect(page.getByLabel('Händelse')).toHaveValue('klient.list');
  await expect(page.getByLabel('Från och med')).toHaveValue(idag);
  expect(await antalPoster(page)).toBe(lasningar);

  // The export carries the filters.
  const csv = page.getByRole('link', { name: 'Hämta som CSV' });
  const href = (await csv.getAttribute('href')) ?? '';
  expect(href).toContain('handelse=klient.list');
  expect(href).toContain(`fran=${idag}`);
  const fil = await page.request.get(href);
  expect(fil.status()).toBe(200);
  const linjer = (await fil.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(linjer[0]).toBe('Nr;Tid;Användarnamn;Namn;Händelse;Objekt;Objektets id;Organisation');
  expect(linjer.length - 1).toBe(lasningar);
  expect(linjer.slice(1).every((l) => l.includes(';Klientlista läst;'))).toBe(true);

  // Paging by entry: Äldre then Nyare comes back to the same first row.
  await page.getByRole('link', { name: 'Rensa urvalet' }).click();
  await expect(page).toHaveURL(/\/logg$/);
  await antalPoster(page);
  const sidor = page.getByRole('navigation', { name: 'Sidor' });
  if (await sidor.isVisible()) {
    const forstaRaden = await page.locator('tbody tr').first().textContent();
    await sidor.getByRole('button', { name: 'Äldre' }).click();
    await expect(page).toHaveURL(/[?&]fore=\d+/);
    await expect(page.getByText(/^Poster 101–/)).toBeVisible();
    await sidor.getByRole('button', { name: 'Nyare' }).click();
    await expect(page).toHaveURL(/[?&]efter=\d+/);
    await expect(page.getByText(/^Poster 1–/)).toBeVisible();
    expect(await page.locator('tbody tr').first().textContent()).toBe(forstaRaden);
  }
});

// ---- brister and användare (issue 10): server paging, sort, filters and export, at 1280 and 390 px.

const unik = Date.now().toString(36);

async function antalRubrik(page: Page, sektion: string, ord: RegExp): Promise<number> {
  await expect(page.locator(`section[aria-labelledby="${sektion}"]`)).toHaveAttribute('aria-busy', 'false');
  const rubrik = page.locator(`#${sektion}`);
  await expect(rubrik).toHaveText(ord);
  return tal(await rubrik.textContent());
}
const antalBrister = (page: Page) => antalRubrik(page, 'brist-lista', /^[\d\s\u00a0]+ brist(er)?$/);
const antalAnvandare = (page: Page) => antalRubrik(page, 'anvandare-lista', /^[\d\s\u00a0]+ användare$/);

test('brister: paging, sort by a heading, a level filter and export, in the address; axe at both widths', async ({
  page,
  baseURL,
}) => {
  await login(page, 'ombud');
  // 53 brister of one import (more than a page of 50): every other one at central level.
  const me = await (await page.request.get('/api/v1/me')).json();
  const vid = me.medlemskap[0].organisationId as string;
  const rader = Array.from({ length: 53 }, (_, i) =>
    [
      `Listprov ${unik} ${String(i).padStart(2, '0')}`,
      'Beskrivning utan personuppgifter.',
      i % 2 ? 'central' : 'lokal',
      'forsakringskassan',
      'ovrigt',
      `2023-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      '1',
    ].join(';'),
  );
  const imp = await page.request.post(`/api/v1/verksamheter/${vid}/import/brister`, {
    headers: { origin: baseURL!, 'content-type': 'text/csv' },
    data: ['titel;beskrivning;niva;aktorer;amne;datum;antal_klienter', ...rader].join('\n'),
  });
  expect(imp.status(), await imp.text()).toBe(201);

  for (const [width, height] of BREDDER) {
    await page.setViewportSize({ width, height });
    await page.goto('/brister');
    await expect(page.getByRole('heading', { name: 'Brister', level: 1 })).toBeVisible();
    expect(await antalBrister(page)).toBeGreaterThan(53);
    await ingenSidledsScroll(page, width);
    await expectAccessible(page);
    if (width < 400) {
      // On a phone the less used filters are folded, so the list is not two screens away; they open on
      // a tap, and open by themselves when one of them is set.
      const fler = page.getByText('Fler filter', { exact: true });
      await expect(page.getByRole('group', { name: 'Status' })).toBeHidden();
      await fler.click();
      await expect(page.getByRole('group', { name: 'Status' })).toBeVisible();
      await page.goto('/brister?niva=central');
      await expect(page.getByText('Fler filter (1 valt)')).toBeVisible();
      await expect(page.getByRole('checkbox', { name: 'Central nivå' })).toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Central nivå' })).toBeVisible();
      await page.goto('/brister');
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // A search in the title: the 53, two pages.
  await page.getByLabel('Sök i rubriken').fill(`Listprov ${unik}`);
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=Listprov%20${unik}(&|$)`));
  await expect(page.locator('#brist-lista')).toHaveText('53 brister');
  await expect(page.locator('tbody tr')).toHaveCount(50);
  const sidor = page.getByRole('navigation', { name: 'Sidor' });
  await expect(sidor.getByText('Sida 1 av 2')).toBeVisible();
  await sidor.getByRole('button', { name: 'Nästa' }).click();
  await expect(page).toHaveURL(/[?&]sida=2(&|$)/);
  await expect(page.locator('tbody tr')).toHaveCount(3);
  await expect(sidor.getByText('Sida 2 av 2')).toBeVisible();

  // Sort by title: back to page 1, the address and aria-sort say so, the titles rise.
  const rubrik = page.getByRole('columnheader', { name: /^Brist/ });
  await rubrik.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=titel(&|$)/);
  await expect(page).not.toHaveURL(/sida=/);
  await expect(rubrik).toHaveAttribute('aria-sort', 'ascending');
  await antalBrister(page);
  const titlar = await page.locator('tbody tr td:first-child').allTextContents();
  expect(titlar[0]).toBe(`Listprov ${unik} 00`);
  expect(titlar).toEqual([...titlar].sort());
  await rubrik.getByRole('button').click();
  await expect(rubrik).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('tbody tr td:first-child').first()).toHaveText(`Listprov ${unik} 52`);

  // A level filter: 26 at central level, each row says so, a reload keeps it.
  await page.getByRole('checkbox', { name: 'Central nivå' }).check();
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/[?&]niva=central(&|$)/);
  await expect(page.locator('#brist-lista')).toHaveText('26 brister');
  await antalBrister(page);
  for (const n of await page.locator('tbody tr td:nth-child(2)').allTextContents())
    expect(n).toBe('Central nivå');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Central nivå' })).toBeChecked();
  expect(await antalBrister(page)).toBe(26);

  // The export carries the search, the level and the order: exactly those rows.
  const href = (await page.getByRole('link', { name: 'Hämta som CSV' }).getAttribute('href')) ?? '';
  expect(href).toContain('niva=central');
  const fil = await page.request.get(href);
  expect(fil.status()).toBe(200);
  const linjer = (await fil.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(linjer[0]).toBe('Brist;Nivå;Ämne;Aktörer;Status;Återkoppling försenad;Observerad;Klienter');
  expect(linjer.length - 1).toBe(26);
  expect(linjer[1]!.startsWith(`Listprov ${unik} 51;Central nivå;`)).toBe(true);
  await page.setViewportSize({ width: 390, height: 844 });
  await ingenSidledsScroll(page, 390);
  await expectAccessible(page);
});

test('användare: paging, sort, a role filter and export, in the address; axe at both widths', async ({
  page,
  baseURL,
}) => {
  await login(page, 'admin');
  // 51 more users (named to sort after the demo's): more than a page of 50.
  const me = await (await page.request.get('/api/v1/verksamheter')).json();
  const vid = (me as Array<{ id: string; namn: string }>).find((v) =>
    v.namn.includes('Stockholm innerstad'),
  )!.id;
  for (let i = 0; i < 51; i++) {
    const res = await page.request.post('/api/v1/users', {
      headers: { origin: baseURL! },
      data: {
        username: `zlist-${unik}-${String(i).padStart(2, '0')}`,
        displayName: `Zeta Listprov ${String(i).padStart(2, '0')}`,
        medlemskap: [{ organisationId: vid, roll: i % 3 ? 'ombud' : 'ledamot' }],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  for (const [width, height] of BREDDER) {
    await page.setViewportSize({ width, height });
    await page.goto('/anvandare');
    await expect(page.getByRole('heading', { name: 'Användare', level: 1 })).toBeVisible();
    expect(await antalAnvandare(page)).toBeGreaterThan(51);
    await ingenSidledsScroll(page, width);
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  const alla = await antalAnvandare(page);

  // Paging: 50 on the first page, the rest on the second, the demo's admin first of all.
  await expect(page.locator('tbody tr')).toHaveCount(50);
  await expect(page.locator('tbody tr td:first-child').first()).toHaveText('Alva Admin');
  const sidor = page.getByRole('navigation', { name: 'Sidor' });
  await sidor.getByRole('button', { name: 'Nästa' }).click();
  await expect(page).toHaveURL(/[?&]sida=2(&|$)/);
  await expect(page.locator('tbody tr')).toHaveCount(alla - 50);

  // A role filter and a search: the 17 ledamöter among the new users.
  await page.getByLabel('Sök bland användarna').fill(`zlist-${unik}`);
  await page.getByLabel('Med rollen').selectOption({ label: 'Ledamot i ledningsgruppen' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/[?&]roll=ledamot(&|$)/);
  await expect(page).not.toHaveURL(/sida=/);
  await expect(page.locator('#anvandare-lista')).toHaveText('17 användare');
  await antalAnvandare(page);
  for (const r of await page.locator('tbody tr td:nth-child(3)').allTextContents())
    expect(r).toContain('Ledamot i ledningsgruppen');

  // Sort by username, descending: the address and aria-sort follow.
  const kolumn = page.getByRole('columnheader', { name: /^Användarnamn/ });
  await kolumn.getByRole('button').click();
  await expect(kolumn).toHaveAttribute('aria-sort', 'ascending');
  await kolumn.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-username(&|$)/);
  await expect(kolumn).toHaveAttribute('aria-sort', 'descending');
  await antalAnvandare(page);
  const namn = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(namn).toEqual([...namn].sort().reverse());
  await page.reload();
  await expect(page.getByLabel('Med rollen')).toHaveValue('ledamot');
  expect(await antalAnvandare(page)).toBe(17);

  // The export: the same 17, in the same order.
  const href = (await page.getByRole('link', { name: 'Hämta som CSV' }).getAttribute('href')) ?? '';
  const fil = await page.request.get(href);
  expect(fil.status()).toBe(200);
  const linjer = (await fil.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(linjer[0]).toBe('Namn;Användarnamn;E-post;Roller;Status;Tvåstegsverifiering');
  expect(linjer.slice(1).map((l) => l.split(';')[1])).toEqual(namn);
  await page.setViewportSize({ width: 390, height: 844 });
  await ingenSidledsScroll(page, 390);
  await expectAccessible(page);
});

test('ledningsgrupp: the meetings of one year, the year in the address, the same as a file; phone width', async ({
  page,
}) => {
  await login(page, 'chef');
  await page.goto('/ledningsgrupp');
  const org = page.getByLabel('Byt organisation');
  const innerstad = await org
    .locator('option', { hasText: 'Personligt ombud Stockholm innerstad' })
    .getAttribute('value');
  if (innerstad && (await org.inputValue()) !== innerstad) await org.selectOption(innerstad);
  await expect(page.getByRole('heading', { level: 1, name: /Stockholm innerstad/ })).toBeVisible();
  const moten = page.getByRole('table', { name: 'Ledningsgruppens möten' });
  const forsta = (await moten.locator('tbody tr td:first-child').first().textContent()) ?? '';
  const ar = /\d{4}/.exec(forsta)?.[0] ?? '';
  await page.getByLabel('År', { exact: true }).selectOption(ar);
  await expect(page).toHaveURL(new RegExp(`[?&]ar=${ar}(&|$)`));
  const n = await moten.locator('tbody tr').count();
  expect(n).toBeGreaterThan(0);
  for (const d of await moten.locator('tbody tr td:first-child').allTextContents()) expect(d).toContain(ar);
  await expect(page.getByText(new RegExp(`^${n} möten? ${ar}`))).toBeVisible();
  const [fil] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Hämta mötena som CSV' }).click(),
  ]);
  expect(fil.suggestedFilename()).toMatch(new RegExp(`^moten-.+-${ar}\\.csv$`));
  const text = (await (await fil.createReadStream()).toArray()).join('').replace(/^\uFEFF/, '');
  expect(text.split('\r\n').filter(Boolean).length - 1).toBe(n);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await ingenSidledsScroll(page, 390);
  await expectAccessible(page);
});

test('granskning: the län’s list filtered by status in the address, the same rows as a file; phone width', async ({
  page,
}) => {
  await login(page, 'lansstyrelse');
  await page.goto('/redovisning/granskning?ar=2025');
  const tabell = page.getByRole('table', { name: /redovisningar/i });
  await expect(tabell.locator('tbody tr').first()).toBeVisible();
  const alla = await tabell.locator('tbody tr').count();
  // Most clients first, by the column heading, the order in the address.
  const klienter = page.getByRole('columnheader', { name: /Klienter/ });
  await klienter.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=klienter(&|$)/);
  await klienter.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-klienter(&|$)/);
  await expect(klienter).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => {
      const v = (await tabell.locator('tbody tr td:nth-child(6)').allTextContents())
        .filter((x) => /\d/.test(x))
        .map((x) => Number(x.replace(/\D/g, '')));
      return v.every((x, i) => i === 0 || v[i - 1]! >= x) && v.length > 0;
    })
    .toBe(true);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Godkänd' });
  await expect(page).toHaveURL(/[?&]status=godkand(&|$)/);
  const godkanda = await tabell.locator('tbody tr').count();
  expect(godkanda).toBeGreaterThan(0);
  expect(godkanda).toBeLessThanOrEqual(alla);
  for (const s of await tabell.locator('tbody tr td:nth-child(3)').allTextContents())
    expect(s).toContain('Godkänd');
  const [fil] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Hämta som CSV' }).click(),
  ]);
  expect(fil.suggestedFilename()).toBe('redovisningar-lan-01-2025-godkand.csv');
  const text = (await (await fil.createReadStream()).toArray()).join('').replace(/^\uFEFF/, '');
  expect(text.split('\r\n').filter(Boolean).length - 1).toBe(godkanda);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await ingenSidledsScroll(page, 390);
  await expectAccessible(page);
});
