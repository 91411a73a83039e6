import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// The national actor register (issue 15, item 4): the administrator keeps it on its own page (add, change,
// end an actor; add a brist subject), and "a brist from a verksamhet in Skåne reaches Region Skåne's inbox"
// — sent straight from the form, without the ledningsgrupp — while another region's inbox stays empty of it.

const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
const PASSWORD = 'skanska-aktorer-2026';
const stamp = Date.now().toString(36);

/** A call to the API as the signed-in user of the page (the app wants its own Origin on writes). */
async function apiPost(page: Page, url: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(url, { data, headers: { origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

test('the administrator keeps the actor register: find, add, end an actor, add a subject', async ({
  page,
}) => {
  await login(page, 'admin');
  await menu(page).getByRole('link', { name: 'Aktörsregister' }).click();
  await expect(page.getByRole('heading', { name: 'Aktörsregister', level: 1 })).toBeVisible();
  await page.getByLabel('Sök på namn eller kod').fill('Skåne');
  const tabell = page.getByRole('table', { name: 'Aktörer' });
  await expect(tabell.getByRole('rowheader', { name: /Region Skåne/ })).toBeVisible();
  await expectAccessible(page);

  const namn = `Överförmyndarnämnden i Lund ${stamp}`;
  await page.getByRole('button', { name: 'Lägg till aktör' }).click();
  const ny = page.getByRole('region', { name: 'Ny aktör' });
  await ny.getByRole('button', { name: 'Lägg till', exact: true }).click();
  // The error summary: nothing filled in.
  await expect(ny.getByText('Det finns fel i formuläret')).toBeVisible();
  await expectAccessible(page);
  await ny.getByRole('textbox', { name: 'Kod' }).fill(`lund-overformyndare-${stamp}`);
  await ny.getByRole('textbox', { name: 'Namn' }).fill(namn);
  await ny.getByLabel('Kategori').selectOption({ label: 'Överförmyndare' });
  await ny.getByLabel('Län', { exact: true }).selectOption({ label: 'Skåne län' });
  await ny.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Lund' });
  await ny.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.getByText(`${namn} är sparad.`)).toBeVisible();

  await page.getByLabel('Sök på namn eller kod').fill(namn);
  await page.getByRole('button', { name: `Ändra ${namn}` }).click();
  const andra = page.getByRole('region', { name: `Ändra ${namn}` });
  await expect(andra.getByLabel('Kommun', { exact: true })).toHaveValue('1281');
  await andra.getByLabel('Gäller till och med').fill('2026-01-01');
  await andra.getByRole('button', { name: 'Spara ändringen' }).click();
  await expect(page.getByText(`${namn} är sparad.`)).toBeVisible();
  await page.getByLabel('Visa').selectOption({ label: 'Avslutade' });
  await expect(tabell.getByRole('row', { name: new RegExp(namn) })).toContainText('Avslutad');

  const amnen = page.getByRole('region', { name: 'Ämnen för brister' });
  await amnen.getByRole('textbox', { name: 'Kod' }).fill(`remisser-${stamp}`);
  await amnen.getByRole('textbox', { name: 'Namn' }).fill('Remisser mellan primärvård och psykiatri');
  await amnen.getByLabel('Grupp').selectOption({ label: 'Regionens hälso- och sjukvård' });
  await amnen.getByRole('button', { name: 'Lägg till ämne' }).click();
  await expect(page.getByText('Ämnet Remisser mellan primärvård och psykiatri är tillagt.')).toBeVisible();
  await expectAccessible(page);

  // At 390 px the page does not scroll sideways (the table scrolls in its own region).
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByRole('heading', { name: 'Aktörsregister', level: 1 })).toBeVisible();
  const bredd = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(bredd).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});

test('a brist from a verksamhet in Skåne reaches Region Skåne’s inbox, and not Region Stockholm’s', async ({
  page,
}) => {
  // The administrator sets up a verksamhet in Malmö, its ombud, and one user each at Region Skåne and
  // Region Stockholm (the user pages give actor roles through the API).
  await login(page, 'admin');
  const register = (await (await page.request.get('/api/v1/aktorsregister')).json()) as Array<{
    id: string;
    kod: string;
  }>;
  const region = (kod: string) => register.find((a) => a.kod === kod)!.id;
  const v = await apiPost(page, '/api/v1/verksamheter', {
    kod: `MALMO-${stamp}`,
    namn: `Personligt ombud Malmö ${stamp}`,
    lanKod: '12',
    kommunKoder: ['1280'],
  });
  const user = (namn: string, organisationId: string, roll: string) =>
    apiPost(page, '/api/v1/users', {
      username: `${namn}${stamp}`,
      displayName: namn,
      password: PASSWORD,
      medlemskap: [{ organisationId, roll }],
    });
  await user('ombudmalmo', v.id, 'ombud');
  await user('regionskane', region('region-skane'), 'aktor');
  await user('regionsthlm', region('region-stockholm'), 'aktor');
  await logout(page);

  // The ombud in Malmö registers the brist and sends it straight to Region Skåne.
  const titel = `Remisser till psykiatrin fastnar (${stamp})`;
  await login(page, `ombudmalmo${stamp}`, PASSWORD);
  await menu(page).getByRole('link', { name: 'Brister' }).click();
  await page.getByRole('link', { name: 'Registrera brist' }).click();
  await expect(page.getByRole('heading', { name: 'Registrera brist', level: 1 })).toBeVisible();
  const lanGrupp = page.getByRole('group', { name: 'Regionen och länet' });
  await expect(lanGrupp.getByRole('checkbox', { name: 'Region Skåne', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Kommunerna verksamheten täcker' })).toContainText(
    'Socialtjänsten i Malmö',
  );
  await expectAccessible(page);
  await page.getByLabel('Rubrik').fill(titel);
  await page
    .getByLabel('Beskrivning')
    .fill('Remisser från primärvården väntar i månader på en första bedömning.');
  await page.getByLabel('Nivå').selectOption({ label: 'Lokal nivå' });
  await page.getByLabel('Ämne').selectOption({ label: 'Långa väntetider' });
  await lanGrupp.getByRole('checkbox', { name: 'Region Skåne', exact: true }).check();
  await page.getByLabel('Antal berörda klienter').fill('3');
  await page.getByLabel('Skicka direkt till aktörerna').check();
  await page.getByRole('button', { name: 'Registrera och skicka' }).click();
  await expect(page.getByRole('heading', { name: titel, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Uppgifter' })).toContainText('Skickad till aktör');
  await expectAccessible(page);
  await logout(page);

  // Region Skåne sees it in its inbox.
  await login(page, `regionskane${stamp}`, PASSWORD);
  await menu(page).getByRole('link', { name: 'Inkorg' }).click();
  await expect(page.getByRole('heading', { name: /^Inkorg/, level: 1 })).toBeVisible();
  const item = page.getByRole('region', { name: titel });
  await expect(item).toContainText(`Personligt ombud Malmö ${stamp}`);
  await expect(item).toContainText('Obesvarad');
  await expectAccessible(page);
  await logout(page);

  // Region Stockholm does not.
  await login(page, `regionsthlm${stamp}`, PASSWORD);
  await menu(page).getByRole('link', { name: 'Inkorg' }).click();
  await expect(page.getByRole('heading', { name: /^Inkorg/, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: titel })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(titel);
});
