// Personnummer and samordningsnummer (Skatteverket SKV 704). The domain brief ("What a PO is") lets clients
// stay anonymous; when a number is given it must be a real one, and the personal-data guard must find it.
import { describe, expect, it } from 'vitest';
import { helarForTiosiffrigt, luhnKontrollsiffra, tolkaPersonnummer } from './personnummer.ts';

const REF = '2025-06-15';

/** Independent of the module: the check digit is the one that makes the ten digits pass classic Luhn. */
function kontrollsiffraGenomProv(nio: string): number {
  for (let c = 0; c <= 9; c++) {
    const siffror = `${nio}${c}`.split('').reverse().map(Number);
    const summa = siffror.reduce((s, d, i) => {
      if (i % 2 === 0) return s + d;
      const dubbel = d * 2;
      return s + (dubbel > 9 ? dubbel - 9 : dubbel);
    }, 0);
    if (summa % 10 === 0) return c;
  }
  throw new Error('unreachable');
}

/** A valid 12-digit number for a date (day already +60 for a samordningsnummer) and serial. */
function giltigt(yyyymmdd: string, serie: string): string {
  return `${yyyymmdd}-${serie}${kontrollsiffraGenomProv(yyyymmdd.slice(2) + serie)}`;
}

describe('luhnKontrollsiffra', () => {
  it.each([
    ['121212121', 2],
    ['811218987', 6],
    ['640823323', 4],
    ['000000000', 0],
  ])('%s → %i', (nio, siffra) => {
    expect(luhnKontrollsiffra(nio)).toBe(siffra);
    expect(kontrollsiffraGenomProv(nio)).toBe(siffra);
  });

  it('refuses anything but nine digits', () => {
    expect(() => luhnKontrollsiffra('12345678')).toThrow(RangeError);
    expect(() => luhnKontrollsiffra('12345678a')).toThrow(RangeError);
  });
});

describe('tolkaPersonnummer: well-known test numbers', () => {
  it.each([
    ['19121212-1212', '19121212-1212', '1912-12-12'],
    ['191212121212', '19121212-1212', '1912-12-12'],
    ['121212+1212', '19121212-1212', '1912-12-12'],
    ['121212-1212', '20121212-1212', '2012-12-12'],
    ['1212121212', '20121212-1212', '2012-12-12'],
    ['811218-9876', '19811218-9876', '1981-12-18'],
    ['8112189876', '19811218-9876', '1981-12-18'],
    ['  19811218-9876 ', '19811218-9876', '1981-12-18'],
  ])('%s → %s (born %s)', (text, normalized, birthDate) => {
    expect(tolkaPersonnummer(text, REF)).toEqual({
      ok: true,
      normalized,
      birthDate,
      samordningsnummer: false,
    });
  });
});

describe('tolkaPersonnummer: generated valid numbers over many dates', () => {
  const datum = [
    '19000101',
    '19000228',
    '19040229',
    '19230615',
    '19451231',
    '19600101',
    '19691130',
    '19800229',
    '19991231',
    '20000229',
    '20000101',
    '20070123',
    '20101010',
    '20250101',
    '20250615',
  ];
  const serier = ['000', '123', '239', '555', '980'];
  const fall = datum.flatMap((d) => serier.map((s) => [d, s] as const));

  it.each(fall)('%s-%s… is valid in all its forms', (d, serie) => {
    const tolv = giltigt(d, serie);
    const birthDate = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    const vantat = { ok: true, normalized: tolv, birthDate, samordningsnummer: false };
    expect(tolkaPersonnummer(tolv, REF)).toEqual(vantat);
    expect(tolkaPersonnummer(tolv.replace('-', ''), REF)).toEqual(vantat);
    // Ten-digit form: '+' from the year the person turns 100.
    const hundra = Number(REF.slice(0, 4)) - Number(d.slice(0, 4)) >= 100;
    const tio = `${tolv.slice(2, 8)}${hundra ? '+' : '-'}${tolv.slice(9)}`;
    expect(tolkaPersonnummer(tio, REF)).toEqual(vantat);
    if (!hundra) expect(tolkaPersonnummer(tio.replace('-', ''), REF)).toEqual(vantat);
  });

  it.each(fall)('%s-%s… with any other check digit is refused', (d, serie) => {
    const tolv = giltigt(d, serie);
    const ratt = Number(tolv.at(-1));
    const fel = `${tolv.slice(0, -1)}${(ratt + 1) % 10}`;
    const r = tolkaPersonnummer(fel, REF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/Kontrollsiffran/);
  });
});

describe('tolkaPersonnummer: samordningsnummer (day + 60)', () => {
  it.each([
    ['19701063', '1970-10-03'],
    ['19800289', '1980-02-29'],
    ['20011291', '2001-12-31'],
    ['19990161', '1999-01-01'],
  ])('%s… is a samordningsnummer for %s', (d, birthDate) => {
    const tolv = giltigt(d, '239');
    expect(tolkaPersonnummer(tolv, REF)).toEqual({
      ok: true,
      normalized: tolv,
      birthDate,
      samordningsnummer: true,
    });
    expect(tolkaPersonnummer(tolv.slice(2), REF)).toEqual({
      ok: true,
      normalized: tolv,
      birthDate,
      samordningsnummer: true,
    });
  });

  it.each(['19810289', '19700492', '19700160', '19701132'])(
    '%s… is not a real day even as a samordningsnummer',
    (d) => {
      const r = tolkaPersonnummer(giltigt(d, '239'), REF);
      expect(r).toEqual({ ok: false, reason: 'Födelsedatumet i numret finns inte i kalendern.' });
    },
  );
});

describe('tolkaPersonnummer: invalid input', () => {
  it.each([
    ['', /ÅÅMMDD-NNNN/],
    ['19121212-121', /ÅÅMMDD-NNNN/],
    ['19121212-12123', /ÅÅMMDD-NNNN/],
    ['1912121-21212', /ÅÅMMDD-NNNN/],
    ['19121212 1212', /ÅÅMMDD-NNNN/],
    ['AB1212-1212', /ÅÅMMDD-NNNN/],
    ['121212--1212', /ÅÅMMDD-NNNN/],
    ['19121212+1212', /Plustecken/],
    [giltigt('19001301', '123'), /kalendern/],
    [giltigt('19000001', '123'), /kalendern/],
    [giltigt('19000132', '123'), /kalendern/],
    [giltigt('19000431', '123'), /kalendern/],
    [giltigt('19000229', '123'), /kalendern/], // 1900 is not a leap year
    [giltigt('20250229', '123'), /kalendern/],
    [giltigt('19810100', '123'), /kalendern/],
    [giltigt('20250616', '123'), /framtiden/], // the day after REF
    [giltigt('20300101', '123'), /framtiden/],
    [giltigt('17991231', '123'), /orimligt/],
    ['19121212-1213', /Kontrollsiffran/],
    ['811218-9875', /Kontrollsiffran/],
  ])('%j is refused (%s)', (text, orsak) => {
    const r = tolkaPersonnummer(text, REF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(orsak);
  });
});

describe('century of ten-digit numbers (reference year 2025)', () => {
  it.each([
    [25, false, 2025],
    [0, false, 2000],
    [26, false, 1926],
    [99, false, 1999],
    [81, false, 1981],
    [25, true, 1925],
    [26, true, 1826],
    [12, true, 1912],
  ])('YY=%i plus=%s → %i', (yy, plus, ar) => {
    expect(helarForTiosiffrigt(yy, plus, 2025)).toBe(ar);
  });

  it('uses the reference date, so the same ten digits age with time', () => {
    const tio = giltigt('20250101', '123').slice(2);
    expect(tolkaPersonnummer(tio, '2025-06-15')).toMatchObject({ ok: true, birthDate: '2025-01-01' });
    expect(tolkaPersonnummer(tio, '2124-12-31')).toMatchObject({ ok: true, birthDate: '2025-01-01' });
    expect(tolkaPersonnummer(tio, '2125-01-01')).toMatchObject({ ok: true, birthDate: '2125-01-01' });
  });

  it('defaults to today, so a valid old number passes without a reference date', () => {
    expect(tolkaPersonnummer('19121212-1212').ok).toBe(true);
  });
});
