import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ArendeItem, KlientDetail } from '../../../contracts/cases.ts';
import {
  FORFRAGAN_FRAN,
  FORFRAGAN_FRAN_ETIKETT,
  PRIORITETSGRUND_ETIKETT,
  PRIORITETSGRUNDER,
} from '../../../domain/codes.ts';
import { foreslaPrioritetsgrunder } from '../../../domain/prioritet.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useI18n } from '../../i18n/index.tsx';
import {
  base,
  GallradBadge,
  idag,
  Kryssrutor,
  options,
  StatusBadge,
  useEtikett,
  useVerksamhet,
} from './common.tsx';

function NyForfragan({ k, verksamhetId }: { k: KlientDetail; verksamhetId: string }) {
  const { t, lang } = useI18n();
  const e = useEtikett();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [datum, setDatum] = useState(idag);
  const [fran, setFran] = useState('');
  const forslag = foreslaPrioritetsgrunder({
    barnUnder18: k.barnUnder18,
    fodelsear: k.fodelsear,
    ar: Number(datum.slice(0, 4)) || new Date().getFullYear(),
  });
  const [prioritet, setPrioritet] = useState<string[]>(forslag);
  const save = useMutation({
    mutationFn: () =>
      api.post<ArendeItem>(`${base(verksamhetId)}/arenden`, {
        klientId: k.id,
        forfraganDatum: datum,
        forfraganFran: fran || undefined,
        prioritet,
      }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['klient', k.id] });
      void qc.invalidateQueries({ queryKey: ['ko'] });
      navigate(`/arenden/${a.id}`);
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(ev: FormEvent) {
    ev.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorMessage error={save.error} />
      <div className="grid-form">
        <Field
          label={t('klient.detail.forfraganDatum')}
          type="date"
          value={datum}
          error={fe.forfraganDatum}
          onChange={(ev) => setDatum(ev.target.value)}
        />
        <SelectField
          label={t('klient.detail.forfraganFran')}
          value={fran}
          error={fe.forfraganFran}
          onChange={(ev) => setFran(ev.target.value)}
          options={[
            { value: '', label: t('case.choose') },
            ...options(FORFRAGAN_FRAN, FORFRAGAN_FRAN_ETIKETT, lang),
          ]}
        />
      </div>
      <Kryssrutor
        legend={t('klient.detail.prioritet')}
        hint={t('klient.detail.prioritet.hint', { forslag: forslag.map(e.prioritet).join(', ') || '–' })}
        options={options(PRIORITETSGRUNDER, PRIORITETSGRUND_ETIKETT, lang)}
        value={prioritet}
        onChange={setPrioritet}
        error={fe.prioritet}
      />
      <button type="submit" disabled={save.isPending}>
        {t('klient.detail.registrera')}
      </button>
    </form>
  );
}

export function KlientDetalj() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const e = useEtikett();
  const v = useVerksamhet();
  const q = useQuery({
    queryKey: ['klient', id],
    queryFn: () => api.get<KlientDetail>(`${base(v.id!)}/klienter/${id}`),
    enabled: Boolean(v.id),
  });
  if (!v.id) {
    return (
      <Page title={t('klient.list.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const k = q.data;
  const pagar = k.arenden.some((a) => a.status === 'forfragan' || a.status === 'ko' || a.status === 'aktiv');
  return (
    <Page title={k.alias ?? t('case.gallrad')}>
      {k.gallrad ? (
        <p className="alert">
          <GallradBadge /> {t('case.gallrad.long')}
        </p>
      ) : (
        <section className="card" aria-labelledby="identitet">
          <h2 id="identitet">{t('klient.detail.identitet')}</h2>
          <dl className="facts">
            <dt>{t('klient.form.alias')}</dt>
            <dd>{k.alias}</dd>
            <dt>{t('klient.form.namn')}</dt>
            <dd>{k.namn ?? '–'}</dd>
            <dt>{t('klient.form.personnummer')}</dt>
            <dd>{k.personnummer ?? '–'}</dd>
            <dt>{t('klient.form.telefon')}</dt>
            <dd>{k.telefon ?? '–'}</dd>
            <dt>{t('klient.form.adress')}</dt>
            <dd>{k.adress ?? '–'}</dd>
          </dl>
          <p>
            <Link to={`/klienter/${k.id}/andra`}>
              {lang === 'sv' ? 'Ändra klientens uppgifter' : 'Edit the client’s details'}
            </Link>
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="statistik">
        <h2 id="statistik">{t('klient.detail.statistik')}</h2>
        <dl className="facts">
          <dt>{t('klient.form.fodelsear')}</dt>
          <dd>{k.fodelsear}</dd>
          <dt>{t('klient.form.kon')}</dt>
          <dd>{e.kon(k.kon)}</dd>
          <dt>{t('klient.form.kommun')}</dt>
          <dd>{k.stadsdelsomradeNamn ? `${k.kommunNamn}, ${k.stadsdelsomradeNamn}` : k.kommunNamn}</dd>
          <dt>{t('klient.form.barn')}</dt>
          <dd>{e.barn(k.barnUnder18)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="arenden">
        <h2 id="arenden">{t('klient.detail.arenden')}</h2>
        {k.arenden.length === 0 ? (
          <p>{t('klient.detail.arenden.none')}</p>
        ) : (
          <TableScroll label={t('klient.detail.arenden.caption')}>
            <table>
              <caption className="sr-only">{t('klient.detail.arenden.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('arende.col.forfragan')}</th>
                  <th scope="col">{t('arende.col.status')}</th>
                  <th scope="col">{t('arende.col.start')}</th>
                  <th scope="col">{t('arende.col.avslut')}</th>
                  <th scope="col">{t('arende.col.ombud')}</th>
                </tr>
              </thead>
              <tbody>
                {k.arenden.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/arenden/${a.id}`}>{a.forfraganDatum}</Link>
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>{a.startDatum ?? ''}</td>
                    <td>{a.avslutDatum ?? ''}</td>
                    <td>{a.ombud?.displayName ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {!k.gallrad && !pagar ? (
        <section className="card" aria-labelledby="ny-forfragan">
          <h2 id="ny-forfragan">{t('klient.detail.nyForfragan')}</h2>
          <NyForfragan k={k} verksamhetId={v.id} />
        </section>
      ) : null}
    </Page>
  );
}
