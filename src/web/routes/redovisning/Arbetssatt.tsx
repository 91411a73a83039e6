import { Fragment } from 'react';
import { labelOf } from '../../../contracts/messages/labels.ts';
import type { ArbetssattV1, RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import {
  AKTIVITET_TEXT_MAX,
  ARBETSSATT_AKTIVITETER,
  ARBETSSATT_FRAGOR,
  type Arbetssatt,
  type ArbetssattAktivitet,
  type ArbetssattFraga,
} from '../../../domain/redovisning/arbetssatt.ts';
import { TextArea } from '../../components/Field.tsx';
import { type NumberChange, NumberInput } from '../../components/NumberInput.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { cellId, Figur, type Granskningsmarkering, visa } from './common.tsx';

const svarNyckel = (s: boolean | null | undefined) =>
  s === true ? 'red.yes' : s === false ? 'red.no' : 'red.arbetssatt.obesvarad';

/**
 * The section "Verksamhetens arbetssätt" of the verksamhet's form (src/domain/redovisning/arbetssatt.ts):
 * five yes/no questions as radio groups (unanswered until chosen), and four activities with a count
 * (typed the Swedish way) and a short text. Labels from the shared label table, so the "Att rätta" list
 * and the server's errors name the fields as here; last year's answer is the hint.
 */
export function ArbetssattFormular({
  a,
  fore,
  ar,
  fel,
  onChange,
  onOgiltig,
}: {
  a: Arbetssatt;
  fore: Partial<RedovisningV1> | undefined;
  ar: number;
  fel: Record<string, string>;
  onChange: (a: Arbetssatt) => void;
  /** A count whose text is not a number: the form keeps it from being saved. */
  onOgiltig: (path: string, ogiltig: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const L = (p: string) => labelOf(p, lang);
  const f = fore?.arbetssatt as ArbetssattV1 | undefined;
  const setFraga = (k: ArbetssattFraga, v: boolean) => onChange({ ...a, [k]: v });
  const setAktivitet = (k: ArbetssattAktivitet, patch: Partial<Arbetssatt[ArbetssattAktivitet]>) =>
    onChange({ ...a, [k]: { ...a[k], ...patch } });
  return (
    <section className="card" aria-labelledby="arbetssatt">
      <h2 id="arbetssatt">{L('arbetssatt')}</h2>
      <p className="hint">{t('red.arbetssatt.intro')}</p>
      {ARBETSSATT_FRAGOR.map((k) => {
        const path = `arbetssatt.${k}`;
        const hintId = `${cellId(path)}-hint`;
        const msg = fel[path];
        return (
          <fieldset
            key={k}
            className="field arbetssatt-fraga"
            aria-describedby={[hintId, msg ? `${cellId(path)}-error` : ''].filter(Boolean).join(' ')}
          >
            <legend>{L(path)}</legend>
            <p id={hintId} className="hint">
              {t(`red.arbetssatt.${k}.fraga`)}
              {f ? ` ${t('red.arbetssatt.forraAret', { ar: ar - 1, varde: t(svarNyckel(f[k])) })}` : ''}
            </p>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem' }}>
              {([true, false] as const).map((v) => (
                <label key={String(v)} style={{ fontWeight: 'normal', padding: '0.25rem 0' }}>
                  <input
                    type="radio"
                    id={v ? cellId(path) : undefined}
                    name={path}
                    checked={a[k] === v}
                    onChange={() => setFraga(k, v)}
                  />{' '}
                  {t(v ? 'red.yes' : 'red.no')}
                </label>
              ))}
            </div>
            {msg ? (
              <p id={`${cellId(path)}-error`} className="field-error">
                {msg}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <h3>{t('red.arbetssatt.aktiviteter')}</h3>
      <p className="hint">{t('red.arbetssatt.aktiviteter.hint')}</p>
      {ARBETSSATT_AKTIVITETER.map((k) => {
        const path = `arbetssatt.${k}`;
        return (
          <fieldset key={k} className="field arbetssatt-aktivitet">
            <legend>{L(path)}</legend>
            <p className="hint">{t(`red.arbetssatt.${k}.fraga`)}</p>
            <NumberInput
              id={cellId(`${path}.antal`)}
              label={t('red.arbetssatt.antal')}
              value={a[k].antal}
              decimals={0}
              notANumber={t('red.cell.notANumber')}
              error={fel[`${path}.antal`]}
              hint={
                f?.[k] ? t('red.arbetssatt.forraAret', { ar: ar - 1, varde: visa(f[k].antal) }) : undefined
              }
              onChange={(c: NumberChange) => {
                onOgiltig(`${path}.antal`, c.invalid);
                setAktivitet(k, { antal: c.invalid ? Number.NaN : (c.value ?? 0) });
              }}
            />
            <TextArea
              id={cellId(`${path}.text`)}
              label={t('red.arbetssatt.text')}
              rows={2}
              maxLength={AKTIVITET_TEXT_MAX}
              value={a[k].text}
              error={fel[`${path}.text`]}
              hint={t('red.arbetssatt.text.hint')}
              onChange={(text) => setAktivitet(k, { text })}
            />
          </fieldset>
        );
      })}
    </section>
  );
}

/**
 * The section read-only: on the locked form, and in the review (`m`: each answer and count a button that
 * picks it for a comment). A report from before the section existed says so.
 */
export function ArbetssattVisning({
  a,
  fore,
  ar,
  m,
  rubrik = true,
}: {
  a: ArbetssattV1 | undefined;
  fore: Partial<RedovisningV1> | undefined;
  ar: number;
  m?: Granskningsmarkering | undefined;
  /** The section's own heading (the review's section has its own). */
  rubrik?: boolean;
}) {
  const { t, lang } = useI18n();
  const L = (p: string) => labelOf(p, lang);
  const f = fore?.arbetssatt as ArbetssattV1 | undefined;
  const innehall = !a ? (
    <p>{t('red.arbetssatt.saknas')}</p>
  ) : (
    <>
      <dl className="facts">
        {ARBETSSATT_FRAGOR.map((k) => {
          const path = `arbetssatt.${k}`;
          const svar = t(svarNyckel(a[k]));
          return (
            <Fragment key={k}>
              <dt>{L(path)}</dt>
              <dd>
                {m ? <Figur path={path} label={L(path)} varde={svar} m={m} /> : svar}{' '}
                {f ? (
                  <span className="muted">
                    ({ar - 1}: {t(svarNyckel(f[k]))})
                  </span>
                ) : null}
              </dd>
            </Fragment>
          );
        })}
      </dl>
      <h3>{t('red.arbetssatt.aktiviteter')}</h3>
      <dl className="facts">
        {ARBETSSATT_AKTIVITETER.map((k) => {
          const path = `arbetssatt.${k}`;
          const x = a[k];
          return (
            <Fragment key={k}>
              <dt>{L(path)}</dt>
              <dd>
                {m ? (
                  <Figur path={`${path}.antal`} label={L(`${path}.antal`)} varde={x?.antal} m={m} />
                ) : (
                  visa(x?.antal)
                )}{' '}
                {t('red.arbetssatt.tillfallen')}{' '}
                {f?.[k] ? (
                  <span className="muted">
                    ({ar - 1}: {visa(f[k].antal)})
                  </span>
                ) : null}
                {x?.text?.trim() ? <p className="prewrap">{x.text}</p> : null}
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </>
  );
  return rubrik ? (
    <section className="card" aria-labelledby="arbetssatt">
      <h2 id="arbetssatt">{L('arbetssatt')}</h2>
      {innehall}
    </section>
  ) : (
    innehall
  );
}
