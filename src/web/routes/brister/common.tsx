import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { BristAmneItem } from '../../../contracts/brister.ts';
import { BRIST_STATUS_ETIKETT, type BristStatus } from '../../../domain/brist-status.ts';
import { BRIST_NIVA_ETIKETT, type BristNiva, etikett } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { RequiredMark } from '../../components/Field.tsx';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

/** The active organisation when it is a PO-verksamhet (brister and the ledningsgrupp belong to one). */
export function useVerksamhet() {
  const { active, hasRole } = useSession();
  const id = active?.organisationTyp === 'verksamhet' ? active.organisationId : undefined;
  return { id, namn: active?.organisationNamn, kanSkriva: hasRole('ombud', 'chef'), arChef: hasRole('chef') };
}

export function useNiva() {
  const { lang } = useI18n();
  return (n: BristNiva) => etikett(BRIST_NIVA_ETIKETT, n, lang);
}

export function useStatus() {
  const { lang } = useI18n();
  return (s: BristStatus) => etikett(BRIST_STATUS_ETIKETT, s, lang);
}

export function StatusBadge({ status }: { status: BristStatus }) {
  const label = useStatus();
  return <span className="badge">{label(status)}</span>;
}

export function ForsenadBadge() {
  const { t } = useI18n();
  return <span className="badge badge-warn">{t('brist.forsenad')}</span>;
}

export function useAmnen() {
  return useQuery({ queryKey: ['brist-amnen'], queryFn: () => api.get<BristAmneItem[]>('/brist-amnen') });
}

export type AktorRef = { id: string; kod: string; namn: string; kategori: string; lanKod: string | null };
export function useAktorer() {
  return useQuery({ queryKey: ['aktorer'], queryFn: () => api.get<AktorRef[]>('/aktorer') });
}

/** The taxonomy as a select: groups as optgroups, only choosable subjects as options. */
export function AmneSelect({
  label,
  value,
  onChange,
  amnen,
  allowAll,
  allLabel,
  error,
  required,
  id: givenId,
  onBlur,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  /** The select's id (an error summary links to it); generated when not given. */
  id?: string;
  onBlur?: () => void;
  amnen: BristAmneItem[];
  allowAll?: boolean;
  allLabel: string;
  error?: string | undefined;
  required?: boolean;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const grupper = amnen.filter((a) => a.grupp === null);
  const namn = useAmneNamn();
  const { t } = useI18n();
  return (
    <div className="field">
      <div>
        <label htmlFor={id}>{label}</label>
        {required ? <RequiredMark /> : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        required={required}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{allLabel}</option>
        {grupper.map((g) =>
          g.valbar ? (
            <option key={g.kod} value={g.kod}>
              {namn(g)}
            </option>
          ) : (
            <optgroup key={g.kod} label={namn(g)}>
              {allowAll ? <option value={g.kod}>{t('brist.amne.allaI', { namn: namn(g) })}</option> : null}
              {amnen
                .filter((a) => a.grupp === g.kod)
                .map((a) => (
                  <option key={a.kod} value={a.kod}>
                    {namn(a)}
                  </option>
                ))}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}

export { TextArea } from '../../components/Field.tsx';
