import type { Command } from 'commander';
import { ROLLER } from '../contracts/auth.ts';
import { createUser } from '../contracts/users.ts';
import { LOSENORD_MEDDELANDE, losenordFel } from '../domain/losenord.ts';
import { findOrganisationByKod } from '../server/modules/orgs/repo.ts';
import { findUserByUsername } from '../server/modules/users/repo.ts';
import { createUserService } from '../server/modules/users/service.ts';
import {
  createApiToken,
  linkOidcSubject,
  listApiTokens,
  resetTotp,
  revokeApiToken,
} from '../server/platform/auth/service.ts';
import { Invalid } from '../server/platform/errors.ts';
import { withCli } from './context.ts';

export function authCommands(program: Command) {
  const token = program.command('token').description('API-token för integrationer');
  token
    .command('create')
    .description('Skapa en personlig API-token (visas en gång; skickas som Authorization: Bearer)')
    .requiredOption('--user <username>')
    .option('--namn <namn>', 'vad token används till', 'integration')
    .action((o) =>
      withCli(async ({ ctx }) => {
        const user = await findUserByUsername(ctx.db, o.user);
        if (!user) throw new Error(`Användaren ${o.user} finns inte.`);
        console.log(await createApiToken(ctx.db, user.id, o.namn, ctx.principal.username));
      }),
    );
  token
    .command('list')
    .description('Lista en användares API-token (id, namn, skapad, senast använd, återkallad)')
    .requiredOption('--user <username>')
    .action((o) =>
      withCli(async ({ ctx }) => {
        const user = await findUserByUsername(ctx.db, o.user);
        if (!user) throw new Error(`Användaren ${o.user} finns inte.`);
        for (const t of await listApiTokens(ctx.db, user.id)) {
          const iso = (d: Date | null) => d?.toISOString() ?? '-';
          console.log(`${t.id}\t${t.namn}\t${iso(t.createdAt)}\t${iso(t.lastUsedAt)}\t${iso(t.revokedAt)}`);
        }
      }),
    );
  token
    .command('revoke')
    .description('Återkalla en API-token (gäller omedelbart)')
    .argument('<id>', 'tokens id (från token list)')
    .action((id: string) =>
      withCli(async ({ ctx }) => {
        if (!(await revokeApiToken(ctx.db, id, ctx.principal.username)))
          throw new Error(`Ingen giltig token med id ${id}.`);
        console.log('Token är återkallad.');
      }),
    );

  const user = program.command('user').description('Användare');
  user
    .command('oidc')
    .description(
      'Koppla användaren till sin identitet (subject, claim sub) hos OIDC-leverantören; --remove tar bort kopplingen',
    )
    .requiredOption('--user <username>')
    .option('--subject <sub>', 'ID-tokens sub för användaren')
    .option('--remove', 'ta bort kopplingen (avslutar användarens sessioner)')
    .action((o) =>
      withCli(async ({ ctx }) => {
        const u = await findUserByUsername(ctx.db, o.user);
        if (!u) throw new Error(`Användaren ${o.user} finns inte.`);
        if (!o.remove && !o.subject) throw new Error('Ange --subject eller --remove.');
        await linkOidcSubject(ctx.db, u.id, o.remove ? null : String(o.subject), ctx.principal.username);
        console.log(o.remove ? 'Kopplingen är borttagen.' : `Användaren ${u.username} är kopplad.`);
      }),
    );
  user
    .command('totp-reset')
    .description(
      'Ta bort användarens TOTP (tappad app); avslutar sessionerna. Roller som kräver TOTP registrerar om.',
    )
    .requiredOption('--user <username>')
    .action((o) =>
      withCli(async ({ ctx }) => {
        const u = await findUserByUsername(ctx.db, o.user);
        if (!u) throw new Error(`Användaren ${o.user} finns inte.`);
        await resetTotp(ctx.db, u.id, ctx.principal.username);
        console.log(`TOTP är borttaget för ${u.username}.`);
      }),
    );
  user
    .command('create')
    .description(
      'Skapa en användare: --roll ROLL@TYP:KOD, t.ex. chef@verksamhet:po-uppsala eller lansstyrelse@lansstyrelse:03',
    )
    .requiredOption('--username <u>')
    .requiredOption('--namn <namn>')
    .requiredOption('--password <lösenord>')
    .requiredOption('--roll <roller...>')
    .action((o) =>
      withCli(async ({ ctx }) => {
        // The password first: a refused one is reported before anything is looked up.
        const fel = losenordFel(String(o.password), String(o.username));
        if (fel) throw new Invalid([], `--password: ${LOSENORD_MEDDELANDE[fel]}`);
        const medlemskap = [];
        for (const spec of o.roll as string[]) {
          const m = /^([a-z]+)@([a-z]+):(.+)$/.exec(spec);
          if (!m || !(ROLLER as readonly string[]).includes(m[1]!)) throw new Error(`Ogiltig roll: ${spec}`);
          const org = await findOrganisationByKod(ctx.db, m[2] as 'verksamhet', m[3]!);
          if (!org) throw new Error(`Organisationen ${m[2]}:${m[3]} finns inte.`);
          medlemskap.push({ organisationId: org.id, roll: m[1] as (typeof ROLLER)[number] });
        }
        // The API's contract, so the CLI obeys the same rules (the password rule among them).
        const input = createUser.safeParse({
          username: o.username,
          displayName: o.namn,
          password: o.password,
          medlemskap,
        });
        if (!input.success) {
          const flagga: Record<string, string> = {
            username: '--username',
            displayName: '--namn',
            password: '--password',
          };
          throw new Invalid(
            [],
            input.error.issues
              .map((i) => `${flagga[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`)
              .join(' '),
          );
        }
        const u = await createUserService(ctx, input.data);
        console.log(`Användaren ${u.username} är skapad.`);
      }),
    );
}
