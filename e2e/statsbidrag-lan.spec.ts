import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// The Länsstyrelse's grant decisions (issue 11): the demo's 2025 is fixed as published (392 251 kr per
// FTE), 2026 is not fixed. The demo Länsstyrelse is Stockholms län's.

const S = '[\\s\\u00a0\\u202f]'; // a space as sv-SE writes it between digit groups and before "kr"
const kr = (n: string) => new RegExp(n.replace(/ /g, S));

async function noSidewaysScroll(page: Page) {
  const ok = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(ok, 'the page scrolls sideways').toBe(true);
}

test('the Länsstyrelse decides per verksamhet: the amount follows the FTE typed, saving asks first', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, 'lansstyrelse');
  await page.getByRole('link', { name: 'Statsbidrag i länet' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statsbidrag i länet' })).toBeVisible();
  await page.goto('/statsbidrag-lan?ar=2025');
  await expect(page.getByText(kr('Belopp per årsarbetare 2025: 392 251 kr'))).toBeVisible();
  await expect(page.getByText(/Länets ram:/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Beslut per verksamhet 2025' });
  await expect(table).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);

  // Typing "1,5" for the first verksamhet shows 1,5 × 392 251 = 588 376,5 → 588 377 kr at once.
  const first = page.getByRole('textbox', { name: /^Beviljade årsarbetare för / }).first();
  const namn = ((await first.getAttribute('aria-label')) ?? '').replace('Beviljade årsarbetare för ', '');
  const input = page.getByRole('textbox', { name: `Beviljade årsarbetare för ${namn}`, exact: true });
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: namn, exact: true }) });
  await input.fill('1,5');
  await expect(row.getByRole('cell', { name: kr('588 377 kr') })).toBeVisible();
  await expect(row).toContainText('Ändrat, inte sparat');

  // Saving asks first, in words; cancelling changes nothing.
  await row.getByRole('button', { name: `Spara beslut för ${namn}` }).click();
  const dialog = page.getByRole('dialog', { name: `Spara beslutet för ${namn}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(kr('1,5 årsarbetare × 392 251 kr = 588 377 kr'));
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await row.getByRole('button', { name: `Spara beslut för ${namn}` }).click();
  await dialog.getByRole('button', { name: 'Spara beslut' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Beslutet för ${namn} är sparat` })).toContainText(
    kr('588 377 kr'),
  );
  // The saved decision: date and who decided, by name (not the username), and its letter.
  await expect(row).toContainText('Lars Länsstyrelse');
  await expect(row).toContainText(new Date().toISOString().slice(0, 4));
  await expect(row.getByRole('link', { name: `Beslutet för ${namn} (pdf)` })).toBeVisible();

  // A text that is not a number is refused at the field, listed in the summary.
  await input.fill('1,5,1');
  await row.getByRole('button', { name: `Spara beslut för ${namn}` }).click();
  await expect(page.getByRole('heading', { name: 'Det finns fel i formuläret' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await input.fill('1,5');

  // The län's decisions download as a workbook.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Länets beslut (xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('statsbidrag-beslut-2025-lan-01.xlsx');
  const [letter] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: `Beslutet för ${namn} (Word)` }).click(),
  ]);
  expect(letter.suggestedFilename()).toMatch(/^statsbidrag-beslut-2025-.+\.docx$/);

  // 390 px: the table scrolls in its own region, the page does not. The row heading keeps at most 40 %
  // of the screen, so the figures have room; the save button is reached by scrolling the table.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(table).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  const rubrik = row.getByRole('rowheader', { name: namn, exact: true });
  const bredd = (await rubrik.boundingBox())?.width ?? 999;
  expect(bredd).toBeLessThanOrEqual(390 * 0.4 + 1);
  const knapp = row.getByRole('button', { name: `Spara beslut för ${namn}` });
  await knapp.scrollIntoViewIfNeeded();
  await expect(knapp).toBeInViewport();
  // Nothing sticky lies over the button: a click on its centre reaches it (the confirmation opens).
  await knapp.click({ trial: true });
  await knapp.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();

  // A year Socialstyrelsen has not fixed: a clear line, no inputs.
  await page.goto('/statsbidrag-lan?ar=2026');
  await expect(
    page.getByText(/Socialstyrelsen har inte fastställt beloppet per årsarbetare för 2026/),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Beviljade årsarbetare för / })).toHaveCount(0);
  await noSidewaysScroll(page);
  await expectAccessible(page);
});

test('the verksamhet sees its own decision on its redovisning page and downloads its letter', async ({
  page,
}) => {
  // The Länsstyrelse decides for Stockholm innerstad (applied for 2025 in its redovisning 2024).
  const namn = 'Personligt ombud Stockholm innerstad';
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, 'lansstyrelse');
  await page.goto('/statsbidrag-lan?ar=2025');
  await page.getByRole('textbox', { name: `Beviljade årsarbetare för ${namn}`, exact: true }).fill('0,5');
  await page.getByRole('button', { name: `Spara beslut för ${namn}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Spara beslut' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Beslutet för ${namn} är sparat` })).toContainText(
    kr('196 126 kr'), // 0,5 × 392 251 = 196 125,5 → 196 126
  );
  await logout(page);

  // Its chef, on the redovisning 2024 (whose ansökan is for 2025), sees the decision.
  await login(page, 'chef');
  const org = page.getByLabel('Byt organisation');
  const value = await org.locator('option', { hasText: namn }).getAttribute('value');
  if (value && (await org.inputValue()) !== value) await org.selectOption(value);
  await expect(page.getByRole('main')).toContainText(namn);
  await page.goto('/redovisning?ar=2024');
  const sektion = page.getByRole('region', { name: 'Beslut om statsbidrag 2025' });
  await expect(sektion).toBeVisible();
  await expect(sektion).toContainText(kr('196 126 kr'));
  await expect(sektion).toContainText('Lars Länsstyrelse, Länsstyrelsen i Stockholms län');
  await expect(sektion).toContainText(new RegExp(`Beslutsdatum${S}*\\d{4}-\\d{2}-\\d{2}`));
  await expectAccessible(page);
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    sektion.getByRole('link', { name: 'Beslutet 2025 (Word)' }).click(),
  ]);
  expect(docx.suggestedFilename()).toBe('statsbidrag-beslut-2025-personligt-ombud-stockholm-innerstad.docx');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    sektion.getByRole('link', { name: 'Beslutet 2025 (pdf)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  // A year with no decision yet says so.
  await page.goto('/redovisning?ar=2025');
  await expect(page.getByRole('region', { name: 'Beslut om statsbidrag 2026' })).toContainText(
    'Länsstyrelsen har inte fattat något beslut om statsbidrag för 2026 ännu.',
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/redovisning?ar=2024');
  await expect(sektion).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
});

test('Socialstyrelsen has no such page in its menu', async ({ page }) => {
  await login(page, 'socialstyrelsen');
  await expect(page.getByRole('link', { name: 'Statsbidrag i länet' })).toHaveCount(0);
});
