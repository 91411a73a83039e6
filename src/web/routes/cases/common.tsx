import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { AVSLUT_ORSAK_ETIKETT, type AvslutOrsak } from '../../../contracts/cases.ts';
import type { VerksamhetItem } from '../../../contracts/orgs.ts';
import {
  ARENDE_STATUS_ETIKETT,
  type ArendeStatus,
  BARN_UNDER_18_ETIKETT,
  type BarnUnder18,
  type Etiketter,
  etikett,
  FORFRAGAN_FRAN_ETIKETT,
  type ForfraganFran,
  KON_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  type Kon,
  type Kontaktorsak,
  PRIORITETSGRUND_ETIKETT,
  type Prioritetsgrund,
} from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

/** The active organisation when it is a PO-verksamhet where the user is ombud or chef. */
export function useVerksamhet() {
  const { active, hasRole } = useSession();
  const id =
    active?.organisationTyp === 'verksamhet' && hasRole('ombud', 'chef') ? active.organisationId : undefined;
  return { id, namn: active?.organisationNamn, arChef: hasRole('chef') };
}

export const base = (verksamhetId: string) => `/verksamheter/${verksamhetId}`;

/** A label function for one of the code lists, in the current language. */
export function useEtikett() {
  const { lang } = useI18n();
  return {
    kon: (k: Kon) => etikett(KON_ETIKETT, k, lang),
    barn: (b: BarnUnder18) => etikett(BARN_UNDER_18_ETIKETT, b, lang),
    status: (s: ArendeStatus) => etikett(ARENDE_STATUS_ETIKETT, s, lang),
    fran: (f: ForfraganFran) => etikett(FORFRAGAN_FRAN_ETIKETT, f, lang),
    orsak: (k: Kontaktorsak) => etikett(KONTAKTORSAK_ETIKETT, k, lang),
    prioritet: (p: Prioritetsgrund) => etikett(PRIORITETSGRUND_ETIKETT, p, lang),
    avslut: (a: AvslutOrsak) => etikett(AVSLUT_ORSAK_ETIKETT, a, lang),
  };
}

export function options<K extends string>(lista: readonly K[], etiketter: Etiketter<K>, lang: 'sv' | 'en') {
  return lista.map((k) => ({ value: k, label: etikett(etiketter, k, lang) }));
}

export function StatusBadge({ status }: { status: ArendeStatus }) {
  const e = useEtikett();
  return <span className="badge">{e.status(status)}</span>;
}

export function GallradBadge() {
  const { t } = useI18n();
  return <span className="badge badge-warn">{t('case.gallrad')}</span>;
}

export function useVerksamhetInfo(id: string | undefined) {
  return useQuery({
    queryKey: ['verksamhet', id],
    queryFn: () => api.get<VerksamhetItem>(`/verksamheter/${id}`),
    enabled: Boolean(id),
  });
}

export type OmbudRef = { id: string; username: string; displayName: string };
export function useOmbud(id: string | undefined) {
  return useQuery({
    queryKey: ['ombud', id],
    queryFn: () => api.get<OmbudRef[]>(`${base(id!)}/ombud`),
    enabled: Boolean(id),
  });
}

export type AktorRef = { id: string; kod: string; namn: string; kategori: string; lanKod: string | null };
export function useAktorer() {
  return useQuery({ queryKey: ['aktorer'], queryFn: () => api.get<AktorRef[]>('/aktorer') });
}

/** A group of checkboxes in a fieldset with a legend: several codes from one list. */
export function Kryssrutor({
  legend,
  options: alternativ,
  value,
  onChange,
  hint,
  error,
}: {
  legend: string;
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange: (v: string[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className="field checkboxes"
      aria-describedby={
        [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {alternativ.map((o) => (
        <label key={o.value} className="checkbox" style={{ display: 'block', fontWeight: 'normal' }}>
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))
            }
          />{' '}
          {o.label}
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Today in Sweden, as the date inputs want it. */
export const idag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function TextArea({
  label,
  value,
  onChange,
  error,
  rows = 4,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
