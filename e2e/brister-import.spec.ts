import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Brister from a spreadsheet in the web app (issue 11): the chef uploads a small CSV; a bad file writes
// nothing and the error summary names each row and column in words; the page has a template, passes axe
// and does not scroll sideways on a phone.
const header = 'titel;beskrivning;niva;aktorer;amne;datum;antal_klienter';
const unique = Date.now().toString(36);

test('the chef imports brister from a file: a bad file shows the error summary, a good one imports', async ({
  page,
}) => {
  await login(page, 'chef');
  await page.goto('/brister');
  await page.getByRole('link', { name: 'Importera från fil' }).click();
  await expect(page.getByRole('heading', { name: 'Importera brister' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mall för Excel (.xlsx)' })).toBeVisible();
  await expectAccessible(page);

  const [csvMall] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Mall som CSV' }).click(),
  ]);
  expect(csvMall.suggestedFilename()).toBe('importmall-brister.csv');

  const bad = [
    header,
    `Bra rad ${unique};Inget fel här.;lokal;forsakringskassan;ovrigt;2025-03-01;2`,
    `Fel rad ${unique};Okänd nivå.;regional;forsakringskassan;ovrigt;2025-03-01;2`,
  ].join('\n');
  const fil = page.getByLabel('Fil (Excel eller CSV)');
  await fil.setInputFiles({ name: 'brister.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByRole('alert')).toContainText('Inget importerades: 1 rad har fel.');
  await expect(page.getByRole('alert')).toContainText(
    'Rad 3, kolumn niva: Okänd nivå "regional"; ange handlaggare, lokal, central.',
  );
  await expect(page.getByRole('alert')).not.toContainText('rad.3');
  await expectAccessible(page);

  const good = [
    header,
    `Importerad ${unique};Blanketten finns bara på webben.;Lokal nivå;Försäkringskassan;ovrigt;2025-03-01;2`,
  ].join('\n');
  await fil.setInputFiles({ name: 'brister.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByRole('status')).toContainText('Importerade brister: 1.');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Visa brister' }).click();
  await expect(page.getByRole('link', { name: `Importerad ${unique}` })).toBeVisible();
});

test('the import page does not scroll sideways on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'chef');
  await page.goto('/brister/import');
  await expect(page.getByRole('heading', { name: 'Importera brister' })).toBeVisible();
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(m.scroll).toBeLessThanOrEqual(m.inner);
  await expectAccessible(page);
});
