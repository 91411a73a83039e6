import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { type BristDetail, type CreateBrist, createBrist } from '../../../contracts/brister.ts';
import { labelOf } from '../../../contracts/messages/labels.ts';
import type { VerksamhetItem } from '../../../contracts/orgs.ts';
import { BRIST_NIVA } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field, fieldId, RequiredNote, SelectField } from '../../components/Field.tsx';
import { formNumber } from '../../components/form-values.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AktorValjare } from './AktorValjare.tsx';
import { AmneSelect, TextArea, useAmnen, useNiva, useVerksamhet } from './common.tsx';

const idag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function BristForm() {
  const { t, lang } = useI18n();
  const L = (field: string) => labelOf(field, lang);
  const v = useVerksamhet();
  const niva = useNiva();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const amnen = useAmnen();
  const verksamhet = useQuery({
    queryKey: ['verksamhet', v.id],
    queryFn: () => api.get<VerksamhetItem>(`/verksamheter/${v.id}`),
    enabled: Boolean(v.id),
  });
  const [f, setF] = useState({
    titel: '',
    beskrivning: '',
    niva: '',
    amneKod: '',
    observeradDatum: idag(),
    antalKlienter: '',
    aktorIds: [] as string[],
    kommunKoder: [] as string[],
    skickaDirekt: false,
  });
  // The body as it would be sent: an unchosen list is left out, so the contract says "Välj …" for it
  // (never a format rule about a code the person never saw).
  const body = (): Partial<Record<keyof CreateBrist, unknown>> => ({
    titel: f.titel,
    beskrivning: f.beskrivning,
    niva: f.niva || undefined,
    amneKod: f.amneKod || undefined,
    observeradDatum: f.observeradDatum || undefined,
    antalKlienter: formNumber(f.antalKlienter),
    aktorIds: f.aktorIds,
    ...(f.kommunKoder.length ? { kommunKoder: f.kommunKoder } : {}),
    ...(f.skickaDirekt ? { skickaDirekt: true } : {}),
  });
  const form = useFormErrors(createBrist, body);
  const save = useMutation({
    mutationFn: (b: CreateBrist) => api.post<BristDetail>(`/verksamheter/${v.id}/brister`, b),
    onSuccess: async (b) => {
      await qc.invalidateQueries({ queryKey: ['brister'] });
      navigate(`/brister/${b.id}`);
    },
    onError: (err) => form.fromServer(err),
  });
  if (!v.id || !v.kanSkriva)
    return (
      <Page title={t('brist.form.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  if (amnen.isPending || verksamhet.isPending) return <Loading />;
  const kommuner = [
    ...new Map((verksamhet.data?.omraden ?? []).map((o) => [o.kommunKod, o.kommunNamn])).entries(),
  ];
  const toggle = (k: 'kommunKoder', val: string) =>
    setF((x) => ({ ...x, [k]: x[k].includes(val) ? x[k].filter((y) => y !== val) : [...x[k], val] }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const valid = form.check();
    if (valid) save.mutate(valid);
  }
  return (
    <Page title={t('brist.form.title')}>
      <p className="lead">{t('brist.form.guard')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <RequiredNote />
        <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
        <ErrorMessage error={save.error} fieldsShownElsewhere />
        <Field
          id={fieldId('titel')}
          label={L('titel')}
          value={f.titel}
          required
          maxLength={200}
          error={form.error('titel')}
          onBlur={() => form.blur('titel')}
          onChange={(e) => setF({ ...f, titel: e.target.value })}
        />
        <TextArea
          id={fieldId('beskrivning')}
          label={L('beskrivning')}
          value={f.beskrivning}
          required
          rows={6}
          error={form.error('beskrivning')}
          onBlur={() => form.blur('beskrivning')}
          onChange={(val) => setF({ ...f, beskrivning: val })}
        />
        <div className="grid-form">
          <SelectField
            id={fieldId('niva')}
            label={L('niva')}
            value={f.niva}
            required
            error={form.error('niva')}
            onBlur={() => form.blur('niva')}
            onChange={(e) => setF({ ...f, niva: e.target.value })}
            options={[
              { value: '', label: t('brist.form.choose') },
              ...BRIST_NIVA.map((n) => ({ value: n, label: niva(n) })),
            ]}
          />
          <AmneSelect
            id={fieldId('amneKod')}
            label={L('amneKod')}
            value={f.amneKod}
            required
            error={form.error('amneKod')}
            onBlur={() => form.blur('amneKod')}
            onChange={(val) => setF({ ...f, amneKod: val })}
            amnen={amnen.data ?? []}
            allLabel={t('brist.form.choose')}
          />
          <Field
            id={fieldId('observeradDatum')}
            label={L('observeradDatum')}
            type="date"
            value={f.observeradDatum}
            required
            error={form.error('observeradDatum')}
            onBlur={() => form.blur('observeradDatum')}
            onChange={(e) => setF({ ...f, observeradDatum: e.target.value })}
          />
          <Field
            id={fieldId('antalKlienter')}
            label={L('antalKlienter')}
            inputMode="numeric"
            value={f.antalKlienter}
            required
            hint={t('brist.form.antal.hint')}
            error={form.error('antalKlienter')}
            onBlur={() => form.blur('antalKlienter')}
            onChange={(e) => setF({ ...f, antalKlienter: e.target.value })}
          />
        </div>
        <AktorValjare
          id={fieldId('aktorIds')}
          label={L('aktorIds')}
          verksamhetId={v.id}
          value={f.aktorIds}
          error={form.error('aktorIds')}
          onBlur={() => form.blur('aktorIds')}
          onChange={(ids) => setF((x) => ({ ...x, aktorIds: ids }))}
        />
        <fieldset className="field">
          <legend>{L('kommunKoder')}</legend>
          <p className="hint">{t('brist.form.kommuner.hint')}</p>
          {kommuner.map(([kod, namn]) => (
            <label key={kod} className="check">
              <input
                type="checkbox"
                checked={f.kommunKoder.includes(kod)}
                onChange={() => toggle('kommunKoder', kod)}
              />{' '}
              {namn}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              id={fieldId('skickaDirekt')}
              checked={f.skickaDirekt}
              aria-describedby={`${fieldId('skickaDirekt')}-hint`}
              onChange={(e) => setF({ ...f, skickaDirekt: e.target.checked })}
            />{' '}
            {L('skickaDirekt')}
          </label>
          <p id={`${fieldId('skickaDirekt')}-hint`} className="hint">
            {t('brist.form.skickaDirekt.hint')}
          </p>
        </div>
        <button type="submit" disabled={save.isPending}>
          {f.skickaDirekt ? t('brist.form.saveAndSend') : t('brist.form.save')}
        </button>
      </form>
    </Page>
  );
}
