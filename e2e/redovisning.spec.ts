import { expect, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// The chef opens the annual report of Personligt ombud Stockholm innerstad, sees the figures computed from
// the casework with last year's beside them, writes the narrative and the application, submits; the
// submitted version is frozen (the form locks, a change is refused, version 1 keeps the texts). The
// Länsstyrelse then sees it in its list and on its review page. The demo casework is synthetic: no exact
// numbers are expected.
test('chef submits the redovisning; the snapshot is frozen; the Länsstyrelse reviews it', async ({
  page,
  baseURL,
}) => {
  const ar = new Date().getFullYear() - 1;
  await login(page, 'chef');
  const org = page.getByLabel('Byt organisation');
  if (await org.isVisible()) {
    const value = await org
      .locator('option', { hasText: 'Personligt ombud Stockholm innerstad' })
      .getAttribute('value');
    if (value && (await org.inputValue()) !== value) await org.selectOption(value);
  }
  // The switch stores the active organisation and then returns to the home page; wait for it, and start
  // afresh from the home page so that no late navigation of the switch overtakes the next step.
  await expect(page.getByRole('main')).toContainText(
    'Personligt ombud Stockholm innerstad – Verksamhetschef',
  );
  await page.goto('/');
  await expect(page.getByRole('main')).toContainText(
    'Personligt ombud Stockholm innerstad – Verksamhetschef',
  );
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Redovisning' })
    .click();
  await expect(page.getByRole('heading', { name: `Redovisning ${ar}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Personligt ombud Stockholm innerstad' })).toBeVisible();

  // Computed figures with last year's column beside them.
  const klienter = page.getByRole('table', { name: `Klienter ${ar} med föregående år` });
  await expect(klienter).toBeVisible();
  await expect(klienter.getByRole('columnheader', { name: `Totalt ${ar - 1}` })).toBeVisible();
  await expect(klienter.getByRole('columnheader', { name: `Totalt ${ar}` })).toBeVisible();
  // Totalt is the sum of the genders, computed on the screen (text, not an input).
  const kvinnor = klienter.getByRole('textbox', { name: `Klienter under året, kvinnor ${ar}` });
  expect(Number((await kvinnor.inputValue()).replace(/\s/g, ''))).toBeGreaterThanOrEqual(0);
  // Age groups and the queue can be typed in too (for a verksamhet that does not use the casework).
  const alder = page.getByRole('table', { name: `Klienter ${ar} per åldersgrupp` });
  await expect(alder.getByRole('rowheader', { name: '65 år och äldre' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'I kö 31 december' })).toBeEditable();
  await expectAccessible(page);

  // Staff, narrative and application.
  await page.getByLabel('Antal ombud').fill('4');
  await page.getByLabel('Årsarbetare', { exact: true }).fill('4');
  await page.getByLabel('Ombud, kvinnor').fill('3');
  await page.getByLabel('Ombud, män').fill('1');
  const forbattring = `Gemensamt arbete med ekonomiskt bistånd (${Date.now()}).`;
  await page.getByLabel('Förändringar i målgruppen').fill('Fler unga vuxna i långvarig isolering.');
  await page.getByLabel('Förbättringsarbete').fill(forbattring);
  await page.getByLabel('Jämställdhetsanalys').fill('Stödet ges på lika villkor till kvinnor och män.');
  await page.getByLabel('Sökta årsarbetare').fill('4');
  await page.getByLabel('Kontaktperson').fill('Enhetschef socialpsykiatri');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet är sparat.' })).toBeVisible();

  await page.getByRole('button', { name: 'Skicka in till Länsstyrelsen' }).click();
  // Submitting asks first; the dialog's own button sends.
  await page.getByRole('dialog').getByRole('button', { name: 'Skicka in till Länsstyrelsen' }).click();
  await expect(page.getByText('Redovisningen är inskickad som version 1.')).toBeVisible();
  await expect(page.getByText('Redovisningen är låst.')).toBeVisible();
  // Locked: the narrative is shown as text, not as a disabled field.
  await expect(page.getByText(forbattring)).toBeVisible();
  await expect(page.getByLabel('Förbättringsarbete')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Skicka in till Länsstyrelsen' })).toHaveCount(0);
  await expectAccessible(page);

  // The frozen snapshot: version 1 holds the texts, and the draft refuses changes.
  const me = await (await page.request.get('/api/v1/me')).json();
  const vid = (me.medlemskap as Array<{ organisationId: string; organisationNamn: string }>).find(
    (m) => m.organisationNamn === 'Personligt ombud Stockholm innerstad',
  )!.organisationId;
  const view = await (await page.request.get(`/api/v1/verksamheter/${vid}/redovisningar/${ar}`)).json();
  expect(view.status).toBe('inskickad');
  const v1 = await (await page.request.get(`/api/v1/redovisningar/${view.id}/versioner/1`)).json();
  expect(v1.dokument.text.forbattringsarbete).toBe(forbattring);
  expect(v1.dokument.format).toBe('ombud.redovisning/v1');
  const change = await page.request.put(`/api/v1/verksamheter/${vid}/redovisningar/${ar}`, {
    data: { text: { ...v1.dokument.text, forbattringsarbete: 'ändrad' } },
    headers: { origin: baseURL ?? '' },
  });
  expect(change.status()).toBe(409);
  await logout(page);

  // The Länsstyrelse sees it submitted and opens the review page.
  await login(page, 'lansstyrelse');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Granska redovisningar' })
    .click();
  await expect(page.getByRole('heading', { name: `Granska redovisningar ${ar}`, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Personligt ombud Stockholm innerstad' }).click();
  await expect(
    page.getByRole('heading', { name: /Granskning: Personligt ombud Stockholm innerstad/ }),
  ).toBeVisible();
  await expect(page.getByText(forbattring)).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});

// Issue 15: Norra Uppland covers three kommuner (Tierp, Älvkarleby, Östhammar); its report computed from
// the casework shows the clients per the kommun each client lives in, read-only, with a sum row that is
// the verksamhet's own total. The demo casework is synthetic: the rows are checked against each other and
// the total, not against fixed numbers.
test('a verksamhet covering three kommuner shows its clients per kommun, adding up to its total', async ({
  page,
}) => {
  const ar = new Date().getFullYear() - 1;
  await login(page, 'chef');
  const org = page.getByLabel('Byt organisation');
  const value = await org
    .locator('option', { hasText: 'Personligt ombud Norra Uppland' })
    .getAttribute('value');
  if (value && (await org.inputValue()) !== value) await org.selectOption(value);
  await expect(page.getByRole('main')).toContainText('Personligt ombud Norra Uppland – Verksamhetschef');
  await page.goto(`/redovisning?ar=${ar}`);
  await expect(page.getByRole('heading', { name: 'Personligt ombud Norra Uppland' })).toBeVisible();
  const tabell = page.getByRole('table', { name: `Klienter ${ar} per kommun där klienten bor` });
  await expect(tabell).toBeVisible();
  const tal = (s: string) => Number(s.replace(/\s/g, ''));
  const rader = tabell.locator('tbody tr');
  await expect(rader).toHaveCount(3);
  await expect(tabell.getByRole('rowheader')).toHaveText([
    'Älvkarleby', // 0319, in code order
    'Tierp', // 0360
    'Östhammar', // 0382
    'Summa (verksamheten)',
  ]);
  const perKommun = await rader.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('td')?.textContent ?? ''),
  );
  const summaRad = tal(await tabell.locator('tfoot td').first().innerText());
  expect(perKommun.map(tal).reduce((s, n) => s + n, 0)).toBe(summaRad);
  expect(new Set(perKommun).size).toBeGreaterThan(1); // each kommun its own clients, not the whole repeated
  // The sum row is the verksamhet's "Klienter under året, totalt".
  const klienter = page.getByRole('table', { name: `Klienter ${ar} med föregående år` });
  const totalt = klienter
    .getByRole('row', { name: /^Klienter under året/ })
    .locator('td')
    .nth(3);
  expect(tal(await totalt.innerText())).toBe(summaRad);
  expect(summaRad).toBeGreaterThan(0);
  await expectAccessible(page);
  await logout(page);
});
