/**
 * Form text to request values. An empty input is "not given" (undefined, so the contract says "… måste
 * fyllas i"); a number may be written the Swedish way ("2,5", "1 234"); text that is no number is passed
 * on as text so the contract says it must be a number instead of calling it missing.
 */
export function formNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : t;
}
