import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// A phone, 390 × 844 (issue 10, WCAG 2.1 1.4.10 reflow): every page in each role's menu — read from the
// opened menu, so a new page is covered without touching this file — and a few detail pages, each without
// sideways page scrolling and without axe violations; the menu button follows the disclosure pattern.

test.use({ viewport: { width: 390, height: 844 } });

const meny = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
const menyknapp = (page: Page) => meny(page).getByRole('button', { name: 'Meny' });

/** Follows the page's requests, so a check can wait until everything it asked for has come. */
function foljNatet(page: Page) {
  let pagaende = 0;
  page.on('request', () => {
    pagaende++;
  });
  const klar = () => {
    pagaende--;
  };
  page.on('requestfinished', klar);
  page.on('requestfailed', klar);
  return async () => {
    await expect(page.locator('h1')).toBeVisible();
    await expect.poll(() => pagaende, { timeout: 20_000 }).toBe(0);
    await expect(page.getByText(/^(Laddar…|Hämtar …)$/)).toHaveCount(0);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  };
}

async function pruva(page: Page, vad: string) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${vad}: the page scrolls sideways`).toBeLessThanOrEqual(inner);
  await expectAccessible(page);
}

/** Detail pages reached from a list: the first row's link (a klient, an ärende, a brist, a möte). */
const detaljer: Record<string, Array<[lista: string, lank: string]>> = {
  ombud: [
    ['/klienter', '/klienter/'],
    ['/arenden', '/arenden/'],
    ['/brister', '/brister/'],
    ['/ledningsgrupp', '/ledningsgrupp/moten/'],
  ],
  lansstyrelse: [['/redovisning/granskning', '/redovisning/granskning/']],
};

test('the menu button at 390 px: Enter opens it, Escape closes it and gives the focus back; wide, no button', async ({
  page,
}) => {
  await login(page, 'chef');
  // The header's tools stay on the screen.
  await expect(page.getByLabel('Byt organisation')).toBeVisible();
  await expect(page.getByLabel('Språk')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();

  const knapp = menyknapp(page);
  await expect(knapp).toHaveAttribute('aria-expanded', 'false');
  await expect(meny(page).getByRole('link')).toHaveCount(0);
  const lista = page.locator(`#${await knapp.getAttribute('aria-controls')}`);
  await expect(lista).toBeHidden();

  await knapp.focus();
  await page.keyboard.press('Enter');
  await expect(knapp).toHaveAttribute('aria-expanded', 'true');
  await expect(lista).toBeVisible();
  await expect(lista.getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Tab');
  await expect(lista.getByRole('link', { name: 'Start' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(knapp).toHaveAttribute('aria-expanded', 'false');
  await expect(knapp).toBeFocused();
  await expect(lista).toBeHidden();

  // Space opens it too; a link closes it on the way to its page.
  await page.keyboard.press('Space');
  await expect(knapp).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);
  await lista.getByRole('link', { name: 'Klienter' }).click();
  await expect(page).toHaveURL(/\/klienter$/);
  await expect(knapp).toHaveAttribute('aria-expanded', 'false');
  await expect(lista).toBeHidden();

  // Wide: no button, the links always there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(knapp).toBeHidden();
  await expect(meny(page).getByRole('link', { name: 'Start' })).toBeVisible();
});

for (const user of ['ombud', 'chef', 'ledamot', 'lansstyrelse', 'socialstyrelsen', 'aktor', 'admin']) {
  test(`${user}: every page of the menu and a few detail pages at 390 px, no sideways scrolling, no axe violations`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const vila = foljNatet(page);
    await login(page, user);
    await menyknapp(page).click();
    const lankar = await meny(page)
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(lankar.length).toBeGreaterThan(1);
    for (const [i, href] of lankar.entries()) {
      // Through the menu, as on a phone: open it, follow the link; the menu closes on the way.
      if (i > 0) await menyknapp(page).click();
      await meny(page).locator(`a[href="${href}"]`).click();
      await expect(page).toHaveURL((u) => u.pathname === href);
      await expect(menyknapp(page)).toHaveAttribute('aria-expanded', 'false');
      await vila();
      await pruva(page, `${user} ${href}`);
    }
    for (const [lista, lank] of detaljer[user] ?? []) {
      await page.goto(lista);
      await vila();
      const forsta = page.getByRole('main').locator(`tbody a[href^="${lank}"]`).first();
      const href = (await forsta.getAttribute('href')) ?? '';
      await forsta.click();
      await expect(page).toHaveURL((u) => u.pathname === href);
      await vila();
      await pruva(page, `${user} ${href}`);
    }
  });
}
