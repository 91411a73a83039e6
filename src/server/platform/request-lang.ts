import type { Lang } from '../../contracts/messages/error-map.ts';

/**
 * The language a caller asked for with Accept-Language, between the two Ombud speaks: Swedish unless
 * English is preferred over Swedish ("en", "en-GB,en;q=0.9", "en;q=0.8,sv;q=0.5"). The web app sends its
 * chosen language; the CLI and scripts that send nothing get Swedish.
 */
export function requestLang(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'sv';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of value.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang =
      tag === 'sv' || tag.startsWith('sv-') ? 'sv' : tag === 'en' || tag.startsWith('en-') ? 'en' : null;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    // Equal weights: the first listed wins, as the caller wrote them in order of preference.
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? 'sv';
}
