import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { LedningsgruppDetail, MoteDetail } from '../../../contracts/ledningsgrupp.ts';
import {
  etikett,
  LEDNINGSGRUPP_ROLL_ETIKETT,
  LEDNINGSGRUPP_ROLLER,
  type LedningsgruppRoll,
} from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { ApiError, api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { useVerksamhet } from '../brister/common.tsx';

export function useRoll() {
  const { lang } = useI18n();
  return (r: LedningsgruppRoll) => etikett(LEDNINGSGRUPP_ROLL_ETIKETT, r, lang);
}

function Krav({ lg, base, arChef }: { lg: LedningsgruppDetail; base: string; arChef: boolean }) {
  const { t } = useI18n();
  const roll = useRoll();
  const qc = useQueryClient();
  const [erbjuden, setErbjuden] = useState(lg.brukarorganisationErbjuden);
  useEffect(() => setErbjuden(lg.brukarorganisationErbjuden), [lg.brukarorganisationErbjuden]);
  const save = useMutation({
    mutationFn: () => api.put<LedningsgruppDetail>(base, { brukarorganisationErbjuden: erbjuden }),
    onSuccess: (d) => qc.setQueryData(['ledningsgrupp', lg.verksamhetId], d),
  });
  return (
    <section className="card" aria-labelledby="krav">
      <h2 id="krav">{t('lg.krav')}</h2>
      <p className={`alert ${lg.uppfyllerForordningen ? 'alert-ok' : 'alert-error'}`}>
        {lg.uppfyllerForordningen ? t('lg.krav.ok') : t('lg.krav.ej')}
      </p>
      <table>
        <caption className="sr-only">{t('lg.krav.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lg.krav.roll')}</th>
            <th scope="col">{t('lg.krav.status')}</th>
          </tr>
        </thead>
        <tbody>
          {lg.obligatoriskaRoller.map((r) => (
            <tr key={r}>
              <th scope="row">{roll(r)}</th>
              <td>
                {lg.saknadeRoller.includes(r) ? (
                  <span className="badge badge-warn">{t('lg.krav.saknas')}</span>
                ) : (
                  t('lg.krav.finns')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lg.harBrukarorganisation ? <p>{t('lg.brukare.har')}</p> : null}
      {arChef ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <ErrorMessage error={save.error} />
          <div className="field">
            <label>
              <input type="checkbox" checked={erbjuden} onChange={(e) => setErbjuden(e.target.checked)} />{' '}
              {t('lg.brukare')}
            </label>
          </div>
          <button type="submit" className="secondary" disabled={save.isPending}>
            {t('lg.brukare.save')}
          </button>
        </form>
      ) : (
        <p>
          {t('lg.brukare')}: {lg.brukarorganisationErbjuden ? '✓' : '–'}
        </p>
      )}
    </section>
  );
}

function Ledamoter({ lg, base, arChef }: { lg: LedningsgruppDetail; base: string; arChef: boolean }) {
  const { t } = useI18n();
  const roll = useRoll();
  const qc = useQueryClient();
  const [f, setF] = useState({ rollkategori: '', organisation: '', namn: '' });
  const onSuccess = (d: LedningsgruppDetail) => qc.setQueryData(['ledningsgrupp', lg.verksamhetId], d);
  const add = useMutation({
    mutationFn: () => api.post<LedningsgruppDetail>(`${base}/ledamoter`, f),
    onSuccess: (d) => {
      setF({ rollkategori: '', organisation: '', namn: '' });
      onSuccess(d);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete<LedningsgruppDetail>(`${base}/ledamoter/${id}`),
    onSuccess,
  });
  // Removing a member cannot be taken back with a click (the member would have to be added anew): ask first.
  const [tasBort, setTasBort] = useState<{ id: string; namn: string } | null>(null);
  const fe = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate();
  }
  return (
    <section className="card" aria-labelledby="ledamoter">
      <h2 id="ledamoter">{t('lg.ledamoter')}</h2>
      <ErrorMessage error={remove.error} />
      <ConfirmDialog
        open={tasBort !== null}
        title={t('lg.ledamot.confirm.title', { namn: tasBort?.namn ?? '' })}
        text={t('lg.ledamot.confirm.text', { namn: tasBort?.namn ?? '' })}
        confirmLabel={t('lg.ledamot.remove', { namn: tasBort?.namn ?? '' })}
        onCancel={() => setTasBort(null)}
        onConfirm={() => {
          if (tasBort) remove.mutate(tasBort.id);
          setTasBort(null);
        }}
      />
      {lg.ledamoter.length === 0 ? (
        <p>{t('lg.ledamoter.none')}</p>
      ) : (
        <TableScroll label={t('lg.ledamoter.caption')}>
          <table>
            <caption className="sr-only">{t('lg.ledamoter.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lg.col.namn')}</th>
                <th scope="col">{t('lg.col.organisation')}</th>
                <th scope="col">{t('lg.col.roll')}</th>
                {arChef ? (
                  <th scope="col">
                    <span className="sr-only">{t('lg.col.hantera')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {lg.ledamoter.map((l) => (
                <tr key={l.id}>
                  <td>{l.namn}</td>
                  <td>{l.organisation}</td>
                  <td>{roll(l.rollkategori)}</td>
                  {arChef ? (
                    <td>
                      <button type="button" className="secondary" onClick={() => setTasBort(l)}>
                        {t('lg.ledamot.remove', { namn: l.namn })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {arChef ? (
        <form onSubmit={submit} noValidate aria-labelledby="ny-ledamot">
          <h3 id="ny-ledamot">{t('lg.ledamot.add')}</h3>
          <ErrorMessage error={add.error} />
          <div className="grid-form">
            <SelectField
              label={t('lg.col.roll')}
              value={f.rollkategori}
              error={fe.rollkategori}
              onChange={(e) => setF({ ...f, rollkategori: e.target.value })}
              options={[
                { value: '', label: t('brist.form.choose') },
                ...LEDNINGSGRUPP_ROLLER.map((r) => ({ value: r, label: roll(r) })),
              ]}
            />
            <Field
              label={t('lg.col.organisation')}
              value={f.organisation}
              error={fe.organisation}
              onChange={(e) => setF({ ...f, organisation: e.target.value })}
            />
            <Field
              label={t('lg.col.namn')}
              value={f.namn}
              error={fe.namn}
              onChange={(e) => setF({ ...f, namn: e.target.value })}
            />
          </div>
          <button type="submit" disabled={add.isPending}>
            {t('lg.ledamot.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Moten({ lg, base, arChef }: { lg: LedningsgruppDetail; base: string; arChef: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [datum, setDatum] = useState(() =>
    new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
  );
  const [narvaro, setNarvaro] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => api.post<MoteDetail>(`${base}/moten`, { datum, narvaro }),
    onSuccess: (m) => navigate(`/ledningsgrupp/moten/${m.id}`),
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  // The year in the address (?ar=2025), so a link opens the meetings of that year; none = every meeting.
  const [params, setParams] = useSearchParams();
  const iAr = Number(params.get('ar'));
  const ar = Number.isInteger(iAr) && iAr >= 2000 && iAr <= 2100 ? iAr : null;
  const nu = Number(idagISverige().slice(0, 4));
  const aren = [
    ...new Set([nu, ...(ar === null ? [] : [ar]), ...lg.moten.map((m) => Number(m.datum.slice(0, 4)))]),
  ].sort((a, b) => b - a);
  const moten = ar === null ? lg.moten : lg.moten.filter((m) => m.datum.startsWith(`${ar}-`));
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `/api/v1${base}/moten/export?${new URLSearchParams({ ...(ar === null ? {} : { ar: String(ar) }), format })}`;
  return (
    <section className="card" aria-labelledby="moten">
      <h2 id="moten">{t('lg.moten')}</h2>
      {lg.moten.length > 0 ? (
        <div style={{ maxWidth: '12rem' }}>
          <SelectField
            label={t('lg.moten.ar')}
            value={ar === null ? '' : String(ar)}
            onChange={(e) =>
              setParams(
                (p) => {
                  if (e.target.value) p.set('ar', e.target.value);
                  else p.delete('ar');
                  return p;
                },
                { replace: true },
              )
            }
            options={[
              { value: '', label: t('lg.moten.allaAr') },
              ...aren.map((a) => ({ value: String(a), label: String(a) })),
            ]}
          />
        </div>
      ) : null}
      {lg.moten.length > 0 ? (
        <div aria-live="polite">
          <p>
            {ar === null
              ? t(pluralKey(lang, 'lg.moten.antal', moten.length), { n: formatNumber(moten.length) })
              : t(pluralKey(lang, 'lg.moten.antalAr', moten.length), { n: formatNumber(moten.length), ar })}
          </p>
          {/* The group meets about twice a year (domain brief; seeds 001, 002): a past year below it is said. */}
          {ar !== null && ar < nu && moten.length < 2 ? (
            <p className="alert alert-info">{t('lg.moten.farre', { ar })}</p>
          ) : null}
        </div>
      ) : null}
      {lg.moten.length === 0 ? (
        <p>{t('lg.moten.none')}</p>
      ) : moten.length === 0 ? null : (
        <TableScroll label={t('lg.moten.caption')}>
          <table>
            <caption className="sr-only">{t('lg.moten.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lg.col.datum')}</th>
                <th scope="col" className="num">
                  {t('lg.col.narvarande')}
                </th>
                <th scope="col" className="num">
                  {t('lg.col.punkter')}
                </th>
                <th scope="col" className="num">
                  {t('lg.col.beslutade')}
                </th>
              </tr>
            </thead>
            <tbody>
              {moten.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/ledningsgrupp/moten/${m.id}`}>{t('lg.mote.title', { datum: m.datum })}</Link>
                  </td>
                  <td className="num">{formatNumber(m.narvarande)}</td>
                  <td className="num">{formatNumber(m.punkter)}</td>
                  <td className="num">{formatNumber(m.beslutade)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {moten.length > 0 ? (
        <p className="button-row" style={{ justifyContent: 'flex-start' }}>
          <a className="button secondary" href={exportUrl('csv')} download>
            {t('lg.moten.csv')}
          </a>
          <a className="button secondary" href={exportUrl('xlsx')} download>
            {t('lg.moten.xlsx')}
          </a>
        </p>
      ) : null}
      {arChef ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
          noValidate
          aria-labelledby="nytt-mote"
        >
          <h3 id="nytt-mote">{t('lg.mote.new')}</h3>
          <ErrorMessage error={create.error} />
          <Field
            label={t('lg.mote.datum')}
            type="date"
            value={datum}
            error={fe.datum}
            onChange={(e) => setDatum(e.target.value)}
          />
          {lg.ledamoter.length ? (
            <fieldset className="field">
              <legend>{t('lg.mote.narvaro')}</legend>
              {lg.ledamoter.map((l) => (
                <label key={l.id}>
                  <input
                    type="checkbox"
                    checked={narvaro.includes(l.id)}
                    onChange={() =>
                      setNarvaro((n) => (n.includes(l.id) ? n.filter((x) => x !== l.id) : [...n, l.id]))
                    }
                  />{' '}
                  {l.namn}, {l.organisation}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit" disabled={create.isPending}>
            {t('lg.mote.create')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function Ledningsgrupp() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const q = useQuery({
    queryKey: ['ledningsgrupp', v.id],
    queryFn: () => api.get<LedningsgruppDetail>(`/verksamheter/${v.id}/ledningsgrupp`),
    enabled: Boolean(v.id),
  });
  if (!v.id)
    return (
      <Page title={t('lg.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const base = `/verksamheter/${v.id}/ledningsgrupp`;
  return (
    <Page title={`${t('lg.title')} – ${v.namn ?? ''}`}>
      <Krav lg={q.data} base={base} arChef={v.arChef} />
      <Moten lg={q.data} base={base} arChef={v.arChef} />
      <Ledamoter lg={q.data} base={base} arChef={v.arChef} />
    </Page>
  );
}
