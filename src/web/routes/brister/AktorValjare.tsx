import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BristAktorVal } from '../../../contracts/aktorer.ts';
import { api } from '../../api.ts';
import { RequiredMark } from '../../components/Field.tsx';
import { Loading } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** The actors a verksamhet may send a new brist to (in force today), its own region and kommuner first. */
export function useBristAktorer(verksamhetId: string | undefined) {
  return useQuery({
    queryKey: ['brist-aktorer', verksamhetId],
    queryFn: () => api.get<BristAktorVal[]>(`/verksamheter/${verksamhetId}/brist-aktorer`),
    enabled: Boolean(verksamhetId),
  });
}

const NARA = ['lan', 'kommun', 'nationell'] as const;
const KRYMP = { minWidth: 0 } as const;

/**
 * The actors of a brist, chosen from the national register: checkboxes for the verksamhet's own region and
 * län, its kommuner and the national agencies; any other actor of the register (another region, another
 * kommun's socialtjänst …) from a list grouped by län, then shown as a checkbox too.
 */
export function AktorValjare({
  id,
  label,
  verksamhetId,
  value,
  onChange,
  onBlur,
  error,
}: {
  /** The first checkbox's id: where the error summary's link lands. */
  id: string;
  label: string;
  verksamhetId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  onBlur?: () => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const aktorer = useBristAktorer(verksamhetId);
  const lan = useQuery({
    queryKey: ['lan'],
    queryFn: () => api.get<Array<{ kod: string; namn: string }>>('/lan'),
  });
  const [annan, setAnnan] = useState('');
  if (aktorer.isPending || lan.isPending) return <Loading />;
  const alla = aktorer.data ?? [];
  const toggle = (aktorId: string) =>
    onChange(value.includes(aktorId) ? value.filter((x) => x !== aktorId) : [...value, aktorId]);
  const ovriga = alla.filter((a) => a.grupp === 'ovrig');
  const valdaOvriga = ovriga.filter((a) => value.includes(a.id));
  const grupper = [
    ...NARA.map((g) => ({ g, label: t(`brist.aktorval.${g}`), rader: alla.filter((a) => a.grupp === g) })),
    { g: 'vald', label: t('brist.aktorval.valda'), rader: valdaOvriga },
  ].filter((x) => x.rader.length > 0);
  const errorId = `${id}-error`;
  let forsta = true;
  const lanNamn = new Map((lan.data ?? []).map((l) => [l.kod, l.namn]));
  const perLan = [...new Set(ovriga.map((a) => a.lanKod ?? ''))].sort();
  return (
    // min-width 0: a fieldset is at least as wide as its widest content (a long name in the list of other
    // actors), which would widen the page on a phone.
    <fieldset className="field" style={KRYMP} aria-describedby={error ? errorId : undefined}>
      <legend>
        {label}
        <RequiredMark />
      </legend>
      <p className="hint">{t('brist.aktorval.hint')}</p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {grupper.map(({ g, label: gruppLabel, rader }) => (
        <fieldset key={g} className="field" style={KRYMP}>
          <legend>{gruppLabel}</legend>
          {rader.map((a) => {
            const first = forsta;
            forsta = false;
            return (
              <label key={a.id} className="check">
                <input
                  type="checkbox"
                  id={first ? id : undefined}
                  checked={value.includes(a.id)}
                  aria-invalid={error ? true : undefined}
                  onChange={() => toggle(a.id)}
                  onBlur={onBlur}
                />{' '}
                {a.namn}
              </label>
            );
          })}
        </fieldset>
      ))}
      <div className="inline-form">
        <div className="field" style={KRYMP}>
          <label htmlFor={`${id}-annan`}>{t('brist.aktorval.annan')}</label>
          <select
            id={`${id}-annan`}
            style={{ maxWidth: '100%' }}
            value={annan}
            onChange={(e) => setAnnan(e.target.value)}
          >
            <option value="">{t('brist.form.choose')}</option>
            {perLan.map((l) => (
              <optgroup key={l} label={l ? (lanNamn.get(l) ?? l) : t('brist.aktorval.nationell')}>
                {ovriga
                  .filter((a) => (a.lanKod ?? '') === l && !value.includes(a.id))
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.namn}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary"
          disabled={!annan}
          onClick={() => {
            if (annan && !value.includes(annan)) onChange([...value, annan]);
            setAnnan('');
          }}
        >
          {t('brist.aktorval.laggTill')}
        </button>
      </div>
    </fieldset>
  );
}
