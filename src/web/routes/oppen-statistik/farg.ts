/**
 * The tile map's colour classes: equal steps of a round size (1, 2, 2,5 or 5 × a power of ten) from the
 * smallest value to the largest, at most six, on a light-to-dark blue scale. Darker = more. The text on a
 * tile is dark on the four light colours and white on the two dark ones (contrast ≥ 4.5:1 each).
 */
const PALETT = ['#eaf2fb', '#c6dbf0', '#94bbe0', '#6a9fd0', '#2f6aa6', '#0b3f73'] as const;
const TEXT = ['#1b1f24', '#1b1f24', '#1b1f24', '#1b1f24', '#ffffff', '#ffffff'] as const;
/** A tile without a value (suppressed, or nothing to compute). */
export const INGEN_FARG = { farg: '#f1f2f4', text: '#1b1f24' };

export interface Klass {
  /** Lowest value in the class. */
  fran: number;
  /** Highest value in the class (values come with `upplosning` steps: 1, or 0,1 for one decimal). */
  till: number;
  farg: string;
  text: string;
}

function snyggtSteg(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

const avrunda = (v: number, upplosning: number) =>
  Number((Math.round(v / upplosning) * upplosning).toFixed(Math.max(0, -Math.floor(Math.log10(upplosning)))));

export function klasser(varden: readonly number[], upplosning = 1, onskat = 5): Klass[] {
  if (varden.length === 0) return [];
  const min = Math.min(...varden);
  const max = Math.max(...varden);
  const steg = Math.max(upplosning, snyggtSteg((max - min) / onskat));
  const start = Math.floor(min / steg) * steg;
  const granser: number[] = [];
  for (let i = 0; i === 0 || start + i * steg <= max; i++) granser.push(start + i * steg);
  const k = Math.min(granser.length, PALETT.length);
  // More steps than colours (only when the step had to be the resolution): the last class takes the rest.
  const valda = granser.slice(0, k);
  return valda.map((fran, i) => {
    const idx = k === 1 ? 2 : Math.round((i * (PALETT.length - 1)) / (k - 1));
    const sista = i === k - 1;
    return {
      fran: avrunda(fran, upplosning),
      till: sista ? Math.max(max, avrunda(fran, upplosning)) : avrunda(fran + steg - upplosning, upplosning),
      farg: PALETT[idx]!,
      text: TEXT[idx]!,
    };
  });
}

export function klassFor(v: number, ks: readonly Klass[]): Klass | undefined {
  let vald: Klass | undefined;
  for (const k of ks) if (v >= k.fran) vald = k;
  return vald;
}
