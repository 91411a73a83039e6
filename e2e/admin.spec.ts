import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The user administration's "Hantera" panel: what the `ombud` command does for a user's login (it cannot
// while the server holds the embedded database), for an administrator; irreversible steps are confirmed
// in a dialog that works from the keyboard. API-token revocation is covered by the API tests: a token can
// only be created with the CLI, i.e. not while this server runs.

test('an admin links and unlinks OIDC and resets two-step verification, each confirmed and audited', async ({
  page,
}) => {
  const name = `e2e-hantera-${Date.now()}`;
  await login(page, 'admin');
  await page.getByRole('link', { name: 'Användare' }).click();
  await page.getByLabel('Användarnamn').fill(name);
  // The panel names the person by name; the username is only the login.
  const namn = 'Hanna Hantera';
  await page.getByLabel('Namn', { exact: true }).fill(namn);
  await page.getByRole('button', { name: 'Skapa' }).click();
  await expect(page.getByRole('status')).toContainText(name);

  const open = page.getByRole('button', { name: `Hantera ${name}` });
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`#${await open.getAttribute('aria-controls')}`);
  await expect(panel.getByRole('heading', { name: `Hantera ${namn}` })).toBeVisible();
  await expect(panel.getByText('Användaren har inga API-token.')).toBeVisible();
  await expect(panel.getByText('Inte kopplad.')).toBeVisible();
  await expectAccessible(page);

  // OIDC: link (no confirmation needed), then unlink — Escape cancels, the confirm button confirms.
  const subject = `sub-${name}`;
  await panel.getByLabel('Identitet hos leverantören (claim sub)').fill(subject);
  await panel.getByRole('button', { name: 'Koppla' }).click();
  await expect(panel.getByRole('status')).toHaveText(`${namn} är kopplad.`);
  await expect(panel.getByText(subject)).toBeVisible();

  const unlink = panel.getByRole('button', { name: 'Ta bort kopplingen' });
  await unlink.click();
  const dialog = page.getByRole('dialog', { name: `Ta bort OIDC-kopplingen för ${namn}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(unlink).toBeFocused();
  await expect(panel.getByText(subject)).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Ta bort kopplingen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toHaveText(`Kopplingen är borttagen för ${namn}.`);
  await expect(panel.getByText('Inte kopplad.')).toBeVisible();

  // Two-step verification: confirmed with the dialog's button.
  await panel.getByRole('button', { name: 'Återställ tvåstegsverifiering' }).click();
  const totp = page.getByRole('dialog', { name: `Återställ tvåstegsverifiering för ${namn}?` });
  await expect(totp).toContainText('Det går inte att ångra.');
  await totp.getByRole('button', { name: 'Återställ tvåstegsverifiering' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Tvåstegsverifieringen är återställd för ${namn}.`);
  await expectAccessible(page);

  // The admin's own row: no reset of one's own second factor.
  const own = page.getByRole('button', { name: 'Hantera admin' });
  await own.click();
  const ownPanel = page.locator(`#${await own.getAttribute('aria-controls')}`);
  await expect(
    ownPanel.getByText('Din egen tvåstegsverifiering återställs av en annan administratör.'),
  ).toBeVisible();
  await expect(ownPanel.getByRole('button', { name: 'Återställ tvåstegsverifiering' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Logg' }).click();
  for (const handelse of [
    'E-legitimation kopplad',
    'E-legitimation bortkopplad',
    'Tvåstegsverifiering nollställd',
  ])
    await expect(page.getByRole('cell', { name: handelse, exact: true }).first()).toBeVisible();

  await page.getByLabel('Språk').selectOption('en');
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: `Manage ${name}` }).click();
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Language').selectOption('sv');
});

test('a chef manages account and roles of their own users, but not how they log in', async ({ page }) => {
  await login(page, 'chef');
  await page.getByRole('link', { name: 'Användare' }).click();
  const open = page.getByRole('button', { name: 'Hantera ombud' });
  await open.click();
  const panel = page.locator(`#${await open.getAttribute('aria-controls')}`);
  await expect(panel.getByLabel('Nytt lösenord (minst 12 tecken)')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Lägg till roll' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'API-token' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Tvåstegsverifiering' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'OIDC-koppling (e-legitimation)' })).toHaveCount(0);
  await expectAccessible(page);
});
