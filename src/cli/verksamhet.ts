import type { Command } from 'commander';
import { UTFORARE } from '../contracts/orgs.ts';
import { createVerksamhetService, listVerksamheter } from '../server/modules/orgs/service.ts';
import { withCli } from './context.ts';

export function verksamhetCommands(program: Command) {
  const v = program.command('verksamhet').description('PO-verksamheter');
  v.command('create')
    .description('Registrera en PO-verksamhet')
    .requiredOption('--kod <kod>', 'kort kod, t.ex. po-uppsala')
    .requiredOption('--namn <namn>', 'verksamhetens namn')
    .requiredOption('--lan <lanKod>', 'länskod, t.ex. 01')
    .requiredOption('--kommuner <koder>', 'kommunkoder, kommaseparerade, t.ex. 0180,0114')
    .option('--stadsdelsomraden <koder>', 'stadsdelsområden (Stockholm), kommaseparerade')
    .option('--utforare <typ>', `utförare: ${UTFORARE.join(', ')}`, 'kommun')
    .option('--fran-ar <ar>', 'giltig från år')
    .action((o) =>
      withCli(async ({ ctx }) => {
        const created = await createVerksamhetService(ctx, {
          kod: o.kod,
          namn: o.namn,
          lanKod: o.lan,
          kommunKoder: String(o.kommuner)
            .split(',')
            .map((s: string) => s.trim()),
          ...(o.stadsdelsomraden
            ? {
                stadsdelsomraden: String(o.stadsdelsomraden)
                  .split(',')
                  .map((s: string) => s.trim()),
              }
            : {}),
          utforare: o.utforare,
          ...(o.franAr ? { giltigFranAr: Number(o.franAr) } : {}),
        });
        console.log(
          `Verksamheten ${created.namn} (${created.kod}) är registrerad: ${created.omraden.map((x) => x.stadsdelsomradeNamn ?? x.kommunNamn).join(', ')}.`,
        );
      }),
    );
  v.command('list')
    .description('Lista verksamheter')
    .option('--lan <lanKod>')
    .action((o) =>
      withCli(async ({ ctx }) => {
        for (const x of await listVerksamheter(ctx, o.lan ? { lanKod: o.lan } : {})) {
          console.log(`${x.kod}\t${x.lanKod}\t${x.utforare}\t${x.namn}`);
        }
      }),
    );
}
