// Writes src/domain/vanliga-losenord.ts from src/domain/vanliga-losenord.txt:
// `npx tsx scripts/generate-losenordslista.ts`. A test (src/contracts/users.test.ts) fails when they differ.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tolkaLosenordslista } from '../src/domain/losenord.ts';

const SRC = 'src/domain/vanliga-losenord.txt';
const OUT = 'src/domain/vanliga-losenord.ts';

const lista = tolkaLosenordslista(readFileSync(SRC, 'utf8'));
const quote = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
writeFileSync(
  OUT,
  `// Generated from vanliga-losenord.txt by scripts/generate-losenordslista.ts: do not edit by hand.
// The source and why only passwords of 12 characters or more are here: the text file's header.
export const VANLIGA_LOSENORD: readonly string[] = [
${lista.map((s) => `  ${quote(s)},`).join('\n')}
];
`,
);
execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'inherit' });
console.log(`${OUT}: ${lista.length} lösenord`);
