import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// Issue 9: a page the active organisation's roles do not open is refused before anything of it loads (no
// request, no form); the menu shows exactly the pages one may open; switching organisation keeps the page
// when allowed; irreversible steps ask first and cancelling changes nothing.

/** The API paths the page asks for from now on. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) seen.push(path);
  });
  return seen;
}

/** Chooses the active organisation and waits until the session has switched (the switcher follows it). */
async function valjOrganisation(page: Page, namn: string) {
  const byt = page.getByLabel('Byt organisation');
  if ((await byt.locator('option:checked').textContent()) !== namn) await byt.selectOption({ label: namn });
  await expect(byt.locator('option:checked')).toHaveText(namn);
}

/** A client whose only ärende ended as "ej aktuell" today: due for gallring at once (OMBUD_GALLRING_DAGAR=0). */
async function klientAttGallra(page: Page): Promise<void> {
  // From inside the page, as the app itself asks (the server accepts changes only from its own pages).
  const post = (url: string, data: unknown) =>
    page.evaluate(
      async ({ url, data }) => {
        const res = await fetch(`/api/v1${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(data),
        });
        if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { id: string };
      },
      { url, data },
    );
  const me = await (await page.request.get('/api/v1/me')).json();
  const v = `/verksamheter/${me.activeOrganisationId}`;
  const idag = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const klient = await post(`${v}/klienter`, {
    alias: `E2E-gallra-${Date.now().toString(36)}`,
    fodelsear: 1980,
    kon: 'kvinna',
    kommunKod: '0180',
    stadsdelsomradeKod: 'sodermalm',
    barnUnder18: 'nej',
  });
  const arende = await post(`${v}/arenden`, {
    klientId: klient.id,
    forfraganDatum: idag,
    forfraganFran: 'personen',
  });
  await post(`${v}/arenden/${arende.id}/status`, { status: 'ej_aktuell', datum: idag });
}

const refusals = [
  { user: 'ledamot', path: '/anvandare', api: '/api/v1/users', role: /Verksamhetschef eller Administratör/ },
  {
    user: 'socialstyrelsen',
    path: '/logg',
    api: '/api/v1/audit',
    role: /Verksamhetschef eller Administratör/,
  },
  { user: 'aktor', path: '/nationellt', api: '/api/v1/nationellt', role: /Socialstyrelsen/ },
  {
    user: 'aktor',
    path: '/klienter',
    api: '/api/v1/verksamheter',
    role: /Personligt ombud eller Verksamhetschef/,
  },
];

for (const r of refusals) {
  test(`${r.user} at ${r.path} is refused before the page loads`, async ({ page }) => {
    await login(page, r.user);
    const seen = apiRequests(page);
    await page.goto(r.path);
    const h1 = page.getByRole('heading', { name: 'Du har inte behörighet till den här sidan', level: 1 });
    await expect(h1).toBeVisible();
    await expect(page.getByRole('main')).toContainText(r.role);
    await expect(page.getByRole('link', { name: 'Till startsidan' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText('Ny användare');
    await expect(page.getByRole('main')).not.toContainText('Hittades inte');
    expect(seen.filter((p) => p.startsWith(r.api))).toEqual([]);
    await expectAccessible(page);

    await page.getByLabel('Språk').selectOption('en');
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Language').selectOption('sv');
    await logout(page);
  });
}

test('the menu shows only what the role may open; an ombud sees no Användare and uses Klienter', async ({
  page,
}) => {
  await login(page, 'ombud');
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link', { name: 'Klienter', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Användare' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Logg' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Klienter', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Klienter', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Byt organisation');
  await expectAccessible(page);
  await logout(page);
});

test('switching organisation keeps the page the new organisation allows', async ({ page }) => {
  await login(page, 'chef');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Ärendemängd' })
    .click();
  await expect(page.getByRole('heading', { name: 'Ärendemängd per ombud', level: 1 })).toBeVisible();
  await valjOrganisation(page, 'Personligt ombud Norra Uppland');
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole('heading', { name: 'Ärendemängd per ombud', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await valjOrganisation(page, 'Personligt ombud Stockholm innerstad');
  await expect(page).toHaveURL(/\/caseload$/);
  await logout(page);
});

test('Gallra nu asks first, says how many, and cancelling leaves everything', async ({ page }) => {
  await login(page, 'chef');
  await valjOrganisation(page, 'Personligt ombud Stockholm innerstad');
  await klientAttGallra(page);
  await page.goto('/gallring');
  const rader = page.getByRole('table').getByRole('row');
  await expect(rader.nth(1)).toBeVisible();
  const n = (await rader.count()) - 1;
  const knapp = page.getByRole('button', { name: 'Gallra nu' });

  await knapp.click();
  const fraga = page.getByRole('dialog', { name: 'Gallra nu?' });
  await expect(fraga).toContainText(
    `${n} ${n === 1 ? 'klients' : 'klienters'} identitet och anteckningar raderas för gott.`,
  );
  await expect(fraga).toContainText('Statistiken påverkas inte.');
  await expect(
    fraga.getByRole('button', { name: `Gallra ${n} ${n === 1 ? 'klient' : 'klienter'}` }),
  ).toBeVisible();
  await expect(fraga.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(fraga).toBeHidden();
  await expect(knapp).toBeFocused();

  await knapp.click();
  await fraga.getByRole('button', { name: 'Avbryt' }).click();
  await expect(fraga).toBeHidden();
  await page.reload();
  await expect(rader).toHaveCount(n + 1);
  await expect(page.getByRole('status')).toHaveCount(0);
  await logout(page);
});

test('removing a ledamot and disabling a user ask first', async ({ page }) => {
  await login(page, 'chef');
  await valjOrganisation(page, 'Personligt ombud Stockholm innerstad');
  await page.goto('/ledningsgrupp');
  const taBort = page.getByRole('button', { name: 'Ta bort Petra Lind' });
  await taBort.click();
  const fraga = page.getByRole('dialog', { name: 'Ta bort Petra Lind ur ledningsgruppen?' });
  await expect(fraga).toContainText('registreras som avgången');
  await expectAccessible(page);
  await fraga.getByRole('button', { name: 'Avbryt' }).click();
  await expect(fraga).toBeHidden();
  await expect(taBort).toBeFocused();
  await expect(page.getByRole('cell', { name: 'Petra Lind', exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
  const open = page.getByRole('button', { name: 'Hantera ombud' });
  await open.click();
  const panel = page.locator(`#${await open.getAttribute('aria-controls')}`);
  await panel.getByRole('button', { name: 'Stäng av' }).click();
  const stang = page.getByRole('dialog', { name: 'Stäng av kontot för Olivia Ombud?' });
  await expect(stang).toContainText('kan inte logga in');
  await expect(stang.getByRole('button', { name: 'Stäng av Olivia Ombud' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(stang).toBeHidden();
  await expect(panel.getByText('Aktiv.')).toBeVisible();
  await logout(page);
});
