import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// The review as a Länsstyrelse handläggare does it: the whole submitted report (the ansökan too), a
// comment made by clicking the figure it concerns, a return, the resubmission with the change shown in
// the report and in a labelled list, then the approval. The report is Stockholm innerstad's for three
// years ago, set up through the API (the form itself is tested in redovisning.spec.ts and
// redovisning-form.spec.ts, on last year's and this year's reports; the demo has approved the one before).
const ar = new Date().getFullYear() - 3;
const NAMN = 'Personligt ombud Stockholm innerstad';

async function asChef(page: Page, baseURL: string, andra: (dokument: Record<string, unknown>) => object) {
  await login(page, 'chef');
  const me = await (await page.request.get('/api/v1/me')).json();
  const vid = (me.medlemskap as Array<{ organisationId: string; organisationNamn: string }>).find(
    (m) => m.organisationNamn === NAMN,
  )!.organisationId;
  const url = `/api/v1/verksamheter/${vid}/redovisningar/${ar}`;
  const view = await (await page.request.get(url)).json();
  const headers = { origin: baseURL };
  const saved = await page.request.put(url, { data: andra(view.dokument), headers });
  expect(saved.status(), await saved.text()).toBe(200);
  const sent = await page.request.post(`${url}/inskickning`, { headers });
  expect(sent.status(), await sent.text()).toBe(200);
  await logout(page);
}

async function openReview(page: Page) {
  await login(page, 'lansstyrelse');
  await page.goto(`/redovisning/granskning?ar=${ar}`);
  // The list shows what is needed to approve from it: key figures and the comments on the latest version.
  await expect(page.getByRole('columnheader', { name: 'Sökta årsarbetare' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(NAMN) })).toContainText('2,5');
  await page.getByRole('link', { name: NAMN }).click();
  await expect(page.getByRole('heading', { name: `Granskning: ${NAMN} ${ar}` })).toBeVisible();
}

test('the Länsstyrelse comments on a figure by clicking it, returns, sees the change, approves', async ({
  page,
  baseURL,
}) => {
  await asChef(page, baseURL!, (d) => ({
    personal: { ombud: 2, arsarbetare: 2, kvinnor: 1, man: 1 },
    text: {
      forandringarMalgrupp: 'Fler unga vuxna.',
      forbattringsarbete: 'Nya rutiner för kön.',
      jamstalldhetsanalys: 'Stödet ges på lika villkor.',
    },
    ansokan: {
      ...(d.ansokan as { perKommun?: Array<{ kommunKod: string }> }),
      arsarbetare: 2.5,
      // A verksamhet of several kommuner applies per kommun too; the parts make the whole.
      perKommun: (d.ansokan as { perKommun?: Array<{ kommunKod: string }> }).perKommun?.map((p, i) => ({
        ...p,
        arsarbetare: i === 0 ? 2.5 : 0,
      })),
      kontaktperson: 'Enhetschef innerstaden',
    },
  }));

  await openReview(page);
  // Every section of the report, the ansökan included, and the version as pdf and xlsx.
  for (const rubrik of ['Siffror', 'Orsak till kontakt', 'Kö och väntetid', 'Personal', 'Beskrivningar']) {
    await expect(page.getByRole('heading', { name: rubrik, exact: true, level: 2 })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: `Ansökan om statsbidrag ${ar + 1}` })).toBeVisible();
  await expect(page.getByText('Enhetschef innerstaden')).toBeVisible();
  await expect(page.getByRole('link', { name: 'version 1 som pdf' })).toHaveAttribute(
    'href',
    /dokument\/pdf$/,
  );
  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'version 1 som Excel (xlsx)' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);

  // Clicking the figure picks it for the comment and moves to the text.
  await page.getByRole('button', { name: 'Kommentera Antal ombud: 2' }).click();
  await expect(page.getByLabel('Gäller')).toHaveValue('personal.ombud');
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toBeFocused();
  await page.keyboard.type('Stämmer två ombud med årsarbetarna?');
  await page.getByRole('button', { name: 'Lägg till kommentar' }).click();
  const personal = page.getByRole('region', { name: 'Personal' });
  await expect(personal.getByText('Kommentarer till avsnittet (1)')).toBeVisible();
  await expect(personal.getByText('Stämmer två ombud med årsarbetarna?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kommentera Antal ombud: 2' })).toHaveClass(/kommenterad/);
  // A whole section can be commented on too.
  await page.getByRole('button', { name: 'Kommentera avsnittet Kö och väntetid' }).click();
  await expect(page.getByLabel('Gäller')).toHaveValue('ko');
  await expectAccessible(page);

  await page.getByLabel('Skäl till returen').fill('Se kommentaren om personalen.');
  await page.getByRole('button', { name: 'Returnera för komplettering' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Returnera för komplettering' }).click();
  await expect(page.getByText('Klart.')).toBeVisible();
  await logout(page);

  // The verksamhet sees the comment named as its form labels it, linked to the field it concerns.
  await login(page, 'chef');
  const me = await (await page.request.get('/api/v1/me')).json();
  const vid = (me.medlemskap as Array<{ organisationId: string; organisationNamn: string }>).find(
    (m) => m.organisationNamn === NAMN,
  )!.organisationId;
  await page.request.put('/api/v1/me/organisation', {
    data: { organisationId: vid },
    headers: { origin: baseURL! },
  });
  await page.goto(`/redovisning?ar=${ar}`);
  const kommentar = page.getByRole('link', { name: 'Antal ombud', exact: true });
  await expect(kommentar).toBeVisible();
  await expect(page.getByText('personal.ombud')).toHaveCount(0);
  const mal = (await kommentar.getAttribute('href'))!.slice(1);
  await expect(page.locator(`[id="${mal}"]`)).toBeEditable();
  await logout(page);

  await asChef(page, baseURL!, () => ({ personal: { ombud: 3, arsarbetare: 2, kvinnor: 2, man: 1 } }));

  await openReview(page);
  // The change since the returned version: in a labelled list, and in the report with the old value struck.
  const diff = page.getByRole('table', { name: 'Ändringar mot version 1' });
  await expect(diff.getByRole('row', { name: /Antal ombud\s+2\s+3/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /Ombud, kvinnor\s+1\s+2/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Personal' }).locator('del', { hasText: '2' })).toHaveCount(
    1,
  );
  await expect(page.getByRole('button', { name: 'Kommentera Antal ombud: 3' })).toBeVisible();
  await expectAccessible(page);

  // At 390 px the report reads without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(inner);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Godkänn', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Godkänn' }).click();
  await expect(page.getByText('Godkänd').first()).toBeVisible();
});
