/**
 * Swedish personnummer and samordningsnummer (Skatteverket, SKV 704): a birth date, three serial digits and
 * a Luhn check digit computed over the ten-digit form. A samordningsnummer is the same with 60 added to the
 * day. Ten-digit forms carry no century: '-' means the person turns under 100 this year, '+' 100 or more.
 *
 * Clients may stay anonymous (domain brief "What a PO is"), so a personnummer is never required; this
 * module only checks one when it is given, and feeds the personal-data guard (personuppgiftsskydd.ts).
 */
import { arGiltigtDatum, idagISverige, isoDatum } from './datum.ts';

export type PersonnummerResultat =
  | { ok: true; normalized: string; birthDate: string; samordningsnummer: boolean }
  | { ok: false; reason: string };

/** Accepted shapes: YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN. */
const FORM = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+])?(\d{4})$/;
const SAMORDNING_TILLAGG = 60;

/** The Luhn digit for nine digits (YYMMDDNNN): weights 2,1,2,1,…; two-digit products add their digits. */
export function luhnKontrollsiffra(nioSiffror: string): number {
  if (!/^\d{9}$/.test(nioSiffror)) throw new RangeError('Luhn-kontrollen behöver exakt nio siffror.');
  let summa = 0;
  for (let i = 0; i < 9; i++) {
    const produkt = Number(nioSiffror[i]) * (i % 2 === 0 ? 2 : 1);
    summa += produkt > 9 ? produkt - 9 : produkt;
  }
  return (10 - (summa % 10)) % 10;
}

/**
 * Is MM and DD (DD possibly +60) a real day in some year ending in `yy`, or in `ar` when the century is
 * known? Without a century, 29 February counts when YY is divisible by four: 20YY is then a leap year.
 */
export function arGiltigDatumdel(
  ar: { helt: number } | { yy: number },
  manad: number,
  dagRa: number,
): { giltig: boolean; samordningsnummer: boolean } {
  const samordningsnummer = dagRa > SAMORDNING_TILLAGG;
  const dag = samordningsnummer ? dagRa - SAMORDNING_TILLAGG : dagRa;
  const helt = 'helt' in ar ? ar.helt : 2000 + ar.yy;
  return { giltig: arGiltigtDatum(helt, manad, dag), samordningsnummer };
}

/** The century a ten-digit number belongs to, on the reference date (Skatteverket's '-'/'+' rule). */
export function helarForTiosiffrigt(yy: number, plus: boolean, referensAr: number): number {
  const senaste = referensAr - ((((referensAr - yy) % 100) + 100) % 100);
  return plus ? senaste - 100 : senaste;
}

export function tolkaPersonnummer(
  text: string,
  referensdatum: string = idagISverige(),
): PersonnummerResultat {
  const m = FORM.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      reason: 'Skriv numret som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN (bindestrecket får utelämnas).',
    };
  }
  const [, sekel, yyText, mmText, ddText, tecken, nnnn] = m as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  if (sekel !== undefined && tecken === '+') {
    return { ok: false, reason: 'Plustecken används bara i den tiosiffriga formen (ÅÅMMDD+NNNN).' };
  }
  const yy = Number(yyText);
  const ar =
    sekel !== undefined
      ? Number(sekel + yyText)
      : helarForTiosiffrigt(yy, tecken === '+', Number(referensdatum.slice(0, 4)));
  const manad = Number(mmText);
  const dagRa = Number(ddText);
  const { giltig, samordningsnummer } = arGiltigDatumdel({ helt: ar }, manad, dagRa);
  if (!giltig) return { ok: false, reason: 'Födelsedatumet i numret finns inte i kalendern.' };

  const birthDate = isoDatum(ar, manad, samordningsnummer ? dagRa - SAMORDNING_TILLAGG : dagRa);
  if (birthDate > referensdatum) return { ok: false, reason: 'Födelsedatumet ligger i framtiden.' };
  if (ar < 1800) return { ok: false, reason: 'Födelseåret är orimligt.' };

  if (luhnKontrollsiffra(`${yyText}${mmText}${ddText}${nnnn.slice(0, 3)}`) !== Number(nnnn[3])) {
    return { ok: false, reason: 'Kontrollsiffran stämmer inte – kontrollera att numret är rätt skrivet.' };
  }
  return {
    ok: true,
    normalized: `${ar}${mmText}${ddText}-${nnnn}`,
    birthDate,
    samordningsnummer,
  };
}

export function arGiltigtPersonnummer(text: string, referensdatum?: string): boolean {
  return tolkaPersonnummer(text, referensdatum).ok;
}
