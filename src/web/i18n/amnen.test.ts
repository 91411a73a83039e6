import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AMNE_EN } from './amnen.ts';

const csv = readFileSync(new URL('../../server/db/reference/brist-amnen.csv', import.meta.url), 'utf8');
const amnen: Array<{ kod: string; namn: string }> = parse(csv, { columns: true, skip_empty_lines: true });

describe('brist subjects in English', () => {
  it('every national subject has an English name, and no name is for a subject that does not exist', () => {
    expect(amnen.length).toBeGreaterThan(30);
    expect(Object.keys(AMNE_EN).sort()).toEqual(amnen.map((a) => a.kod).sort());
  });

  it('no English name is left in Swedish', () => {
    for (const a of amnen) expect(AMNE_EN[a.kod], a.kod).not.toBe(a.namn);
  });
});
