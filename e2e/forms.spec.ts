import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Issue 9: forms speak to people. A form saved with nothing filled shows one error summary at the top
// and one message at each field (the same sentence, no field keys, no zod wording), the summary's links
// move focus to their field, and a field never reached shows no error.

const summary = (page: Page) => page.locator('.error-summary');

/** The summary is shown, focused, lists `expected` (label: message) once each, and each field shows its message once. */
async function expectErrors(page: Page, expected: Array<[label: string, message: string]>) {
  await expect(summary(page)).toHaveCount(1);
  await expect(summary(page).getByRole('heading', { name: 'Det finns fel i formuläret' })).toBeVisible();
  await expect(summary(page)).toBeFocused();
  const links = summary(page).getByRole('link');
  await expect(links).toHaveText(expected.map(([label, message]) => `${label}: ${message}`));
  await expect(page.locator('.field-error')).toHaveCount(expected.length);
  for (const [, message] of expected) {
    // Once under the field (the summary's link says "Label: message", not the bare sentence).
    await expect(page.getByText(message, { exact: true })).toHaveCount(1);
  }
  // No second copy in a generic alert, and none of the code's words anywhere.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const text = (await page.getByRole('main').textContent()) ?? '';
  expect(text).not.toMatch(/\bstring\b|\bundefined\b|>=|"\s*\||förväntade|amneKod|kommunKod|aktorIds/);
}

test('the brist form: an empty save lists each missing field once; links focus the field', async ({
  page,
}) => {
  await login(page, 'ombud');
  await page.goto('/brister/ny');
  await expect(page.getByRole('heading', { name: 'Registrera brist', level: 1 })).toBeVisible();

  // Leaving one field shows its error only, not errors for fields never reached.
  await page.getByLabel('Rubrik').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByText('Rubrik måste fyllas i.', { exact: true })).toBeVisible();
  await expect(page.getByText('Välj ämne.')).toHaveCount(0);
  await expect(summary(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Registrera' }).click();
  await expectErrors(page, [
    ['Rubrik', 'Rubrik måste fyllas i.'],
    ['Beskrivning', 'Beskrivning måste fyllas i.'],
    ['Nivå', 'Välj nivå: handläggarnivå, lokal nivå eller central nivå.'],
    ['Ämne', 'Välj ämne.'],
    ['Antal berörda klienter', 'Antal berörda klienter måste fyllas i.'],
    ['Berörda aktörer', 'Ange minst en aktör.'],
  ]);
  // The subject's code format is never mentioned: nobody typed a code.
  await expect(page.getByText(/Ämneskoden/)).toHaveCount(0);
  await expectAccessible(page);

  const rubrik = page.getByLabel('Rubrik');
  await expect(rubrik).toHaveAttribute('aria-invalid', 'true');
  await expect(rubrik).toHaveAccessibleDescription('Rubrik måste fyllas i.');
  await summary(page).getByRole('link', { name: 'Ämne: Välj ämne.' }).click();
  await expect(page.getByLabel('Ämne')).toBeFocused();
  await summary(page)
    .getByRole('link', { name: /^Antal berörda klienter/ })
    .click();
  await expect(page.getByLabel('Antal berörda klienter')).toBeFocused();

  // A number that is not one says so, the Swedish way; fixing a field clears its message on leaving it.
  await page.getByLabel('Antal berörda klienter').fill('2,5');
  await page.getByLabel('Rubrik').fill('Långa väntetider');
  await page.getByLabel('Rubrik').blur();
  await expect(page.getByText('Rubrik måste fyllas i.', { exact: true })).toHaveCount(0);
  await expect(
    page.getByText('Antal berörda klienter ska vara ett heltal, t.ex. 12.', { exact: true }),
  ).toBeVisible();
});

test('the klient form: an empty save lists each missing field once, in words', async ({ page }) => {
  await login(page, 'ombud');
  await page.goto('/klienter/ny');
  await expect(page.getByRole('heading', { name: 'Ny klient', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Registrera klient' }).click();
  await expectErrors(page, [
    ['Alias', 'Ange ett alias.'],
    ['Födelseår', 'Ange födelseår som ett heltal, t.ex. 1975.'],
    ['Kön', 'Välj kön: kvinna, man eller annan könsidentitet.'],
    ['Hemkommun', 'Välj hemkommun.'],
  ]);
  await expectAccessible(page);
  await summary(page)
    .getByRole('link', { name: 'Kön: Välj kön: kvinna, man eller annan könsidentitet.' })
    .click();
  await expect(page.getByLabel('Kön')).toBeFocused();
  await expect(page.getByLabel('Kön')).toHaveAttribute('aria-invalid', 'true');
  // Required fields are marked and the mark is explained; the mark is not part of the field's name.
  await expect(page.getByLabel('Alias', { exact: true })).toHaveAttribute('required', '');
  await expect(page.getByText('Fält markerade med * måste fyllas i.')).toBeVisible();
});

test('a client can be edited with the same form and the same messages', async ({ page }) => {
  const alias = `E2E-andra-${Date.now().toString(36)}`;
  await login(page, 'ombud');
  await page.goto('/klienter/ny');
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Födelseår').fill('1970');
  await page.getByLabel('Kön').selectOption({ label: 'Man' });
  await page.getByLabel('Hemkommun').selectOption({ label: 'Stockholm' });
  await page.getByLabel('Stadsdelsområde').selectOption({ label: 'Södermalm' });
  await page.getByRole('button', { name: 'Registrera klient' }).click();
  await expect(page.getByRole('heading', { name: alias, level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Ändra klientens uppgifter' }).click();
  await expect(page.getByRole('heading', { name: `Ändra ${alias}`, level: 1 })).toBeVisible();
  await expect(page.getByLabel('Födelseår')).toHaveValue('1970');
  await page.getByLabel('Alias').fill('');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expectErrors(page, [['Alias', 'Ange ett alias.']]);
  await expectAccessible(page);

  await page.getByLabel('Alias').fill(`${alias}-ny`);
  await page.getByLabel('Födelseår').fill('1971');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('heading', { name: `${alias}-ny`, level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('1971');
});

test('closing an ärende without a reason is stopped in the browser, in words', async ({ page }) => {
  const alias = `E2E-avslut-${Date.now().toString(36)}`;
  await login(page, 'ombud');
  await page.goto('/klienter/ny');
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Födelseår').fill('1960');
  await page.getByLabel('Kön').selectOption({ label: 'Kvinna' });
  await page.getByLabel('Hemkommun').selectOption({ label: 'Stockholm' });
  await page.getByLabel('Stadsdelsområde').selectOption({ label: 'Södermalm' });
  await page.getByRole('button', { name: 'Registrera klient' }).click();
  await page.getByLabel('Förfrågan från').selectOption({ label: 'Socialtjänsten' });
  await page.getByRole('button', { name: 'Registrera förfrågan' }).click();
  await expect(page.getByRole('heading', { name: `Ärende – ${alias}` })).toBeVisible();

  // Saving with no status chosen names the field as the form does.
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expectErrors(page, [
    ['Ny status', 'Välj ny status: förfrågan, i kö, aktiv, avslutad eller ej aktuell.'],
  ]);

  await page.getByLabel('Ny status').selectOption({ label: 'Aktiv' });
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Statusen är ändrad' })).toBeVisible();
  await page.getByLabel('Ny status').selectOption({ label: 'Avslutad' });
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expectErrors(page, [['Avslutsorsak', 'Ange varför ärendet avslutas.']]);
  await expectAccessible(page);
  await summary(page).getByRole('link').click();
  await expect(page.getByLabel('Avslutsorsak')).toBeFocused();
});

test("in English the server's own refusals are English too", async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Språk').selectOption('en');
  await page.getByLabel('Username').fill('chef');
  await page.getByLabel('Password').fill('inte-rätt-lösenord');
  await page.getByRole('button', { name: 'Log in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Wrong username or password.');
  await expect(alert).not.toContainText('lösenord');
  await expectAccessible(page);
  await page.getByLabel('Language').selectOption('sv');
});
