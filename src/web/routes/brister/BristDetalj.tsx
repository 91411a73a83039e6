import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { BristDetail } from '../../../contracts/brister.ts';
import { BRIST_OVERGANGAR, type BristStatus } from '../../../domain/brist-status.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber, formatTimestamp } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ForsenadBadge, StatusBadge, TextArea, useNiva, useStatus, useVerksamhet } from './common.tsx';

function StatusForm({ b, onSaved }: { b: BristDetail; onSaved: (d: BristDetail) => void }) {
  const { t } = useI18n();
  const status = useStatus();
  const nasta = BRIST_OVERGANGAR[b.status];
  const [to, setTo] = useState<string>('');
  const [kommentar, setKommentar] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<BristDetail>(`/brister/${b.id}/status`, {
        status: to,
        ...(kommentar.trim() ? { kommentar } : {}),
      }),
    onSuccess: (d) => {
      setTo('');
      setKommentar('');
      onSaved(d);
    },
  });
  if (nasta.length === 0) return <p>{t('brist.detail.status.final')}</p>;
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <SaveForm mutation={save} savedText={t('brist.detail.status.saved')}>
      <SelectField
        label={t('brist.detail.status.new')}
        value={to}
        error={fe.status}
        onChange={(e) => setTo(e.target.value)}
        options={[
          { value: '', label: t('brist.form.choose') },
          ...nasta.map((s: BristStatus) => ({ value: s, label: status(s) })),
        ]}
      />
      <TextArea
        label={t('brist.detail.status.comment')}
        value={kommentar}
        rows={2}
        error={fe.kommentar}
        onChange={setKommentar}
      />
      <button type="submit" disabled={!to || save.isPending}>
        {t('brist.detail.status.save')}
      </button>
    </SaveForm>
  );
}

function AtgardForm({ id, onSaved }: { id: string; onSaved: (d: BristDetail) => void }) {
  const { t } = useI18n();
  const [datum, setDatum] = useState(() =>
    new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
  );
  const [text, setText] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<BristDetail>(`/brister/${id}/atgarder`, { datum, text }),
    onSuccess: (d) => {
      setText('');
      onSaved(d);
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <ErrorMessage error={save.error} />
      <Field
        label={t('brist.detail.atgard.datum')}
        type="date"
        value={datum}
        error={fe.datum}
        onChange={(e) => setDatum(e.target.value)}
      />
      <TextArea
        label={t('brist.detail.atgard.text')}
        value={text}
        rows={3}
        error={fe.text}
        onChange={setText}
      />
      <button type="submit" className="secondary" disabled={save.isPending}>
        {t('brist.detail.atgard.save')}
      </button>
    </form>
  );
}

export function BristDetalj() {
  const { id } = useParams();
  const { t } = useI18n();
  const v = useVerksamhet();
  const niva = useNiva();
  const amneNamn = useAmneNamn();
  const status = useStatus();
  const qc = useQueryClient();
  const key = ['brist', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<BristDetail>(`/brister/${id}`) });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const b = q.data;
  const saved = (d: BristDetail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['brister'] });
  };
  return (
    <Page title={b.titel}>
      <section className="card" aria-labelledby="uppgifter">
        <h2 id="uppgifter">{t('brist.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('brist.col.status')}</dt>
          <dd>
            <StatusBadge status={b.status} /> {b.aterkopplingForsenad ? <ForsenadBadge /> : null}
          </dd>
          <dt>{t('brist.col.niva')}</dt>
          <dd>{niva(b.niva)}</dd>
          <dt>{t('brist.col.amne')}</dt>
          <dd>{amneNamn(b.amne)}</dd>
          <dt>{t('brist.col.observerad')}</dt>
          <dd>{b.observeradDatum}</dd>
          <dt>{t('brist.col.klienter')}</dt>
          <dd>{formatNumber(b.antalKlienter)}</dd>
          <dt>{t('brist.col.kommuner')}</dt>
          <dd>{b.kommuner.map((k) => k.namn).join(', ')}</dd>
          <dt>{t('brist.col.aktorer')}</dt>
          <dd>
            <ul>
              {b.aktorer.map((a) => (
                <li key={a.id}>
                  {a.namn} –{' '}
                  {a.skickadAt
                    ? t('brist.detail.sentAt', { at: formatTimestamp(a.skickadAt) })
                    : t('brist.detail.notSent')}
                  {a.besvarad ? `, ${t('brist.detail.answered')}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <p style={{ whiteSpace: 'pre-line' }}>{b.beskrivning}</p>
      </section>

      <section className="card" aria-labelledby="aterkoppling">
        <h2 id="aterkoppling">{t('brist.detail.aterkoppling')}</h2>
        {b.aterkopplingar.length === 0 ? (
          <p>{t('brist.detail.aterkoppling.none')}</p>
        ) : (
          <ul>
            {b.aterkopplingar.map((a) => (
              <li key={a.id}>
                <strong>
                  {a.aktor.namn}, {formatTimestamp(a.at)}: {t(`aterkoppling.${a.typ}`)}
                </strong>
                <p style={{ whiteSpace: 'pre-line' }}>{a.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {v.kanSkriva ? (
        <section className="card" aria-labelledby="andra-status">
          <h2 id="andra-status">{t('brist.detail.status')}</h2>
          <StatusForm b={b} onSaved={saved} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="atgarder">
        <h2 id="atgarder">{t('brist.detail.atgarder')}</h2>
        {b.atgarder.length === 0 ? (
          <p>{t('brist.detail.atgarder.none')}</p>
        ) : (
          <ul>
            {b.atgarder.map((a) => (
              <li key={a.id}>
                {a.datum}: {a.text} <span className="muted">({a.anvandare})</span>
              </li>
            ))}
          </ul>
        )}
        {v.kanSkriva ? <AtgardForm id={b.id} onSaved={saved} /> : null}
      </section>

      <section className="card" aria-labelledby="historik">
        <h2 id="historik">{t('brist.detail.history')}</h2>
        <TableScroll label={t('brist.detail.history.caption')}>
          <table>
            <caption className="sr-only">{t('brist.detail.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('brist.detail.when')}</th>
                <th scope="col">{t('brist.detail.from')}</th>
                <th scope="col">{t('brist.detail.to')}</th>
                <th scope="col">{t('brist.detail.who')}</th>
                <th scope="col">{t('brist.detail.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {b.handelser.map((h) => (
                <tr key={`${h.at}-${h.fromStatus}-${h.toStatus}`}>
                  <td>{formatTimestamp(h.at)}</td>
                  <td>{h.fromStatus ? status(h.fromStatus) : '–'}</td>
                  <td>{status(h.toStatus)}</td>
                  <td>{h.anvandare}</td>
                  <td>{h.kommentar ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </Page>
  );
}
