import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Queryable } from '../server/db/client.ts';
import { takeAuditCheckpoint, verifyAuditChain } from '../server/platform/audit.ts';
import { readCheckpoint } from '../server/platform/audit-checkpoint.ts';
import { Invalid } from '../server/platform/errors.ts';
import { getKey } from '../server/platform/keys.ts';
import { withCli } from './context.ts';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Invalid([], code === 'ENOENT' ? `Filen ${file} finns inte.` : `Kan inte läsa filen ${file}.`);
  }
}

/** `ombud audit verify [--checkpoint FILE]`: whether the log holds, and the line to print. */
export async function auditVerify(
  db: Queryable,
  o: { checkpoint?: string | undefined },
): Promise<{ ok: boolean; text: string }> {
  const cp = o.checkpoint ? readCheckpoint(readText(o.checkpoint), getKey('audit')) : undefined;
  const r = await verifyAuditChain(db, cp ? { checkpoint: cp } : {});
  if (r.brokenAt) {
    return {
      ok: false,
      text: `Loggen är bruten vid post ${r.brokenAt.id}: ${r.brokenAt.reason} (${r.count} poster före den stämmer).`,
    };
  }
  if (cp && r.checkpointFailure) {
    return {
      ok: false,
      text: `Loggen stämmer inte med kontrollpunkten från ${cp.at}: ${r.checkpointFailure}.`,
    };
  }
  const whole = `Loggen är hel: ${r.count} poster, senaste hash ${r.headHash}.`;
  return {
    ok: true,
    text: cp ? `${whole} Den når kontrollpunkten från ${cp.at} (${cp.count} poster).` : whole,
  };
}

/** `ombud audit checkpoint [--out FILE]`: the signed checkpoint as JSON, written to FILE (mode 600) if given. */
export async function auditCheckpoint(db: Queryable, o: { out?: string | undefined }): Promise<string> {
  const text = `${JSON.stringify(await takeAuditCheckpoint(db), null, 2)}\n`;
  if (o.out) {
    try {
      writeFileSync(o.out, text, { mode: 0o600 });
      chmodSync(o.out, 0o600); // an existing file keeps its old mode otherwise
    } catch {
      throw new Invalid([], `Kan inte skriva filen ${o.out}.`);
    }
  }
  return text;
}

export function auditCommands(program: Command) {
  const audit = program.command('audit').description('Granskningsloggen');
  audit
    .command('verify')
    .description(
      'Kontrollera loggens hashkedja; avslutar med kod 1 om en post ändrats eller tagits bort, eller om loggen inte längre når kontrollpunkten',
    )
    .option('--checkpoint <fil>', 'en kontrollpunkt från audit checkpoint: loggen måste nå den')
    .action((o: { checkpoint?: string }) =>
      withCli(async ({ ctx }) => {
        const r = await auditVerify(ctx.db, o);
        if (r.ok) console.log(r.text);
        else {
          console.error(r.text);
          process.exitCode = 1;
        }
      }),
    );
  audit
    .command('checkpoint')
    .description(
      'Skriv en signerad kontrollpunkt (antal poster och senaste hash) att spara utanför databasen; används med audit verify --checkpoint',
    )
    .option('--out <fil>', 'fil att skriva till (annars standard ut)')
    .action((o: { out?: string }) =>
      withCli(async ({ ctx }) => {
        const text = await auditCheckpoint(ctx.db, o);
        if (o.out) console.error(`Skrev kontrollpunkten till ${o.out}.`);
        else process.stdout.write(text);
      }),
    );
}
