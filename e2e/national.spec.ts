import { expect, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// Socialstyrelsen's national pages (seed 003): the national tables with their charts, and the grant page
// with Tabell 1. Both are checked with axe.
test('socialstyrelsen opens the national tables and the grant page', async ({ page }) => {
  await login(page, 'socialstyrelsen');
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });

  await nav.getByRole('link', { name: 'Nationella tabeller', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nationella tabeller' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Tabell 2\./ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Tabell 3\./ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Diagram 1\./ })).toBeVisible();
  await expect(page.getByRole('figure').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lägesrapport, utkast (pdf)' })).toBeVisible();
  // Every year with approved reports, as on the public statistics page.
  await expect(page.getByRole('heading', { name: /^Utvecklingen i hela landet \d{4}–\d{4}$/ })).toBeVisible();
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Statsbidrag', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statsbidrag' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Tabell 1\. Budget och utfall/ })).toBeVisible();
  await expectAccessible(page);

  await nav.getByRole('link', { name: 'Brister i landet', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brister i landet' })).toBeVisible();
  await expect(page.getByLabel('Nivå')).toBeVisible();
  // It opens on the latest year with approved reports (the only ones whose brister count) …
  const arMedData = ((await (await page.request.get('/api/v1/oppna-data')).json()) as { ar: number[] }).ar;
  const senaste = String(arMedData.at(-1));
  await expect(page.getByLabel('År', { exact: true })).toHaveValue(senaste);
  // With the whole country in the demo a subject is reported in many län: the cell gives the count and
  // opens to the names, so a row stays one line high.
  const manga = page.getByRole('table').first().locator('details').first();
  await expect(manga.locator('summary')).toHaveText(/^\d+ län$/);
  await manga.locator('summary').click();
  await expect(manga).toContainText(/\p{Lu}\p{Ll}+s? län, /u);
  await expect(manga).not.toContainText(/\b\d{2}, \d{2}\b/);
  await expectAccessible(page);
  // … and a year without approved reports says why it is empty and offers the latest one.
  const iAr = String(new Date().getFullYear());
  expect(arMedData).not.toContain(Number(iAr));
  await page.getByLabel('År', { exact: true }).selectOption(iAr);
  await expect(page.getByRole('status')).toContainText(`Inga redovisningar för ${iAr} är godkända än`);
  await expect(page.getByRole('link', { name: /Ladda ner urvalet/ })).toHaveCount(0);
  await page.getByRole('button', { name: `Visa ${senaste}` }).click();
  await expect(page.getByLabel('År', { exact: true })).toHaveValue(senaste);
  await logout(page);
});

test('lansstyrelse opens the län compilation', async ({ page }) => {
  await login(page, 'lansstyrelse');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Länets sammanställning' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Länets sammanställning' })).toBeVisible();
  const perKommun = page.getByRole('table', { name: /Per kommun/ });
  await expect(perKommun).toBeVisible();
  // Issue 15: rows from the clients' own kommun where the reports have it; reports without it (the
  // national demo's, typed in) are named in an Underlag column and a note, as the earlier rule applies.
  await expect(perKommun.getByRole('columnheader', { name: 'Underlag' })).toBeVisible();
  await expect(perKommun.getByRole('cell', { name: /^Hela verksamheten: / }).first()).toBeVisible();
  await expect(page.getByText(/saknar siffror per kommun/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Utvecklingen i .+ län \d{4}–\d{4}$/ })).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});
