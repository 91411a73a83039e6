import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// A brist from register to feedback, through the pages: the ombud registers it, the chef lifts it at a
// ledningsgrupp meeting and sends it to Försäkringskassan, the actor (demo user 'aktor') answers in its inbox,
// and the ombud sees the feedback. Every page is checked with axe.

const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

async function chooseInnerstad(page: Page) {
  const org = page.getByLabel('Byt organisation');
  if (await org.isVisible()) {
    const value = await org
      .locator('option', { hasText: 'Personligt ombud Stockholm innerstad' })
      .getAttribute('value');
    if (value && (await org.inputValue()) !== value) await org.selectOption(value);
  }
  // The switch reloads the home page of the active organisation: wait for it before moving on.
  await expect(page.getByRole('main')).toContainText(
    'Personligt ombud Stockholm innerstad – Verksamhetschef',
  );
}

test('ombud registers a brist, the chef lifts and sends it, Försäkringskassan answers, the ombud sees it', async ({
  page,
}) => {
  const titel = `Väntetider på sjukpenningbeslut (${Date.now()})`;
  const svar = 'Försäkringskassan förstärker handläggningen under våren.';

  // 1. The ombud registers the brist.
  await login(page, 'ombud');
  await menu(page).getByRole('link', { name: 'Brister' }).click();
  await expect(page.getByRole('heading', { name: 'Brister', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Verksamhetens brister' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Registrera brist' }).click();
  await expect(page.getByRole('heading', { name: 'Registrera brist', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Rubrik').fill(titel);
  await page
    .getByLabel('Beskrivning')
    .fill('Beslut om sjukpenning dröjer i månader; klienter hänvisas till ekonomiskt bistånd.');
  await page.getByLabel('Nivå').selectOption({ label: 'Central nivå' });
  await page.getByLabel('Ämne').selectOption({ label: 'Långa handläggningstider' });
  await page.getByRole('checkbox', { name: 'Försäkringskassan', exact: true }).check();
  await page.getByLabel('Antal berörda klienter').fill('4');
  await page.getByRole('button', { name: 'Registrera' }).click();
  await expect(page.getByRole('heading', { name: titel, level: 1 })).toBeVisible();
  await expect(page.getByText('Registrerad', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // 2. The chef holds a ledningsgrupp meeting, lifts the brist, and sends it to Försäkringskassan.
  await login(page, 'chef');
  await chooseInnerstad(page);
  await menu(page).getByRole('link', { name: 'Ledningsgrupp' }).click();
  await expect(page.getByRole('heading', { name: /^Ledningsgrupp/, level: 1 })).toBeVisible();
  await expect(page.getByText('Ledningsgruppen uppfyller inte förordningens krav.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Regionens primärvård saknas/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByRole('heading', { name: /^Ledningsgruppens möte/, level: 1 })).toBeVisible();
  const punkt = page.getByRole('article', { name: titel });
  await expect(punkt).toContainText('Ny sedan förra mötet');
  await expectAccessible(page);
  await punkt
    .getByLabel(`Beslut om ”${titel}”`)
    .fill('Ledningsgruppen lyfter bristen till Försäkringskassan.');
  await punkt.getByRole('button', { name: 'Spara beslut' }).click();
  await expect(punkt.getByText('Beslutet är sparat.')).toBeVisible();
  await expect(punkt).toContainText('Lyft i ledningsgruppen');
  await punkt.getByRole('link', { name: titel }).click();
  await expect(page.getByRole('heading', { name: titel, level: 1 })).toBeVisible();
  await page.getByLabel('Ny status').selectOption({ label: 'Skickad till aktör' });
  await page.getByRole('button', { name: 'Ändra status' }).click();
  await expect(page.getByText('Statusen är ändrad.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Statusändringar' })).toContainText('Skickad till aktör');
  await expectAccessible(page);
  await logout(page);

  // 3. Försäkringskassan answers in its inbox.
  await login(page, 'aktor');
  await menu(page).getByRole('link', { name: 'Inkorg' }).click();
  await expect(page.getByRole('heading', { name: /^Inkorg/, level: 1 })).toBeVisible();
  const item = page.getByRole('region', { name: titel });
  await expect(item).toContainText('Personligt ombud Stockholm innerstad');
  await expect(item).toContainText('Obesvarad');
  await expectAccessible(page);
  await item.getByLabel(`Svar – ${titel}`).selectOption({ label: 'Åtgärd planerad' });
  await item.getByLabel(`Återkoppling – ${titel}`).fill(svar);
  await item.getByRole('button', { name: 'Skicka återkoppling' }).click();
  await expect(item).toContainText('Besvarad');
  await expect(item).toContainText(svar);
  await expectAccessible(page);
  await logout(page);

  // 4. The ombud sees the feedback.
  await login(page, 'ombud');
  await menu(page).getByRole('link', { name: 'Brister' }).click();
  await page.getByRole('link', { name: titel }).click();
  await expect(page.getByRole('heading', { name: titel, level: 1 })).toBeVisible();
  const feedback = page.getByRole('region', { name: 'Återkoppling från aktörer' });
  await expect(feedback).toContainText('Åtgärd planerad');
  await expect(feedback).toContainText(svar);
  await expect(page.getByRole('region', { name: 'Uppgifter' })).toContainText('Återkoppling mottagen');
  await expectAccessible(page);
});
