import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATKOMST_NEKAD } from '../../server/platform/refusal.ts';
import { audit } from './audit.ts';

/** Every .ts file of the server but its tests. */
function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return serverFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the audit log in words', () => {
  it('has a Swedish and an English text for every event and object the server writes', () => {
    const source = serverFiles(join(import.meta.dirname, '../../server')).map((f) => readFileSync(f, 'utf8'));
    const found = (re: RegExp) => new Set(source.flatMap((s) => [...s.matchAll(re)].map((m) => m[1]!)));
    // action: 'x', or a choice of two: action: cond ? 'x' : 'y'
    const handelser = new Set(
      source.flatMap((s) =>
        [...s.matchAll(/action: [^'\n,(]*'([a-z_.]+)'(?: : '([a-z_.]+)')?/g)].flatMap((m) =>
          [m[1], m[2]].filter((x): x is string => x !== undefined),
        ),
      ),
    );
    handelser.add(ATKOMST_NEKAD);
    const objekt = found(/resourceType: '([a-z_]+)'/g);
    expect(handelser.size).toBeGreaterThan(50);
    const saknas = [
      ...[...handelser].filter((h) => !audit.sv[`audit.handelse.${h}`] || !audit.en[`audit.handelse.${h}`]),
      ...[...objekt].filter((o) => !audit.sv[`audit.objekt.${o}`] || !audit.en[`audit.objekt.${o}`]),
    ];
    expect(saknas).toEqual([]);
  });
});
