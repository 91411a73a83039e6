import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The start page of each role: what needs doing, each count a link to the list behind it (issue 10).

/** The number at the start of a work-list link ("34 aktiva ärenden saknar ombud" → 34). */
async function antal(page: Page, name: RegExp, lista: string | RegExp = 'Att göra'): Promise<number> {
  const link = page.getByRole('list', { name: lista }).getByRole('link', { name });
  await expect(link).not.toHaveText(/…/);
  const text = (await link.textContent()) ?? '';
  return Number(
    text
      .replace(/\s/g, ' ')
      .match(/^([\d ]+)/)?.[1]
      ?.replace(/ /g, ''),
  );
}

async function ingenSidledsScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('the chef sees queue, caseload and redovisning; the queue count opens a queue of that many', async ({
  page,
}) => {
  await login(page, 'chef');
  const ko = await antal(page, /väntar på att få ett ombud/);
  expect(ko).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Ärenden per ombud' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Redovisning \d{4}$/ })).toBeVisible();
  await expect(page.getByText(/^Status: Utkast\./)).toBeVisible();
  await expect(page.getByText(/Senast \d{4}-01-15/).first()).toBeVisible();
  await page
    .getByRole('list', { name: 'Att göra' })
    .getByRole('link', { name: /väntar på att få ett ombud/ })
    .click();
  await expect(page).toHaveURL(/\/ko$/);
  await expect(page.getByRole('heading', { level: 2, name: `${ko} väntar` })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Kön i turordning/ }).locator('tbody tr')).toHaveCount(
    Math.min(ko, 50),
  );
});

test('the redovisning link opens the year the card is about', async ({ page }) => {
  await login(page, 'chef');
  const rubrik = (await page.getByRole('heading', { name: /^Redovisning \d{4}$/ }).textContent()) ?? '';
  const ar = rubrik.match(/\d{4}/)![0];
  await page.getByRole('link', { name: 'Öppna redovisningen' }).click();
  await expect(page).toHaveURL(new RegExp(`/redovisning\\?ar=${ar}$`));
  await expect(page.getByLabel('Redovisningsår')).toHaveValue(ar);
});

test("the Länsstyrelse's counts open the review list filtered to that status", async ({ page }) => {
  await login(page, 'lansstyrelse');
  const lista = /Redovisningar \d{4} i länet/;
  const saknas = await antal(page, /inte kommit in|saknas efter sista dagen/, lista);
  expect(saknas).toBeGreaterThan(0);
  await page
    .getByRole('list', { name: lista })
    .getByRole('link', { name: /inte kommit in|saknas efter sista dagen/ })
    .click();
  await expect(page).toHaveURL(/\/redovisning\/granskning\?ar=\d{4}&status=(saknas|sen)$/);
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(saknas);
});

for (const [user, rubrik] of [
  ['ombud', 'Att göra'],
  ['chef', 'Att göra'],
  ['ledamot', 'Ledningsgruppen'],
  ['lansstyrelse', /Redovisningar \d{4} i länet/],
  ['socialstyrelsen', /Redovisningar \d{4} per län/],
  ['aktor', 'Att göra'],
] as const) {
  for (const width of [1280, 390]) {
    test(`${user}'s start page at ${width} px: the work first, no sideways scrolling, no axe violations`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await login(page, user);
      await expect(page.getByRole('heading', { name: rubrik, level: 2 })).toBeVisible();
      await expect(page.getByText('Hämtar …')).toHaveCount(0);
      await ingenSidledsScroll(page);
      await expectAccessible(page);
    });
  }
}
