import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BristDetail, CreateBrist } from '../../../contracts/brister.ts';
import type { VerksamhetItem } from '../../../contracts/orgs.ts';
import { BRIST_NIVA } from '../../../domain/codes.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AmneSelect, TextArea, useAktorer, useAmnen, useNiva, useVerksamhet } from './common.tsx';

const idag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function BristForm() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const niva = useNiva();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const amnen = useAmnen();
  const aktorer = useAktorer();
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
  });
  const save = useMutation({
    mutationFn: () => {
      const body: CreateBrist = {
        titel: f.titel,
        beskrivning: f.beskrivning,
        niva: f.niva as CreateBrist['niva'],
        amneKod: f.amneKod,
        observeradDatum: f.observeradDatum,
        antalKlienter: f.antalKlienter === '' ? Number.NaN : Number(f.antalKlienter),
        aktorIds: f.aktorIds,
        ...(f.kommunKoder.length ? { kommunKoder: f.kommunKoder } : {}),
      };
      return api.post<BristDetail>(`/verksamheter/${v.id}/brister`, body);
    },
    onSuccess: async (b) => {
      await qc.invalidateQueries({ queryKey: ['brister'] });
      navigate(`/brister/${b.id}`);
    },
  });
  if (!v.id || !v.kanSkriva)
    return (
      <Page title={t('brist.form.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  if (amnen.isPending || aktorer.isPending || verksamhet.isPending) return <Loading />;
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const kommuner = [
    ...new Map((verksamhet.data?.omraden ?? []).map((o) => [o.kommunKod, o.kommunNamn])).entries(),
  ];
  const toggle = (k: 'aktorIds' | 'kommunKoder', val: string) =>
    setF((x) => ({ ...x, [k]: x[k].includes(val) ? x[k].filter((y) => y !== val) : [...x[k], val] }));
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <Page title={t('brist.form.title')}>
      <p className="lead">{t('brist.form.guard')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} />
        <Field
          label={t('brist.form.titel')}
          value={f.titel}
          required
          maxLength={200}
          error={fe.titel}
          onChange={(e) => setF({ ...f, titel: e.target.value })}
        />
        <TextArea
          label={t('brist.form.beskrivning')}
          value={f.beskrivning}
          required
          rows={6}
          error={fe.beskrivning}
          onChange={(val) => setF({ ...f, beskrivning: val })}
        />
        <div className="grid-form">
          <SelectField
            label={t('brist.form.niva')}
            value={f.niva}
            required
            error={fe.niva}
            onChange={(e) => setF({ ...f, niva: e.target.value })}
            options={[
              { value: '', label: t('brist.form.choose') },
              ...BRIST_NIVA.map((n) => ({ value: n, label: niva(n) })),
            ]}
          />
          <AmneSelect
            label={t('brist.form.amne')}
            value={f.amneKod}
            required
            error={fe.amneKod}
            onChange={(val) => setF({ ...f, amneKod: val })}
            amnen={amnen.data ?? []}
            allLabel={t('brist.form.choose')}
          />
          <Field
            label={t('brist.form.datum')}
            type="date"
            value={f.observeradDatum}
            required
            error={fe.observeradDatum}
            onChange={(e) => setF({ ...f, observeradDatum: e.target.value })}
          />
          <Field
            label={t('brist.form.antal')}
            type="number"
            min={0}
            step={1}
            value={f.antalKlienter}
            required
            hint={t('brist.form.antal.hint')}
            error={fe.antalKlienter}
            onChange={(e) => setF({ ...f, antalKlienter: e.target.value })}
          />
        </div>
        <fieldset className="field">
          <legend>{t('brist.form.aktorer')}</legend>
          {fe.aktorIds ? <p className="field-error">{fe.aktorIds}</p> : null}
          {(aktorer.data ?? []).map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={f.aktorIds.includes(a.id)}
                onChange={() => toggle('aktorIds', a.id)}
              />{' '}
              {a.namn}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('brist.form.kommuner')}</legend>
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
        <button type="submit" disabled={save.isPending}>
          {t('brist.form.save')}
        </button>
      </form>
    </Page>
  );
}
