import { expect, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

test('the login page is accessible and a wrong password gives a clear error', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Användarnamn').fill('ombud');
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel användarnamn eller lösenord');
  await expectAccessible(page);
});

// Each demo user sees the home page of their role, with real data from the database.
const homes: Array<{ user: string; expectText: RegExp; nav: string[] }> = [
  { user: 'ombud', expectText: /Personligt ombud Stockholm innerstad/, nav: ['Start'] },
  { user: 'chef', expectText: /Verksamhetschef/, nav: ['Start', 'Användare', 'Logg'] },
  { user: 'ledamot', expectText: /Ledamot i ledningsgruppen/, nav: ['Start'] },
  { user: 'lansstyrelse', expectText: /kommuner har personligt ombud/, nav: ['Start', 'Verksamheter'] },
  { user: 'socialstyrelsen', expectText: /Västra Götalands län/, nav: ['Start', 'Verksamheter'] },
  { user: 'aktor', expectText: /Du företräder Försäkringskassan/, nav: ['Start'] },
  {
    user: 'admin',
    expectText: /Administration av organisationer och användare/,
    nav: ['Start', 'Verksamheter', 'Användare', 'Logg'],
  },
];

for (const h of homes) {
  test(`${h.user} sees the home page of the role`, async ({ page }) => {
    await login(page, h.user);
    await expect(page.getByRole('main')).toContainText(h.expectText);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    for (const item of h.nav) await expect(nav.getByRole('link', { name: item, exact: true })).toBeVisible();
    await expectAccessible(page);
    await logout(page);
  });
}

test('admin pages: users, audit log, verksamheter; keyboard navigation; English', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('link', { name: 'Användare' }).click();
  await expect(page.getByRole('heading', { name: 'Användare', level: 1 })).toBeFocused();
  await expect(page.getByRole('cell', { name: 'socialstyrelsen', exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Användarnamn').fill('nyanvandare');
  await page.getByLabel('Namn', { exact: true }).fill('Ny Användare');
  await page.getByRole('button', { name: 'Skapa' }).click();
  await expect(page.getByRole('status')).toContainText('nyanvandare');

  await page.getByRole('link', { name: 'Logg' }).click();
  await expect(page.getByRole('cell', { name: 'Användare skapad', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'user.created' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Verksamheter' }).click();
  await expect(page.getByRole('cell', { name: 'Stiftelsen Personligt ombud Göteborg' })).toBeVisible();
  await expectAccessible(page);

  // The skip link is the first thing the keyboard reaches from the top of the page. (The page focuses its
  // heading, and the table's scroll region after it is reachable too, so start from the top: the body.)
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();

  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('link', { name: 'Operations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});

test('the organisation switcher changes the active organisation', async ({ page }) => {
  await login(page, 'chef');
  const switcher = page.getByLabel('Byt organisation');
  await switcher.selectOption({ label: 'Personligt ombud Stockholm innerstad' });
  await expect(page.getByRole('main')).toContainText('Kungsholmen, Norra innerstaden, Södermalm');
  await switcher.selectOption({ label: 'Personligt ombud Norra Uppland' });
  await expect(page.getByRole('main')).toContainText('Tierp, Älvkarleby, Östhammar');
  await expectAccessible(page);
});
