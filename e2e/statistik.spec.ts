import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The verksamhet's statistics page: three charts, each with its figures in a table beside it (issue 10).
for (const width of [1280, 390]) {
  test(`the ombud's statistics at ${width} px: charts with tables, no sideways scrolling, no axe violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await login(page, 'ombud');
    await page.goto('/verksamhetsstatistik');
    await expect(page.getByRole('heading', { name: /^Statistik för/, level: 1 })).toBeVisible();
    for (const namn of [
      /^Stapeldiagram: klienter per år/,
      /^Diagram: antal som väntar/,
      /^Liggande stapeldiagram/,
    ]) {
      const bild = page.getByRole('img', { name: namn });
      await expect(bild).toBeVisible();
      // ECharts has drawn into it (an SVG with bars), not an empty box.
      await expect(bild.locator('svg path').first()).toBeAttached();
    }
    const klienter = page.getByRole('table', { name: 'Klienter per år' });
    await expect(klienter.locator('tbody tr').first()).toBeVisible();
    expect(await klienter.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect(page.getByRole('table', { name: 'Kön månad för månad' }).locator('tbody tr')).toHaveCount(
      24,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  });
}

test('the year of the contact reasons is in the address and the table follows it', async ({ page }) => {
  await login(page, 'ombud');
  await page.goto('/verksamhetsstatistik');
  const val = page.getByLabel('År för kontaktorsakerna');
  await val.selectOption('2024');
  await expect(page).toHaveURL(/\/verksamhetsstatistik\?ar=2024$/);
  await expect(page.getByRole('heading', { name: 'Kontaktorsaker 2024 efter kön' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('År för kontaktorsakerna')).toHaveValue('2024');
});
