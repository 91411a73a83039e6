import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Socialstyrelsen fixes a year's grant after its preview, and the preview that was shown is kept with the
// fixing; an admin reopens it with a reason, after a confirmation (issue 11). The year is the current
// one (2026 in the demo: not fixed), and the test leaves it reopened — not fixed — as it found it, so the
// Länsstyrelse spec still finds 2026 unfixed. Figures are read from the page, not expected.

const S = '[\\s\\u00a0\\u202f]';

async function noSidewaysScroll(page: Page) {
  const ok = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(ok, 'the page scrolls sideways').toBe(true);
}

test('fixing keeps the preview shown; reopening needs a reason and a confirmation', async ({ page }) => {
  const ar = new Date().getFullYear();
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, 'socialstyrelsen');
  await page.goto(`/statsbidrag?ar=${ar}`);
  const fix = page.getByRole('region', { name: `Fastställande ${ar}` });
  await expect(fix).toContainText(`Statsbidraget för ${ar} är inte fastställt.`);

  // Fix it: the preview in the confirmation is what is stored.
  await page.getByLabel('Total budget (kr)').fill('131 500 000');
  await page.getByLabel('Socialstyrelsens egen andel (kr)').fill('1 500 000');
  await page.getByRole('button', { name: 'Fastställ', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Fastställa statsbidraget för ${ar}?` });
  const visat = (await dialog.getByText(/Det blir [\d\s]+ kr per årsarbetare/).textContent()) ?? '';
  const tackning =
    (await dialog.getByText(/verksamheter har en inskickad eller godkänd ansökan/).textContent()) ?? '';
  expect(visat).not.toBe('');
  await dialog.getByRole('button', { name: 'Fastställ' }).click();
  await expect(page.getByText('Budgeten och beloppet per årsarbetare är fastställda.')).toBeVisible();

  // Fixed: by name, the form gone, the fixing listed with the preview that was shown.
  await expect(fix).toContainText(/Fastställt \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Sara Socialstyrelsen\./);
  await expect(page.getByLabel('Total budget (kr)')).toHaveCount(0);
  const post = fix.getByRole('listitem').first();
  await expect(post).toContainText('av Sara Socialstyrelsen');
  await post.getByText('Förhandsvisningen som visades när det fastställdes').click();
  await expect(post).toContainText(visat.trim());
  await expect(post).toContainText(tackning.trim());
  await expect(post.getByRole('table', { name: /Verksamheter per län som ingår/ })).toBeVisible();
  await expectAccessible(page);

  // Reopening asks first; without a reason it stays open and says what is missing at the field.
  await fix.getByRole('button', { name: 'Öppna igen' }).click();
  const oppna = page.getByRole('dialog', { name: `Öppna statsbidraget för ${ar} igen?` });
  await expect(oppna).toContainText(
    new RegExp(`Beloppet [\\d${S.slice(1, -1)}]+ kr per årsarbetare slutar gälla`),
  );
  await oppna.getByRole('button', { name: 'Avbryt' }).click();
  await expect(oppna).toBeHidden();
  await expect(fix).toContainText('av Sara Socialstyrelsen.');
  await fix.getByRole('button', { name: 'Öppna igen' }).click();
  await oppna.getByRole('button', { name: 'Öppna igen' }).click();
  const skal = oppna.getByRole('textbox', { name: /Skäl att öppna igen/ });
  await expect(oppna).toContainText('Skriv varför statsbidraget öppnas igen.');
  await expect(skal).toBeFocused();
  await expect(skal).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  const anledning = 'Budgeten angavs utan regeringens ändringsbeslut.';
  await skal.fill(anledning);
  await oppna.getByRole('button', { name: 'Öppna igen' }).click();
  await expect(page.getByText(`Statsbidraget för ${ar} är öppnat igen.`)).toBeVisible();

  // Reopened: the form is back; the fixing says when, by whom and why, and keeps its preview.
  await expect(fix).toContainText(`Statsbidraget för ${ar} är inte fastställt.`);
  await expect(page.getByLabel('Total budget (kr)')).toBeVisible();
  await expect(post).toContainText(
    /Öppnat igen \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Sara Socialstyrelsen\. Skäl:/,
  );
  await expect(post).toContainText(anledning);
  await expect(post.getByText('Förhandsvisningen som visades när det fastställdes')).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(post).toContainText(anledning);
  await noSidewaysScroll(page);
  await expectAccessible(page);
});
