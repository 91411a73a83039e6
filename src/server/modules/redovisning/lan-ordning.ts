import { type LanList, type LanSort, LISTSTATUS } from '../../../contracts/redovisning.ts';

type Rad = LanList['rader'][number];

/** What each order compares; null = nothing to compare (no report sent in), always last. */
const VARDE: Record<string, (r: Rad) => string | number | null> = {
  verksamhet: (r) => r.namn,
  status: (r) => LISTSTATUS.indexOf(r.status),
  inskickad: (r) => r.inskickadAt,
  klienter: (r) => r.nyckeltal?.klienter ?? null,
};

const jamfor = (a: string | number, b: string | number) =>
  typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b, 'sv') : a < b ? -1 : a > b ? 1 : 0;

/** The review list in the chosen order: empty values last either way, ties by the verksamhet's name. */
export function ordnaLanRader(rader: readonly Rad[], sort: LanSort): Rad[] {
  const fallande = sort.startsWith('-');
  const varde = VARDE[fallande ? sort.slice(1) : sort]!;
  return [...rader].sort((a, b) => {
    const [x, y] = [varde(a), varde(b)];
    if (x === null || y === null) return x === y ? jamfor(a.namn, b.namn) : x === null ? 1 : -1;
    return (fallande ? -jamfor(x, y) : jamfor(x, y)) || jamfor(a.namn, b.namn);
  });
}
