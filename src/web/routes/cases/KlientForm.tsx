import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { KlientDetail } from '../../../contracts/cases.ts';
import { BARN_UNDER_18, BARN_UNDER_18_ETIKETT, KON, KON_ETIKETT } from '../../../domain/codes.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { base, options, useVerksamhet, useVerksamhetInfo } from './common.tsx';

export function KlientForm() {
  const { t, lang } = useI18n();
  const v = useVerksamhet();
  const info = useVerksamhetInfo(v.id);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [f, setF] = useState({
    alias: '',
    namn: '',
    personnummer: '',
    telefon: '',
    adress: '',
    fodelsear: '',
    kon: '',
    kommunKod: '',
    stadsdelsomradeKod: '',
    barnUnder18: 'nej',
  });
  const set = (k: keyof typeof f) => (value: string) => setF((x) => ({ ...x, [k]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.post<KlientDetail>(`${base(v.id!)}/klienter`, {
        alias: f.alias,
        namn: f.namn || null,
        personnummer: f.personnummer || null,
        telefon: f.telefon || null,
        adress: f.adress || null,
        fodelsear: f.fodelsear ? Number(f.fodelsear) : undefined,
        kon: f.kon || undefined,
        kommunKod: f.kommunKod || undefined,
        stadsdelsomradeKod: f.stadsdelsomradeKod || null,
        barnUnder18: f.barnUnder18,
      }),
    onSuccess: (k) => {
      void qc.invalidateQueries({ queryKey: ['klienter'] });
      navigate(`/klienter/${k.id}`);
    },
  });
  if (!v.id) {
    return (
      <Page title={t('klient.form.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  if (info.isPending) return <Loading />;
  const omraden = info.data?.omraden ?? [];
  const kommuner = [...new Map(omraden.map((o) => [o.kommunKod, o.kommunNamn])).entries()];
  const sdos = omraden.filter((o) => o.kommunKod === f.kommunKod && o.stadsdelsomradeKod);
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const choose = { value: '', label: t('case.choose') };
  return (
    <Page title={t('klient.form.title')}>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={save.error ?? info.error} />
        <section className="card" aria-labelledby="identitet">
          <h2 id="identitet">{t('klient.form.identitet')}</h2>
          <p className="hint">{t('klient.form.identitet.hint')}</p>
          <div className="grid-form">
            <Field
              label={t('klient.form.alias')}
              value={f.alias}
              required
              error={fe.alias}
              onChange={(e) => set('alias')(e.target.value)}
            />
            <Field
              label={t('klient.form.namn')}
              value={f.namn}
              autoComplete="off"
              error={fe.namn}
              onChange={(e) => set('namn')(e.target.value)}
            />
            <Field
              label={t('klient.form.personnummer')}
              hint={t('klient.form.personnummer.hint')}
              value={f.personnummer}
              autoComplete="off"
              error={fe.personnummer}
              onChange={(e) => set('personnummer')(e.target.value)}
            />
            <Field
              label={t('klient.form.telefon')}
              type="tel"
              value={f.telefon}
              autoComplete="off"
              error={fe.telefon}
              onChange={(e) => set('telefon')(e.target.value)}
            />
            <Field
              label={t('klient.form.adress')}
              value={f.adress}
              autoComplete="off"
              error={fe.adress}
              onChange={(e) => set('adress')(e.target.value)}
            />
          </div>
        </section>
        <section className="card" aria-labelledby="statistik">
          <h2 id="statistik">{t('klient.form.statistik')}</h2>
          <div className="grid-form">
            <Field
              label={t('klient.form.fodelsear')}
              inputMode="numeric"
              value={f.fodelsear}
              required
              error={fe.fodelsear}
              onChange={(e) => set('fodelsear')(e.target.value)}
            />
            <SelectField
              label={t('klient.form.kon')}
              value={f.kon}
              required
              error={fe.kon}
              onChange={(e) => set('kon')(e.target.value)}
              options={[choose, ...options(KON, KON_ETIKETT, lang)]}
            />
            <SelectField
              label={t('klient.form.kommun')}
              value={f.kommunKod}
              required
              error={fe.kommunKod}
              onChange={(e) => {
                set('kommunKod')(e.target.value);
                set('stadsdelsomradeKod')('');
              }}
              options={[choose, ...kommuner.map(([kod, namn]) => ({ value: kod, label: namn }))]}
            />
            {sdos.length ? (
              <SelectField
                label={t('klient.form.sdo')}
                value={f.stadsdelsomradeKod}
                required
                error={fe.stadsdelsomradeKod}
                onChange={(e) => set('stadsdelsomradeKod')(e.target.value)}
                options={[
                  choose,
                  ...sdos.map((o) => ({ value: o.stadsdelsomradeKod!, label: o.stadsdelsomradeNamn ?? '' })),
                ]}
              />
            ) : null}
            <SelectField
              label={t('klient.form.barn')}
              value={f.barnUnder18}
              error={fe.barnUnder18}
              onChange={(e) => set('barnUnder18')(e.target.value)}
              options={options(BARN_UNDER_18, BARN_UNDER_18_ETIKETT, lang)}
            />
          </div>
        </section>
        <button type="submit" disabled={save.isPending}>
          {t('klient.form.save')}
        </button>
      </form>
    </Page>
  );
}
