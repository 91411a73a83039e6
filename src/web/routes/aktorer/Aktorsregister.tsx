import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  AKTOR_KATEGORI_ETIKETT,
  type AktorRegisterItem,
  createAktor,
  updateAktor,
} from '../../../contracts/aktorer.ts';
import { type BristAmneItem, createBristAmne } from '../../../contracts/brister.ts';
import { labelOf } from '../../../contracts/messages/labels.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field, fieldId, RequiredNote, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Rows shown at first, and added by each "Visa fler". */
const SIDA = 50;

type Lan = { kod: string; namn: string };
type Kommun = { kod: string; namn: string; lanKod: string };

function useKategoriNamn() {
  const { lang } = useI18n();
  return (k: string) => AKTOR_KATEGORI_ETIKETT[k]?.[lang] ?? k;
}

/** The form's values: text as typed; empty = not given (null when the actor is changed). */
type Varden = {
  kod: string;
  namn: string;
  kategori: string;
  lanKod: string;
  kommun: string;
  giltigFran: string;
  giltigTill: string;
};
const TOM: Varden = {
  kod: '',
  namn: '',
  kategori: '',
  lanKod: '',
  kommun: '',
  giltigFran: '',
  giltigTill: '',
};

/**
 * Add or change one actor. A new actor without län and kommun is national; a kommun alone gives its län.
 * An actor is ended with its last day ("Gäller till och med"): it is then no longer offered for new
 * brister, while brister that already have it keep it and its name.
 */
function AktorForm({
  aktor,
  lan,
  kommuner,
  kategorier,
  onDone,
}: {
  aktor: AktorRegisterItem | null;
  lan: Lan[];
  kommuner: Kommun[];
  kategorier: string[];
  onDone: (namn: string) => void;
}) {
  const { t, lang } = useI18n();
  const L = (f: string) => labelOf(f, lang);
  const kategoriNamn = useKategoriNamn();
  const qc = useQueryClient();
  const [f, setF] = useState<Varden>(
    aktor
      ? {
          kod: aktor.kod,
          namn: aktor.namn,
          kategori: aktor.kategori,
          lanKod: aktor.lanKod ?? '',
          kommun: aktor.kommunKod ?? '',
          giltigFran: aktor.giltigFran ?? '',
          giltigTill: aktor.giltigTill ?? '',
        }
      : TOM,
  );
  const tomNull = (s: string) => (s === '' ? null : s);
  const body = () =>
    aktor
      ? {
          namn: f.namn,
          kategori: f.kategori || undefined,
          lanKod: tomNull(f.lanKod),
          kommun: tomNull(f.kommun),
          giltigFran: tomNull(f.giltigFran),
          giltigTill: tomNull(f.giltigTill),
        }
      : {
          kod: f.kod,
          namn: f.namn,
          kategori: f.kategori || undefined,
          ...(f.lanKod ? { lanKod: f.lanKod } : {}),
          ...(f.kommun ? { kommun: f.kommun } : {}),
          ...(f.giltigFran ? { giltigFran: f.giltigFran } : {}),
          ...(f.giltigTill ? { giltigTill: f.giltigTill } : {}),
        };
  const form = useFormErrors(aktor ? updateAktor : createAktor, body);
  const save = useMutation({
    mutationFn: (b: unknown) =>
      aktor
        ? api.patch<AktorRegisterItem>(`/aktorsregister/${aktor.id}`, b)
        : api.post<AktorRegisterItem>('/aktorsregister', b),
    onSuccess: async (a) => {
      await qc.invalidateQueries({ queryKey: ['aktorsregister'] });
      await qc.invalidateQueries({ queryKey: ['aktorer'] });
      await qc.invalidateQueries({ queryKey: ['brist-aktorer'] });
      onDone(a.namn);
    },
    onError: (err) => form.fromServer(err),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const valid = form.check();
    if (valid) save.mutate(valid);
  }
  const set = (k: keyof Varden) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setF((x) => {
      const next = { ...x, [k]: value };
      // A kommun outside the chosen län is dropped.
      if (k === 'lanKod' && x.kommun && !kommuner.some((km) => km.kod === x.kommun && km.lanKod === value))
        next.kommun = '';
      return next;
    });
  };
  const rubrik = aktor ? t('aktorer.form.edit', { namn: aktor.namn }) : t('aktorer.form.new');
  const synligaKommuner = f.lanKod ? kommuner.filter((k) => k.lanKod === f.lanKod) : kommuner;
  return (
    <section className="card" aria-labelledby="aktor-form-rubrik">
      <h2 id="aktor-form-rubrik">{rubrik}</h2>
      <form onSubmit={submit} noValidate>
        <RequiredNote />
        <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
        <ErrorMessage error={save.error} fieldsShownElsewhere />
        <div className="grid-form">
          {aktor ? null : (
            <Field
              id={fieldId('kod')}
              label={L('kod')}
              value={f.kod}
              required
              maxLength={63}
              hint={t('aktorer.form.kod.hint')}
              error={form.error('kod')}
              onBlur={() => form.blur('kod')}
              onChange={set('kod')}
            />
          )}
          <Field
            id={fieldId('namn')}
            label={L('namn')}
            value={f.namn}
            required
            maxLength={200}
            error={form.error('namn')}
            onBlur={() => form.blur('namn')}
            onChange={set('namn')}
          />
          <SelectField
            id={fieldId('kategori')}
            label={L('kategori')}
            value={f.kategori}
            required
            error={form.error('kategori')}
            onBlur={() => form.blur('kategori')}
            onChange={set('kategori')}
            options={[
              { value: '', label: t('brist.form.choose') },
              ...kategorier.map((k) => ({ value: k, label: kategoriNamn(k) })),
            ]}
          />
          <SelectField
            id={fieldId('lanKod')}
            label={L('lanKod')}
            value={f.lanKod}
            hint={t('aktorer.form.lan.hint')}
            error={form.error('lanKod')}
            onBlur={() => form.blur('lanKod')}
            onChange={set('lanKod')}
            options={[
              { value: '', label: t('aktorer.nationell') },
              ...lan.map((l) => ({ value: l.kod, label: l.namn })),
            ]}
          />
          <SelectField
            id={fieldId('kommun')}
            label={L('kommun')}
            value={f.kommun}
            hint={t('aktorer.form.kommun.hint')}
            error={form.error('kommun')}
            onBlur={() => form.blur('kommun')}
            onChange={set('kommun')}
            options={[
              { value: '', label: t('aktorer.form.ingenKommun') },
              ...synligaKommuner.map((k) => ({ value: k.kod, label: k.namn })),
            ]}
          />
          <Field
            id={fieldId('giltigFran')}
            label={L('giltigFran')}
            type="date"
            value={f.giltigFran}
            error={form.error('giltigFran')}
            onBlur={() => form.blur('giltigFran')}
            onChange={set('giltigFran')}
          />
          <Field
            id={fieldId('giltigTill')}
            label={L('giltigTill')}
            type="date"
            value={f.giltigTill}
            hint={t('aktorer.form.giltigTill.hint')}
            error={form.error('giltigTill')}
            onBlur={() => form.blur('giltigTill')}
            onChange={set('giltigTill')}
          />
        </div>
        <div className="inline-form">
          <button type="submit" disabled={save.isPending}>
            {aktor ? t('aktorer.form.save') : t('aktorer.form.add')}
          </button>
          <button type="button" className="secondary" onClick={() => onDone('')}>
            {t('aktorer.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A new subject in the national brist taxonomy, under one of its groups (or as a group of its own). */
function AmneForm({ amnen, kategorier }: { amnen: BristAmneItem[]; kategorier: string[] }) {
  const { t, lang } = useI18n();
  const L = (f: string) => labelOf(f, lang);
  const kategoriNamn = useKategoriNamn();
  const qc = useQueryClient();
  const [f, setF] = useState({ kod: '', namn: '', grupp: '', aktorKategori: '' });
  const [klar, setKlar] = useState('');
  const body = () => ({
    kod: f.kod,
    namn: f.namn,
    ...(f.grupp ? { grupp: f.grupp } : {}),
    ...(f.aktorKategori ? { aktorKategori: f.aktorKategori } : {}),
  });
  const form = useFormErrors(createBristAmne, body);
  const save = useMutation({
    mutationFn: (b: unknown) => api.post<BristAmneItem>('/brist-amnen', b),
    onSuccess: async (a) => {
      await qc.invalidateQueries({ queryKey: ['brist-amnen'] });
      setF({ kod: '', namn: '', grupp: '', aktorKategori: '' });
      setKlar(t('aktorer.amne.saved', { namn: a.namn }));
    },
    onError: (err) => form.fromServer(err),
  });
  const grupper = amnen.filter((a) => a.grupp === null && !a.valbar);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlar('');
    const valid = form.check();
    if (valid) save.mutate(valid);
  }
  return (
    <form onSubmit={submit} noValidate>
      <RequiredNote />
      <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
      <ErrorMessage error={save.error} fieldsShownElsewhere />
      <div className="grid-form">
        <Field
          id={fieldId('amne-kod')}
          label={L('kod')}
          value={f.kod}
          required
          hint={t('aktorer.amne.kod.hint')}
          error={form.error('kod')}
          onBlur={() => form.blur('kod')}
          onChange={(e) => setF({ ...f, kod: e.target.value })}
        />
        <Field
          id={fieldId('amne-namn')}
          label={L('namn')}
          value={f.namn}
          required
          error={form.error('namn')}
          onBlur={() => form.blur('namn')}
          onChange={(e) => setF({ ...f, namn: e.target.value })}
        />
        <SelectField
          id={fieldId('grupp')}
          label={L('grupp')}
          value={f.grupp}
          error={form.error('grupp')}
          onChange={(e) => setF({ ...f, grupp: e.target.value })}
          options={[
            { value: '', label: t('aktorer.amne.egenGrupp') },
            ...grupper.map((g) => ({ value: g.kod, label: g.namn })),
          ]}
        />
        <SelectField
          id={fieldId('aktorKategori')}
          label={L('aktorKategori')}
          value={f.aktorKategori}
          error={form.error('aktorKategori')}
          onChange={(e) => setF({ ...f, aktorKategori: e.target.value })}
          options={[
            { value: '', label: t('aktorer.amne.flera') },
            ...kategorier.map((k) => ({ value: k, label: kategoriNamn(k) })),
          ]}
        />
      </div>
      <button type="submit" disabled={save.isPending}>
        {t('aktorer.amne.add')}
      </button>
      <p role="status">{klar}</p>
    </form>
  );
}

/**
 * The national actor register and the brist subjects, for the system administrator: the 21 regions, every
 * kommun's socialtjänst and the agencies, with the days they are in force; add, change and end actors; add
 * subjects.
 */
export function Aktorsregister() {
  const { t, lang } = useI18n();
  const kategoriNamn = useKategoriNamn();
  const [status, setStatus] = useState<'giltiga' | 'avslutade' | 'alla'>('giltiga');
  const [q, setQ] = useState('');
  const [lanFilter, setLanFilter] = useState('');
  const [redigera, setRedigera] = useState<AktorRegisterItem | 'ny' | null>(null);
  const [sparad, setSparad] = useState('');
  // The register holds some 350 actors: the first rows of the selection, more on request (a search or a
  // län narrows it at once), so the page does not grow to tens of thousands of pixels.
  const [visas, setVisas] = useState(SIDA);
  const register = useQuery({
    queryKey: ['aktorsregister'],
    queryFn: () => api.get<AktorRegisterItem[]>('/aktorsregister'),
  });
  const lan = useQuery({ queryKey: ['lan'], queryFn: () => api.get<Lan[]>('/lan') });
  const kommuner = useQuery({ queryKey: ['kommuner'], queryFn: () => api.get<Kommun[]>('/kommuner') });
  const amnen = useQuery({
    queryKey: ['brist-amnen'],
    queryFn: () => api.get<BristAmneItem[]>('/brist-amnen'),
  });
  if (register.isPending || lan.isPending || kommuner.isPending || amnen.isPending) return <Loading />;
  if (register.error) return <ErrorMessage error={register.error} />;
  const alla = register.data ?? [];
  const kategorier = [
    ...new Set([...Object.keys(AKTOR_KATEGORI_ETIKETT), ...alla.map((a) => a.kategori)]),
  ].sort((a, b) => kategoriNamn(a).localeCompare(kategoriNamn(b), lang));
  const sok = q.trim().toLocaleLowerCase('sv');
  const rader = alla.filter(
    (a) =>
      (status === 'alla' || (status === 'giltiga') === a.giltig) &&
      (!lanFilter || (lanFilter === 'nationell' ? a.lanKod === null : a.lanKod === lanFilter)) &&
      (!sok || a.namn.toLocaleLowerCase('sv').includes(sok) || a.kod.includes(sok)),
  );
  const klar = (namn: string) => {
    setRedigera(null);
    setSparad(namn ? t('aktorer.saved', { namn }) : '');
  };
  const giltighet = (a: AktorRegisterItem) =>
    a.giltigFran && a.giltigTill
      ? `${a.giltigFran} – ${a.giltigTill}`
      : a.giltigTill
        ? t('aktorer.giltig.till', { datum: a.giltigTill })
        : a.giltigFran
          ? t('aktorer.giltig.fran', { datum: a.giltigFran })
          : t('aktorer.tillsVidare');
  return (
    <Page title={t('aktorer.title')}>
      <p className="lead">{t('aktorer.lead')}</p>
      <p role="status">{sparad}</p>
      {redigera ? (
        <AktorForm
          key={redigera === 'ny' ? 'ny' : redigera.id}
          aktor={redigera === 'ny' ? null : redigera}
          lan={lan.data ?? []}
          kommuner={kommuner.data ?? []}
          kategorier={kategorier}
          onDone={klar}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setRedigera('ny')}>
            {t('aktorer.new')}
          </button>
        </p>
      )}
      <section className="card" aria-labelledby="aktorer-lista">
        <h2 id="aktorer-lista">{t('aktorer.list.title')}</h2>
        <div className="inline-form">
          <Field
            label={t('aktorer.filter.q')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setVisas(SIDA);
            }}
            type="search"
          />
          <SelectField
            label={t('aktorer.filter.lan')}
            value={lanFilter}
            onChange={(e) => {
              setLanFilter(e.target.value);
              setVisas(SIDA);
            }}
            options={[
              { value: '', label: t('aktorer.filter.allaLan') },
              { value: 'nationell', label: t('aktorer.nationell') },
              ...(lan.data ?? []).map((l) => ({ value: l.kod, label: l.namn })),
            ]}
          />
          <SelectField
            label={t('aktorer.filter.status')}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as typeof status);
              setVisas(SIDA);
            }}
            options={[
              { value: 'giltiga', label: t('aktorer.status.giltiga') },
              { value: 'avslutade', label: t('aktorer.status.avslutade') },
              { value: 'alla', label: t('aktorer.status.alla') },
            ]}
          />
        </div>
        <p role="status">
          {t('aktorer.list.count', {
            n: formatNumber(Math.min(visas, rader.length)),
            urval: formatNumber(rader.length),
            total: formatNumber(alla.length),
          })}
        </p>
        <TableScroll label={t('aktorer.list.title')}>
          <table>
            <caption className="sr-only">{t('aktorer.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aktorer.col.namn')}</th>
                <th scope="col">{t('aktorer.col.kategori')}</th>
                <th scope="col">{t('aktorer.col.plats')}</th>
                <th scope="col">{t('aktorer.col.giltighet')}</th>
              </tr>
            </thead>
            <tbody>
              {rader.slice(0, visas).map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.namn}
                    <br />
                    <span className="hint">{a.kod}</span>
                    <br />
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('aktorer.edit.for', { namn: a.namn })}
                      onClick={() => {
                        setSparad('');
                        setRedigera(a);
                        window.scrollTo({ top: 0 });
                      }}
                    >
                      {t('aktorer.edit')}
                    </button>
                  </th>
                  <td>{kategoriNamn(a.kategori)}</td>
                  <td>{a.kommunNamn ?? a.lanNamn ?? t('aktorer.nationell')}</td>
                  <td>
                    {giltighet(a)}
                    {a.giltig ? null : (
                      <>
                        {' '}
                        <span className="badge">{t('aktorer.avslutad')}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {rader.length > visas ? (
          <p>
            <button type="button" className="secondary" onClick={() => setVisas((n) => n + SIDA)}>
              {t('aktorer.visaFler', {
                n: formatNumber(Math.min(SIDA, rader.length - visas)),
                kvar: formatNumber(rader.length - visas),
              })}
            </button>
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="amnen-rubrik">
        <h2 id="amnen-rubrik">{t('aktorer.amne.title')}</h2>
        <p className="hint">
          {t('aktorer.amne.lead', { n: (amnen.data ?? []).filter((a) => a.valbar).length })}
        </p>
        <AmneForm amnen={amnen.data ?? []} kategorier={kategorier} />
      </section>
    </Page>
  );
}
