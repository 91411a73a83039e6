import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type AnteckningItem,
  type ArendeItem,
  AVSLUT_ORSAK_ETIKETT,
  AVSLUT_ORSAKER,
  arendeTransition,
} from '../../../contracts/cases.ts';
import { labelOf } from '../../../contracts/messages/labels.ts';
import {
  type ArendeStatus,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
  PRIORITETSGRUND_ETIKETT,
  PRIORITETSGRUNDER,
} from '../../../domain/codes.ts';
import { ApiError, api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field, fieldId, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { formatNumber, formatTimestamp } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  base,
  GallradBadge,
  Kryssrutor,
  options,
  StatusBadge,
  TextArea,
  useAktorer,
  useEtikett,
  useOmbud,
  useVerksamhet,
} from './common.tsx';

type Spara = (a: ArendeItem) => void;

/**
 * The transition contract with the one rule the server adds (services: an ärende closed as "avslutad"
 * names why), so the browser says it before sending.
 */
const transitionForm = arendeTransition.superRefine((v, ctx) => {
  if (v.status === 'avslutad' && !v.avslutOrsak)
    ctx.addIssue({ code: 'custom', path: ['avslutOrsak'], message: 'Ange varför ärendet avslutas.' });
});

function StatusForm({ a, verksamhetId, onSaved }: { a: ArendeItem; verksamhetId: string; onSaved: Spara }) {
  const { t, lang } = useI18n();
  const L = (field: string) => labelOf(field, lang);
  const e = useEtikett();
  const ombud = useOmbud(verksamhetId);
  const [till, setTill] = useState('');
  const [datum, setDatum] = useState('');
  const [ombudId, setOmbudId] = useState('');
  const [orsak, setOrsak] = useState('');
  const [ok, setOk] = useState(false);
  // The body as sent: fields hidden for the chosen status are left out, so they never show errors.
  const body = () => ({
    status: till || undefined,
    ...(datum && till !== 'ko' ? { datum } : {}),
    ...(till === 'aktiv' && ombudId ? { ombudUserId: ombudId } : {}),
    ...((till === 'avslutad' || till === 'ej_aktuell') && orsak ? { avslutOrsak: orsak } : {}),
  });
  // "Ny status" says more here than the shared "Status".
  const labels = { status: t('arende.status.till') };
  const form = useFormErrors(transitionForm, body, labels);
  const save = useMutation({
    mutationFn: () => api.post<ArendeItem>(`${base(verksamhetId)}/arenden/${a.id}/status`, body()),
    onSuccess: (d) => {
      setTill('');
      setDatum('');
      setOrsak('');
      form.reset();
      setOk(true);
      onSaved(d);
    },
    onError: (err) => form.fromServer(err),
  });
  if (a.mojligaStatus.length === 0) return <p>{t('arende.status.final')}</p>;
  const avslutar = till === 'avslutad' || till === 'ej_aktuell';
  const p = (field: string) => ({
    id: fieldId(field),
    label: labels[field as keyof typeof labels] ?? L(field),
    error: form.error(field),
    onBlur: () => form.blur(field),
  });
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        setOk(false);
        if (form.check()) save.mutate();
      }}
    >
      <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
      <ErrorMessage error={save.error} fieldsShownElsewhere />
      {ok ? (
        <p role="status" className="alert alert-ok">
          {t('arende.status.saved')}
        </p>
      ) : null}
      <div className="grid-form">
        <SelectField
          {...p('status')}
          required
          value={till}
          onChange={(ev) => setTill(ev.target.value)}
          options={[
            { value: '', label: t('case.choose') },
            ...a.mojligaStatus.map((s: ArendeStatus) => ({ value: s, label: e.status(s) })),
          ]}
        />
        {till && till !== 'ko' ? (
          <Field
            {...p('datum')}
            hint={t('arende.status.datum.hint')}
            type="date"
            value={datum}
            onChange={(ev) => setDatum(ev.target.value)}
          />
        ) : null}
        {till === 'aktiv' ? (
          <SelectField
            {...p('ombudUserId')}
            value={ombudId}
            onChange={(ev) => setOmbudId(ev.target.value)}
            options={[
              { value: '', label: t('arende.status.ombud.jag') },
              ...(ombud.data ?? []).map((o) => ({ value: o.id, label: o.displayName })),
            ]}
          />
        ) : null}
        {avslutar ? (
          <SelectField
            {...p('avslutOrsak')}
            required={till === 'avslutad'}
            value={orsak}
            onChange={(ev) => setOrsak(ev.target.value)}
            options={[
              { value: '', label: t('case.choose') },
              ...options(AVSLUT_ORSAKER, AVSLUT_ORSAK_ETIKETT, lang),
            ]}
          />
        ) : null}
      </div>
      {avslutar ? <p className="hint">{t('arende.status.skrivUt')}</p> : null}
      <button type="submit" disabled={save.isPending}>
        {t('arende.status.save')}
      </button>
    </form>
  );
}

function UppgifterForm({
  a,
  verksamhetId,
  onSaved,
}: {
  a: ArendeItem;
  verksamhetId: string;
  onSaved: Spara;
}) {
  const { t, lang } = useI18n();
  const aktorer = useAktorer();
  const [orsaker, setOrsaker] = useState<string[]>(a.kontaktorsaker);
  const [prioritet, setPrioritet] = useState<string[]>(a.prioritet);
  const [aktorIds, setAktorIds] = useState<string[]>(a.aktorIds);
  const [sip, setSip] = useState(a.sip);
  const save = useMutation({
    mutationFn: () =>
      api.patch<ArendeItem>(`${base(verksamhetId)}/arenden/${a.id}`, {
        kontaktorsaker: orsaker,
        prioritet,
        aktorIds,
        sip,
      }),
    onSuccess: (d) => {
      onSaved(d);
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <SaveForm mutation={save} savedText={t('case.saved')}>
      <Kryssrutor
        legend={t('arende.col.kontaktorsaker')}
        options={options(KONTAKTORSAKER, KONTAKTORSAK_ETIKETT, lang)}
        value={orsaker}
        onChange={setOrsaker}
        error={fe.kontaktorsaker}
      />
      <Kryssrutor
        legend={t('arende.col.prioritet')}
        options={options(PRIORITETSGRUNDER, PRIORITETSGRUND_ETIKETT, lang)}
        value={prioritet}
        onChange={setPrioritet}
        error={fe.prioritet}
      />
      <Kryssrutor
        legend={t('arende.col.aktorer')}
        options={(aktorer.data ?? []).map((x) => ({ value: x.id, label: x.namn }))}
        value={aktorIds}
        onChange={setAktorIds}
        error={fe.aktorIds}
      />
      <div className="field">
        <label style={{ fontWeight: 'normal' }}>
          <input type="checkbox" checked={sip} onChange={(ev) => setSip(ev.target.checked)} />{' '}
          {t('arende.sip.label')}
        </label>
      </div>
      <button type="submit" disabled={save.isPending}>
        {t('case.save')}
      </button>
    </SaveForm>
  );
}

function Anteckningar({ a, verksamhetId }: { a: ArendeItem; verksamhetId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const url = `${base(verksamhetId)}/arenden/${a.id}/anteckningar`;
  const key = ['anteckningar', a.id];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<AnteckningItem[]>(url) });
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<AnteckningItem>(url, { text }),
    onSuccess: () => {
      setText('');
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${url}/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  // The note asked about in the confirmation (deleting cannot be undone).
  const [fraga, setFraga] = useState<AnteckningItem | null>(null);
  const fe = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  return (
    <>
      <p className="hint">{t('arende.anteckningar.hint')}</p>
      <p>
        <a className="button secondary" href={`/api/v1${url}.pdf`} download="anteckningar.pdf">
          {t('arende.anteckningar.pdf')}
        </a>
      </p>
      <ErrorMessage error={list.error ?? remove.error} />
      {list.data?.length === 0 ? <p>{t('arende.anteckningar.none')}</p> : null}
      <ul>
        {(list.data ?? []).map((n) => (
          <li key={n.id}>
            <strong>
              {formatTimestamp(n.createdAt)}
              {n.createdBy ? ` – ${n.createdBy.displayName}` : ''}
            </strong>
            <p style={{ whiteSpace: 'pre-line' }}>{n.text}</p>
            <button
              type="button"
              className="secondary"
              onClick={() => setFraga(n)}
              aria-label={`${t('arende.anteckningar.ta_bort')}: ${formatTimestamp(n.createdAt)}`}
            >
              {t('arende.anteckningar.ta_bort')}
            </button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={fraga !== null}
        title={t('arende.anteckningar.ta_bort.fraga')}
        text={t('arende.anteckningar.ta_bort.text', { tid: fraga ? formatTimestamp(fraga.createdAt) : '' })}
        confirmLabel={t('arende.anteckningar.ta_bort.knapp')}
        onConfirm={() => {
          if (fraga) remove.mutate(fraga.id);
          setFraga(null);
        }}
        onCancel={() => setFraga(null)}
      />
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <ErrorMessage error={add.error} />
        <TextArea
          label={t('arende.anteckningar.ny')}
          value={text}
          rows={3}
          error={fe.text}
          onChange={setText}
        />
        <button type="submit" disabled={add.isPending}>
          {t('arende.anteckningar.save')}
        </button>
      </form>
    </>
  );
}

export function ArendeDetalj() {
  const { id } = useParams();
  const { t } = useI18n();
  const e = useEtikett();
  const v = useVerksamhet();
  const aktorer = useAktorer();
  const qc = useQueryClient();
  const key = ['arende', id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<ArendeItem>(`${base(v.id!)}/arenden/${id}`),
    enabled: Boolean(v.id),
  });
  if (!v.id) {
    return (
      <Page title={t('ko.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const a = q.data;
  const saved = (d: ArendeItem) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['klient', d.klientId] });
    void qc.invalidateQueries({ queryKey: ['klienter'] });
    void qc.invalidateQueries({ queryKey: ['ko'] });
  };
  const aktorNamn = new Map((aktorer.data ?? []).map((x) => [x.id, x.namn]));
  return (
    <Page
      title={a.gallrad ? t('arende.title.gallrad') : t('arende.title', { alias: a.klientAlias ?? '' })}
      actions={
        <p>
          <Link to={`/klienter/${a.klientId}`}>{t('arende.klient')}</Link>
        </p>
      }
    >
      <section className="card" aria-labelledby="fakta">
        <h2 id="fakta">{t('arende.facts')}</h2>
        <dl className="facts">
          <dt>{t('arende.col.status')}</dt>
          <dd>
            <StatusBadge status={a.status} /> {a.gallrad ? <GallradBadge /> : null}
          </dd>
          <dt>{t('arende.col.forfragan')}</dt>
          <dd>{a.forfraganDatum}</dd>
          <dt>{t('arende.col.fran')}</dt>
          <dd>{a.forfraganFran ? e.fran(a.forfraganFran) : t('arende.okant')}</dd>
          <dt>{t('arende.col.vantedagar')}</dt>
          <dd>{a.vantedagar === null ? '–' : formatNumber(a.vantedagar)}</dd>
          <dt>{t('arende.col.start')}</dt>
          <dd>{a.startDatum ?? '–'}</dd>
          <dt>{t('arende.col.ombud')}</dt>
          <dd>{a.ombud?.displayName ?? '–'}</dd>
          <dt>{t('arende.col.avslut')}</dt>
          <dd>{a.avslutDatum ?? '–'}</dd>
          <dt>{t('arende.col.avslutOrsak')}</dt>
          <dd>{a.avslutOrsak ? e.avslut(a.avslutOrsak) : '–'}</dd>
          <dt>{t('arende.col.prioritet')}</dt>
          <dd>{a.prioritet.map(e.prioritet).join(', ') || '–'}</dd>
          <dt>{t('arende.col.kontaktorsaker')}</dt>
          <dd>{a.kontaktorsaker.map(e.orsak).join(', ') || '–'}</dd>
          <dt>{t('arende.col.aktorer')}</dt>
          <dd>{a.aktorIds.map((x) => aktorNamn.get(x) ?? x).join(', ') || '–'}</dd>
          <dt>{t('arende.col.sip')}</dt>
          <dd>{a.sip ? t('case.yes') : t('case.no')}</dd>
          {a.gallrasEfter ? (
            <>
              <dt>{t('arende.col.gallras')}</dt>
              <dd>{a.gallrasEfter}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {a.gallrad ? null : (
        <>
          <section className="card" aria-labelledby="status">
            <h2 id="status">{t('arende.status')}</h2>
            <StatusForm a={a} verksamhetId={v.id} onSaved={saved} />
          </section>
          <section className="card" aria-labelledby="uppgifter">
            <h2 id="uppgifter">{t('arende.uppgifter')}</h2>
            <UppgifterForm key={a.id} a={a} verksamhetId={v.id} onSaved={saved} />
          </section>
          <section className="card" aria-labelledby="anteckningar">
            <h2 id="anteckningar">{t('arende.anteckningar')}</h2>
            <Anteckningar a={a} verksamhetId={v.id} />
          </section>
        </>
      )}
    </Page>
  );
}
