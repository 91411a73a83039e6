/**
 * Workflow state machines as plain transition tables: the table is the rule, readable by people and usable
 * by the UI (which buttons to show) and the server (which updates to refuse). Shared by arende-status,
 * brist-status and redovisning-status.
 */

export type Overgangar<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface Tillstandsmaskin<S extends string> {
  overgangar: Overgangar<S>;
  kanOvergaTill(fran: S, till: S): boolean;
  /** null when the transition is allowed, otherwise why not, in Swedish. */
  assertOvergang(fran: S, till: S): string | null;
  arSlutlage(status: S): boolean;
}

export function skapaTillstandsmaskin<S extends string>(
  overgangar: Overgangar<S>,
  etiketter: Readonly<Record<S, { sv: string }>>,
  /** The thing in definite form, capitalised: 'Ärendet', 'Bristen'. */
  bestamd: string,
): Tillstandsmaskin<S> {
  // Lookups go through this so that a status string from outside the type (old data, a typo) is refused
  // instead of crashing.
  const fran = (s: S): readonly S[] => (Object.hasOwn(overgangar, s) ? overgangar[s] : []);
  const namn = (s: S) => `”${Object.hasOwn(etiketter, s) ? etiketter[s].sv : s}”`;
  const kanOvergaTill = (f: S, t: S) => fran(f).includes(t);
  return {
    overgangar,
    kanOvergaTill,
    arSlutlage: (s) => Object.hasOwn(overgangar, s) && fran(s).length === 0,
    assertOvergang(f, t) {
      if (kanOvergaTill(f, t)) return null;
      if (!Object.hasOwn(overgangar, f)) return `Okänd status ${namn(f)}.`;
      if (f === t) return `${bestamd} har redan status ${namn(f)}.`;
      const tillatna = fran(f);
      if (tillatna.length === 0)
        return `${bestamd} har status ${namn(f)}, som är ett slutläge och inte kan ändras.`;
      return `${bestamd} kan inte gå från ${namn(f)} till ${namn(t)}. Möjligt nästa steg: ${tillatna.map(namn).join(', ')}.`;
    },
  };
}
