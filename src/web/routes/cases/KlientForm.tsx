import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { createKlient, type KlientDetail, updateKlient } from '../../../contracts/cases.ts';
import { labelOf } from '../../../contracts/messages/labels.ts';
import { BARN_UNDER_18, BARN_UNDER_18_ETIKETT, KON, KON_ETIKETT } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field, fieldId, RequiredNote, SelectField } from '../../components/Field.tsx';
import { formNumber } from '../../components/form-values.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useI18n } from '../../i18n/index.tsx';
import { base, options, useVerksamhet, useVerksamhetInfo } from './common.tsx';

type Falt = {
  alias: string;
  namn: string;
  personnummer: string;
  telefon: string;
  adress: string;
  fodelsear: string;
  kon: string;
  kommunKod: string;
  stadsdelsomradeKod: string;
  barnUnder18: string;
};

const tom: Falt = {
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
};

function faltFran(k: KlientDetail): Falt {
  return {
    alias: k.alias ?? '',
    namn: k.namn ?? '',
    personnummer: k.personnummer ?? '',
    telefon: k.telefon ?? '',
    adress: k.adress ?? '',
    fodelsear: String(k.fodelsear),
    kon: k.kon,
    kommunKod: k.kommunKod,
    stadsdelsomradeKod: k.stadsdelsomradeKod ?? '',
    barnUnder18: k.barnUnder18,
  };
}

/** New client: /klienter/ny. */
export function KlientForm() {
  return <KlientFormular />;
}

/** Edit a client: /klienter/:id/andra — the fields the update contract allows (all of the form's). */
export function KlientRedigera() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const { id } = useParams();
  const q = useQuery({
    queryKey: ['klient', v.id, id],
    queryFn: () => api.get<KlientDetail>(`${base(v.id!)}/klienter/${id}`),
    enabled: Boolean(v.id && id),
  });
  if (!v.id)
    return (
      <Page title={t('klient.list.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  if (q.isPending) return <Loading />;
  if (q.error || !q.data)
    return (
      <Page title={t('klient.list.title')}>
        <ErrorMessage error={q.error} />
      </Page>
    );
  return <KlientFormular key={q.data.id} existing={q.data} />;
}

function KlientFormular({ existing }: { existing?: KlientDetail }) {
  const { t, lang } = useI18n();
  const L = (field: string) => labelOf(field, lang);
  const v = useVerksamhet();
  const info = useVerksamhetInfo(v.id);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [f, setF] = useState<Falt>(existing ? faltFran(existing) : tom);
  const set = (k: keyof Falt) => (value: string) => setF((x) => ({ ...x, [k]: value }));
  const omraden = info.data?.omraden ?? [];
  const sdos = omraden.filter((o) => o.kommunKod === f.kommunKod && o.stadsdelsomradeKod);
  // The body as it would be sent: empty identity fields are "not given", an unchosen list is left out
  // (so the contract says "Välj …"), and the district only when the kommun has districts on screen.
  const body = () => ({
    alias: f.alias,
    namn: f.namn || null,
    personnummer: f.personnummer || null,
    telefon: f.telefon || null,
    adress: f.adress || null,
    fodelsear: formNumber(f.fodelsear),
    kon: f.kon || undefined,
    kommunKod: f.kommunKod || undefined,
    stadsdelsomradeKod: sdos.length ? f.stadsdelsomradeKod || null : null,
    barnUnder18: f.barnUnder18 || undefined,
  });
  const form = useFormErrors(existing ? updateKlient : createKlient, body);
  const save = useMutation({
    mutationFn: (b: unknown) =>
      existing
        ? api.patch<KlientDetail>(`${base(v.id!)}/klienter/${existing.id}`, b)
        : api.post<KlientDetail>(`${base(v.id!)}/klienter`, b),
    onSuccess: (k) => {
      void qc.invalidateQueries({ queryKey: ['klienter'] });
      void qc.invalidateQueries({ queryKey: ['klient'] });
      navigate(`/klienter/${k.id}`);
    },
    onError: (err) => form.fromServer(err),
  });
  // The edit page's two words live here, not in the shared message files (issue 9's edit page).
  const title = existing
    ? `${lang === 'sv' ? 'Ändra' : 'Edit'} ${existing.alias ?? ''}`.trim()
    : t('klient.form.title');
  if (!v.id) {
    return (
      <Page title={title}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  if (info.isPending) return <Loading />;
  const kommuner = [...new Map(omraden.map((o) => [o.kommunKod, o.kommunNamn])).entries()];
  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.check()) save.mutate(body());
  }
  const choose = { value: '', label: t('case.choose') };
  // Props every field shares: its id (the error summary links to it), error and blur check.
  const p = (k: keyof Falt) => ({
    id: fieldId(k),
    label: L(k),
    error: form.error(k),
    onBlur: () => form.blur(k),
  });
  return (
    <Page title={title}>
      <form onSubmit={submit} noValidate>
        <RequiredNote />
        <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
        <ErrorMessage error={save.error ?? info.error} fieldsShownElsewhere />
        <section className="card" aria-labelledby="identitet">
          <h2 id="identitet">{t('klient.form.identitet')}</h2>
          <p className="hint">{t('klient.form.identitet.hint')}</p>
          <div className="grid-form">
            <Field {...p('alias')} value={f.alias} required onChange={(e) => set('alias')(e.target.value)} />
            <Field
              {...p('namn')}
              value={f.namn}
              autoComplete="off"
              onChange={(e) => set('namn')(e.target.value)}
            />
            <Field
              {...p('personnummer')}
              hint={t('klient.form.personnummer.hint')}
              value={f.personnummer}
              autoComplete="off"
              onChange={(e) => set('personnummer')(e.target.value)}
            />
            <Field
              {...p('telefon')}
              type="tel"
              value={f.telefon}
              autoComplete="off"
              onChange={(e) => set('telefon')(e.target.value)}
            />
            <Field
              {...p('adress')}
              value={f.adress}
              autoComplete="off"
              onChange={(e) => set('adress')(e.target.value)}
            />
          </div>
        </section>
        <section className="card" aria-labelledby="statistik">
          <h2 id="statistik">{t('klient.form.statistik')}</h2>
          <div className="grid-form">
            <Field
              {...p('fodelsear')}
              inputMode="numeric"
              value={f.fodelsear}
              required
              onChange={(e) => set('fodelsear')(e.target.value)}
            />
            <SelectField
              {...p('kon')}
              value={f.kon}
              required
              onChange={(e) => set('kon')(e.target.value)}
              options={[choose, ...options(KON, KON_ETIKETT, lang)]}
            />
            <SelectField
              {...p('kommunKod')}
              value={f.kommunKod}
              required
              onChange={(e) => {
                set('kommunKod')(e.target.value);
                set('stadsdelsomradeKod')('');
              }}
              options={[choose, ...kommuner.map(([kod, namn]) => ({ value: kod, label: namn }))]}
            />
            {sdos.length ? (
              <SelectField
                {...p('stadsdelsomradeKod')}
                value={f.stadsdelsomradeKod}
                required
                onChange={(e) => set('stadsdelsomradeKod')(e.target.value)}
                options={[
                  choose,
                  ...sdos.map((o) => ({ value: o.stadsdelsomradeKod!, label: o.stadsdelsomradeNamn ?? '' })),
                ]}
              />
            ) : null}
            <SelectField
              {...p('barnUnder18')}
              value={f.barnUnder18}
              onChange={(e) => set('barnUnder18')(e.target.value)}
              options={options(BARN_UNDER_18, BARN_UNDER_18_ETIKETT, lang)}
            />
          </div>
        </section>
        <button type="submit" disabled={save.isPending}>
          {existing ? (lang === 'sv' ? 'Spara ändringar' : 'Save changes') : t('klient.form.save')}
        </button>
      </form>
    </Page>
  );
}
