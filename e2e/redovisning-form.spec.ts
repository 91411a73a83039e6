import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login, logout } from './helpers.ts';

// The redovisning form as the chef types in it: decimals the Swedish way, totals summed from the parts
// while typing, the server's rules shown at the cell at once, a confirmation before submitting, and
// read-only views as text. Year 2026 (the current year in the select), so the submission of the other
// redovisning spec (the year before) is not disturbed. The demo casework is synthetic: figures are read
// from the page, not expected.
const AR = new Date().getFullYear();
const sv = (n: number) => new Intl.NumberFormat('sv-SE').format(n);

async function oppna(page: Page) {
  await login(page, 'chef');
  // The chef leads two verksamheter; this test works in Stockholm innerstad.
  const org = page.getByLabel('Byt organisation');
  const value = await org
    .locator('option', { hasText: 'Personligt ombud Stockholm innerstad' })
    .getAttribute('value');
  if (value && (await org.inputValue()) !== value) await org.selectOption(value);
  await expect(page.getByRole('main')).toContainText('Personligt ombud Stockholm innerstad');
  await page.goto('/redovisning');
  await page.getByLabel('Redovisningsår').selectOption(String(AR));
  await expect(page.getByRole('heading', { name: `Redovisning ${AR}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Personligt ombud Stockholm innerstad' })).toBeVisible();
}

async function verksamhetId(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/v1/me')).json();
  return (me.medlemskap as Array<{ organisationId: string; organisationNamn: string }>).find(
    (m) => m.organisationNamn === 'Personligt ombud Stockholm innerstad',
  )!.organisationId;
}

test('chef types decimals, sees totals and errors at once, and is asked before submitting', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await oppna(page);

  // Decimals: "2," stays while typing, "2,5" stays after, and the saved value is 2.5.
  const arsarbetare = page.getByLabel('Årsarbetare', { exact: true });
  await arsarbetare.fill('');
  await arsarbetare.pressSequentially('2,');
  await expect(arsarbetare).toHaveValue('2,');
  await arsarbetare.pressSequentially('5');
  await expect(arsarbetare).toHaveValue('2,5');
  await page.getByLabel('Antal ombud').fill('4');
  await page.getByLabel('Ombud, kvinnor').fill('3');
  await page.getByLabel('Ombud, män').fill('1');
  const sokta = page.getByLabel('Sökta årsarbetare');
  await sokta.fill('1,75');
  await sokta.blur();
  await expect(sokta).toHaveValue('1,75');
  await expect(arsarbetare).toHaveValue('2,5');
  await expect(arsarbetare).not.toHaveAttribute('aria-invalid', 'true');

  // Text that is not a number is marked at once, with the message tied to the field.
  await arsarbetare.fill('två');
  await expect(arsarbetare).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Årsarbetare ska vara ett tal, t.ex. 2,5.').first()).toBeVisible();
  await expectAccessible(page);
  await arsarbetare.fill('2,5');
  await expect(arsarbetare).not.toHaveAttribute('aria-invalid', 'true');

  // The total is the sum of the parts and follows each keystroke.
  const klienter = page.getByRole('table', { name: `Klienter ${AR} med föregående år` });
  const rad = klienter.getByRole('row', { name: /^Klienter under året/ });
  const kvinnor = rad.getByRole('textbox', { name: `Klienter under året, kvinnor ${AR}` });
  const kvinnorForut = await kvinnor.inputValue();
  const man = Number((await rad.getByRole('textbox', { name: /, män / }).inputValue()).replace(/\s/g, ''));
  const annan = Number(
    (await rad.getByRole('textbox', { name: /, annan / }).inputValue()).replace(/\s/g, ''),
  );
  await kvinnor.fill('60');
  await expect(rad.getByRole('cell').nth(3)).toHaveText(sv(60 + man + annan));
  await kvinnor.fill('61');
  await expect(rad.getByRole('cell').nth(3)).toHaveText(sv(61 + man + annan));

  // A cell breaking a rule is marked at once with its message, and Att rätta lists it from the screen.
  const nya = klienter.getByRole('textbox', { name: `Nya klienter, kvinnor ${AR}` });
  const nyaForut = await nya.inputValue();
  await nya.fill('9999');
  await expect(nya).toHaveAttribute('aria-invalid', 'true');
  await expect(nya).toHaveAccessibleDescription(
    /Nya klienter \(9\s999\) kan inte vara fler än antalet klienter/,
  );
  const attRatta = page.getByRole('region', { name: 'Att rätta innan redovisningen kan skickas in' });
  await expect(attRatta.getByRole('link', { name: 'Nya klienter, kvinnor' })).toBeVisible();
  await expectAccessible(page);
  await nya.fill(nyaForut);
  await expect(nya).not.toHaveAttribute('aria-invalid', 'true');
  await expect(attRatta.getByRole('link', { name: 'Nya klienter, kvinnor' })).toHaveCount(0);

  // The narrative and the application; the clients back as computed, so every check passes.
  await page.getByLabel('Förändringar i målgruppen').fill('Fler unga vuxna i långvarig isolering.');
  await page.getByLabel('Förbättringsarbete').fill('Gemensamt arbete med ekonomiskt bistånd.');
  await page.getByLabel('Jämställdhetsanalys').fill('Stödet ges på lika villkor till kvinnor och män.');
  await page.getByLabel('Sökta årsarbetare').fill('2,5');
  await page.getByLabel('Kontaktperson').fill('Enhetschef socialpsykiatri');
  await kvinnor.fill(kvinnorForut);
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet är sparat.' })).toBeVisible();
  await expect(attRatta).toContainText('Alla kontroller är uppfyllda.');

  // Saved as 2.5, shown again as 2,5 after a reload.
  const vid = await verksamhetId(page);
  const view = await (await page.request.get(`/api/v1/verksamheter/${vid}/redovisningar/${AR}`)).json();
  expect(view.dokument.personal.arsarbetare).toBe(2.5);
  expect(view.dokument.ansokan.arsarbetare).toBe(2.5);
  await page.goto('/redovisning');
  await page.getByLabel('Redovisningsår').selectOption(String(AR));
  await expect(page.getByLabel('Årsarbetare', { exact: true })).toHaveValue('2,5');

  // Submitting asks first, in words; Avbryt changes nothing.
  await page.getByRole('button', { name: 'Skicka in till Länsstyrelsen' }).click();
  const dialog = page.getByRole('dialog', { name: `Skicka in redovisningen för ${AR}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('skickas till Länsstyrelsen i Stockholms län och låses');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  expect(
    (await (await page.request.get(`/api/v1/verksamheter/${vid}/redovisningar/${AR}`)).json()).status,
  ).toBe('utkast');

  await page.getByRole('button', { name: 'Skicka in till Länsstyrelsen' }).click();
  await dialog.getByRole('button', { name: 'Skicka in till Länsstyrelsen' }).click();
  await expect(page.getByText('Redovisningen är inskickad som version 1.')).toBeVisible();

  // Locked: an information box saying by whom, and the figures as text, not inputs.
  const last = page.locator('.alert-info').filter({ hasText: 'Redovisningen är låst.' });
  await expect(last).toContainText('av Carl Chef');
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  await expect(page.getByText('2,5').first()).toBeVisible();
  await expect(page.getByText('behöver fyllas i')).toHaveCount(0);
  await expectAccessible(page);
  await logout(page);

  // The Länsstyrelse reads the submitted report as text.
  await login(page, 'lansstyrelse');
  await page.goto(`/redovisning/granskning/${view.id}`);
  await expect(
    page.getByRole('heading', { name: /Granskning: Personligt ombud Stockholm innerstad/ }),
  ).toBeVisible();
  const siffror = page.getByRole('table', { name: `Klienter ${AR} med föregående år` });
  await expect(siffror).toBeVisible();
  await expect(siffror.getByRole('textbox')).toHaveCount(0);
  await expect(siffror.getByRole('spinbutton')).toHaveCount(0);
  await expectAccessible(page);
  // Approving asks first and says what follows; Avbryt leaves the report submitted.
  await page.getByRole('button', { name: 'Godkänn', exact: true }).click();
  const godkann = page.getByRole('dialog', { name: 'Godkänna redovisningen?' });
  await expect(godkann).toContainText(
    `Version 1 av redovisningen från Personligt ombud Stockholm innerstad för ${AR} godkänns.`,
  );
  await expectAccessible(page);
  await godkann.getByRole('button', { name: 'Avbryt' }).click();
  await expect(godkann).toBeHidden();
  expect((await (await page.request.get(`/api/v1/redovisningar/${view.id}`)).json()).status).toBe(
    'inskickad',
  );
  await logout(page);
});

test('Socialstyrelsen is told the amounts and the year before fixing the grant', async ({ page }) => {
  await login(page, 'socialstyrelsen');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Statsbidrag', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statsbidrag' })).toBeVisible();
  const budget = page.getByLabel('Total budget (kr)');
  await budget.fill('110 000 000');
  await page.getByLabel('Socialstyrelsens egen andel (kr)').fill('2500000');
  await page.getByRole('button', { name: 'Fastställ', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Fastställa statsbidraget för \d{4}\?$/ });
  await expect(dialog).toContainText(`${sv(110_000_000)} kr, varav ${sv(2_500_000)} kr till Socialstyrelsen`);
  await expect(page.getByLabel('Socialstyrelsens egen andel (kr)')).toHaveValue(sv(2_500_000));
  // The preview: the amount per FTE, who is included, and a warning for every verksamhet left out.
  await expect(dialog).toContainText(/Det blir [\d\s]+ kr per årsarbetare/);
  const tackning =
    (await dialog.getByText(/verksamheter har en inskickad eller godkänd ansökan/).textContent()) ?? '';
  const [ingar, av] = (tackning.replace(/\s/g, ' ').match(/^([\d ]+) av ([\d ]+) /) ?? [])
    .slice(1)
    .map((x) => Number(x.replace(/ /g, '')));
  expect(av).toBeGreaterThan(0);
  if ((ingar as number) < (av as number))
    await expect(dialog.getByRole('alert')).toContainText(
      `${sv((av as number) - (ingar as number))} av ${sv(av as number)} verksamheter har ingen`,
    );
  else await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('table', { name: /Verksamheter per län som ingår/ })).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Budgeten och beloppet per årsarbetare är fastställda.')).toHaveCount(0);
  await logout(page);
});
