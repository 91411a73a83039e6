import { useSearchParams } from 'react-router';

/**
 * The year a page shows, kept in the address (`?ar=2026`) so a link from the start page opens the right
 * year and a reload or a shared link keeps it. Anything but a plausible year falls back to `standard`.
 */
export function useArIUrl(standard: number): [number, (ar: number) => void] {
  const [params, setParams] = useSearchParams();
  const fran = Number(params.get('ar'));
  const ar = Number.isInteger(fran) && fran >= 2000 && fran <= 2100 ? fran : standard;
  const setAr = (n: number) =>
    setParams(
      (p) => {
        p.set('ar', String(n));
        return p;
      },
      { replace: true },
    );
  return [ar, setAr];
}
