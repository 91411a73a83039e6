import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The queue (issue 10, lists that scale): in turn order by default (more priority grounds first, then the
// earliest request), a filter and another order in the address, the count agreeing with the rows and the
// export, on a desktop and a phone without sideways scrolling or axe violations.

const tal = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

async function vantar(page: Page): Promise<number> {
  await expect(page.locator('section[aria-labelledby="ko-lista"]')).toHaveAttribute('aria-busy', 'false');
  const rubrik = page.getByRole('heading', { level: 2, name: /^[\d\s\u00a0]+ väntar$/ });
  await expect(rubrik).toBeVisible();
  return tal(await rubrik.textContent());
}

const rader = (page: Page) => page.locator('section[aria-labelledby="ko-lista"] tbody tr');

test('kö: turn order, filter and order in the address, export of the selection, phone width', async ({
  page,
}) => {
  await login(page, 'chef');
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/ko');
    await expect(page.getByRole('heading', { name: 'Kö', level: 1 })).toBeVisible();
    expect(await vantar(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  const alla = await vantar(page);
  await expect(page.getByRole('table', { name: /^Kön i turordning/ })).toBeVisible();

  // Turn order: the number of priority grounds never rises down the page.
  const grunder = (await rader(page).locator('td:nth-child(3)').allTextContents()).map((g) =>
    g === '–' ? 0 : g.split(', ').length,
  );
  expect(grunder).toEqual([...grunder].sort((a, b) => b - a));

  // Only "I kö": fewer or as many, every row says so, the address keeps it.
  await page.getByRole('checkbox', { name: 'I kö' }).check();
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/[?&]status=ko(&|$)/);
  await expect.poll(() => vantar(page)).toBeLessThanOrEqual(alla);
  const iKo = await vantar(page);
  for (const status of await rader(page).locator('td:nth-child(2)').allTextContents())
    expect(status).toBe('I kö');

  // Longest wait first, by the column heading.
  const vantedagar = page.getByRole('columnheader', { name: /Väntedagar/ });
  await vantedagar.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-vantedagar(&|$)/);
  await expect(vantedagar).toHaveAttribute('aria-sort', 'descending');
  await vantar(page);
  const dagar = (await rader(page).locator('td:nth-child(5)').allTextContents()).map(tal);
  expect(dagar).toEqual([...dagar].sort((a, b) => b - a));

  // The export holds the selection, not only the page.
  if (iKo > 0) {
    const [fil] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hämta som CSV' }).click(),
    ]);
    const text = (await (await fil.createReadStream()).toArray()).join('').replace(/^\uFEFF/, '');
    const linjer = text.split('\r\n').filter(Boolean);
    expect(linjer.length - 1).toBe(iKo);
  }
  await expectAccessible(page);

  // Rensa: both statuses and the turn order again.
  await page.getByRole('link', { name: 'Rensa urvalet' }).click();
  await expect(page).toHaveURL(/\/ko$/);
  await expect.poll(() => vantar(page)).toBe(alla);
});
