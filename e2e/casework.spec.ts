import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// An ombud registers a request, it waits in the queue with a priority, is taken into work, gets contact
// reasons and a note, is closed; after gallring the identity is gone while the counts stay.
const alias = `E2E-klient-${Date.now().toString(36)}`;
const namn = 'Elsa E2E-Efternamn';

async function klientRakning(page: Page): Promise<{ totalt: number; gallrade: number }> {
  // A fresh page load, so the count is read from the server and not from a cached answer.
  await page.goto('/klienter');
  // "12 klienter, varav 2 gallrade" — the gallrade part only when there are any.
  const rubrik = page.getByRole('heading', {
    name: /^[\d\s\u00a0]+ klienter?(, varav [\d\s\u00a0]+ gallrade?)?$/,
  });
  await expect(rubrik).toBeVisible();
  const m = /([\d\s\u00a0]+) klienter?(?:, varav ([\d\s\u00a0]+) gallrade?)?/.exec(
    (await rubrik.textContent()) ?? '',
  );
  const tal = (s: string | undefined) => Number((s ?? '').replace(/\D/g, ''));
  return { totalt: tal(m?.[1]), gallrade: tal(m?.[2]) };
}

test('casework: request → queue → active → closed → gallring', async ({ page }) => {
  await login(page, 'ombud');
  const fore = await klientRakning(page);
  await expectAccessible(page);

  // A new client: identity apart from the statistical fields.
  await page.getByRole('link', { name: 'Ny klient' }).click();
  await expect(page.getByRole('heading', { name: 'Ny klient', level: 1 })).toBeFocused();
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Namn', { exact: true }).fill(namn);
  await page.getByLabel('Telefon').fill('070-765 43 21');
  await page.getByLabel('Födelseår').fill('2001');
  await page.getByLabel('Kön').selectOption({ label: 'Kvinna' });
  await page.getByLabel('Hemkommun').selectOption({ label: 'Stockholm' });
  await page.getByLabel('Stadsdelsområde').selectOption({ label: 'Södermalm' });
  await page.getByLabel('Barn under 18 år som bor hos klienten').selectOption({ label: 'Ja, helt' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registrera klient' }).click();
  await expect(page.getByRole('heading', { name: alias, level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(namn);

  // The request, with priority grounds suggested from the client's data.
  await expect(page.getByRole('checkbox', { name: 'Hemmavarande barn under 18 år' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Ung vuxen' })).toBeChecked();
  await page.getByLabel('Förfrågan från').selectOption({ label: 'Socialtjänsten' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registrera förfrågan' }).click();
  await expect(page.getByRole('heading', { name: `Ärende – ${alias}` })).toBeVisible();

  // Into the queue.
  await page.getByLabel('Ny status').selectOption({ label: 'I kö' });
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expect(page.getByRole('status')).toContainText('Statusen är ändrad');
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kö' }).click();
  const rad = page.getByRole('row', { name: new RegExp(alias) });
  await expect(rad).toContainText('Hemmavarande barn under 18 år');
  await expect(rad).toContainText('I kö');
  await expect(page.getByRole('main')).toContainText('I kö nu');
  await expectAccessible(page);

  // Taken into work: the ombud is assigned.
  await rad.getByRole('link', { name: alias }).click();
  await page.getByLabel('Ny status').selectOption({ label: 'Aktiv' });
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Statusen är ändrad' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Olivia Ombud');

  // Contact reasons, an actor, SIP.
  await page.getByRole('checkbox', { name: 'Ekonomi', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Stöd i kontakten med myndigheter' }).check();
  await page.getByRole('checkbox', { name: 'Försäkringskassan', exact: true }).check();
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  await expect(
    page.getByRole('definition').filter({ hasText: 'Ekonomi, Stöd i kontakten med myndigheter' }),
  ).toBeVisible();

  // A note, printable as a pdf for the client.
  await page.getByLabel('Ny anteckning').fill('Vi har ringt Försäkringskassan tillsammans.');
  await page.getByRole('button', { name: 'Lägg till anteckning' }).click();
  await expect(page.getByRole('main')).toContainText('Vi har ringt Försäkringskassan tillsammans.');
  const pdfUrl = await page.getByRole('link', { name: 'Skriv ut anteckningarna (pdf)' }).getAttribute('href');
  const pdf = await page.request.get(pdfUrl!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectAccessible(page);

  // A second note, deleted: asked first (cancel keeps it), then gone.
  await page.getByLabel('Ny anteckning').fill('Felskriven anteckning.');
  await page.getByRole('button', { name: 'Lägg till anteckning' }).click();
  await expect(page.getByRole('main')).toContainText('Felskriven anteckning.');
  const note = page.getByRole('listitem').filter({ hasText: 'Felskriven anteckning.' });
  await note.getByRole('button', { name: /^Ta bort/ }).click();
  const notFraga = page.getByRole('dialog', { name: 'Ta bort anteckningen?' });
  await expect(notFraga).toContainText('kan inte återskapas');
  await expectAccessible(page);
  await notFraga.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('main')).toContainText('Felskriven anteckning.');
  await note.getByRole('button', { name: /^Ta bort/ }).click();
  await notFraga.getByRole('button', { name: 'Ta bort anteckningen' }).click();
  await expect(page.getByRole('main')).not.toContainText('Felskriven anteckning.');
  await expect(page.getByRole('main')).toContainText('Vi har ringt Försäkringskassan tillsammans.');

  // Closed.
  await page.getByLabel('Ny status').selectOption({ label: 'Avslutad' });
  await page.getByLabel('Avslutsorsak').selectOption({ label: 'Klientens mål är uppnådda' });
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expect(page.getByText('Ärendet är avslutat och kan inte ändras.')).toBeVisible();

  const efterAvslut = await klientRakning(page);
  expect(efterAvslut.totalt).toBe(fore.totalt + 1);

  // Gallring: the identity is gone, the client and the counts stay.
  await page.getByRole('link', { name: 'Gallring' }).click();
  await expect(page.getByRole('cell', { name: alias })).toBeVisible();
  await expectAccessible(page);
  // Gallring cannot be undone: it asks first, naming how many clients go.
  await page.getByRole('button', { name: 'Gallra nu' }).click();
  const fraga = page.getByRole('dialog', { name: 'Gallra nu?' });
  await expect(fraga).toContainText('identitet och anteckningar raderas');
  await expectAccessible(page);
  await fraga.getByRole('button', { name: /^Gallra \d+ klient(er)?$/ }).click();
  await expect(page.getByRole('status')).toContainText(/klient(er)? gallrades/);

  const efter = await klientRakning(page);
  expect(efter.totalt).toBe(efterAvslut.totalt);
  expect(efter.gallrade).toBeGreaterThan(efterAvslut.gallrade);
  await page.getByLabel('Sök på alias').fill(alias);
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByText('Inga klienter matchar sökningen.')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(namn);
  await expectAccessible(page);
  await logout(page);
});

test('the chef sees the caseload per ombud against 15–21 and sets a tjänstgöringsgrad', async ({ page }) => {
  await login(page, 'chef');
  // The chef runs two verksamheter: make Stockholm innerstad the active one.
  const org = page.getByLabel('Byt organisation');
  await expect(page.locator('.lead').first()).toContainText('Verksamhetschef');
  const value = await org
    .locator('option', { hasText: 'Personligt ombud Stockholm innerstad' })
    .getAttribute('value');
  if ((await org.inputValue()) !== value) {
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/me/organisation')),
      org.selectOption(value!),
    ]);
  }
  await expect(page.locator('.lead').first()).toHaveText(
    'Personligt ombud Stockholm innerstad – Verksamhetschef',
  );

  // A fresh load after the switch, so the switcher's own navigation home cannot overtake ours.
  await expect(
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärendemängd' }),
  ).toBeVisible();
  await page.goto('/caseload');
  await expect(page.getByRole('heading', { name: 'Ärendemängd per ombud', level: 1 })).toBeFocused();
  await expect(page.getByRole('main')).toContainText('Rekommenderat: 15–21');
  const olivia = page.getByRole('row', { name: /Olivia Ombud/ });
  await expect(olivia).toBeVisible();
  await olivia.getByLabel('Tjänstgöringsgrad för Olivia Ombud (%)').fill('80');
  await olivia.getByRole('button', { name: 'Spara' }).click();
  await expect(olivia.getByLabel('Tjänstgöringsgrad för Olivia Ombud (%)')).toHaveValue('80');
  // Per full-time post = active ärenden / 0.8, recomputed by the server.
  const aktiva = Number(await olivia.getByRole('cell').nth(0).textContent());
  const per = new Intl.NumberFormat('sv-SE').format(Math.round((aktiva * 1000) / 80) / 10);
  await expect(olivia.getByRole('cell').nth(2)).toHaveText(per);
  await expectAccessible(page);
  await logout(page);
});
