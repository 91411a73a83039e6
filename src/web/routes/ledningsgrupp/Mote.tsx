import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MoteDetail } from '../../../contracts/ledningsgrupp.ts';
import { BRIST_OVERGANGAR, type BristStatus } from '../../../domain/brist-status.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { formatNumber } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { StatusBadge, TextArea, useNiva, useStatus, useVerksamhet } from '../brister/common.tsx';
import { useRoll } from './Ledningsgrupp.tsx';

type Punkt = MoteDetail['dagordning'][number];

/**
 * The statuses the group can decide on: taking a registered (or persisting) brist up lifts it first, so the
 * choice starts from lyft_i_ledningsgrupp there.
 */
function valbaraStatusar(s: BristStatus): readonly BristStatus[] {
  return BRIST_OVERGANGAR[s === 'registrerad' ? 'lyft_i_ledningsgrupp' : s];
}

function Beslut({ p, url, onSaved }: { p: Punkt; url: string; onSaved: (m: MoteDetail) => void }) {
  const { t } = useI18n();
  const status = useStatus();
  const [beslut, setBeslut] = useState(p.beslut ?? '');
  const [to, setTo] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<MoteDetail>(`${url}/beslut`, { bristId: p.bristId, beslut, ...(to ? { status: to } : {}) }),
    onSuccess: (m) => {
      setTo('');
      onSaved(m);
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const lyfts = p.status === 'registrerad' || p.status === 'kvarstar';
  return (
    <SaveForm mutation={save} savedText={t('lg.mote.beslut.saved')}>
      <TextArea
        label={t('lg.mote.beslut.for', { titel: p.titel })}
        value={beslut}
        rows={2}
        error={fe.beslut}
        onChange={setBeslut}
      />
      <SelectField
        label={t('lg.mote.beslut.status', { titel: p.titel })}
        value={to}
        error={fe.status}
        onChange={(e) => setTo(e.target.value)}
        options={[
          { value: '', label: lyfts ? t('lg.mote.beslut.lyft') : t('lg.mote.beslut.oforandrad') },
          ...valbaraStatusar(p.status).map((s) => ({ value: s, label: status(s) })),
        ]}
      />
      <button type="submit" className="secondary" disabled={!beslut.trim() || save.isPending}>
        {t('lg.mote.beslut.save')}
      </button>
    </SaveForm>
  );
}

function Protokoll({ m, url, onSaved }: { m: MoteDetail; url: string; onSaved: (m: MoteDetail) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(m.protokoll ?? '');
  useEffect(() => setText(m.protokoll ?? ''), [m.protokoll]);
  const save = useMutation({
    mutationFn: () => api.patch<MoteDetail>(url, { protokoll: text }),
    onSuccess: (d) => {
      onSaved(d);
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  return (
    <SaveForm mutation={save} savedText={t('lg.mote.protokoll.saved')}>
      <TextArea
        label={t('lg.mote.protokoll.text')}
        value={text}
        rows={8}
        error={fe.protokoll}
        onChange={setText}
      />
      <button type="submit" disabled={save.isPending}>
        {t('lg.mote.protokoll.save')}
      </button>
    </SaveForm>
  );
}

export function Mote() {
  const { moteId } = useParams();
  const { t } = useI18n();
  const v = useVerksamhet();
  const niva = useNiva();
  const amneNamn = useAmneNamn();
  const roll = useRoll();
  const qc = useQueryClient();
  const url = `/verksamheter/${v.id}/ledningsgrupp/moten/${moteId}`;
  const key = ['mote', moteId];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<MoteDetail>(url), enabled: Boolean(v.id) });
  if (!v.id)
    return (
      <Page title={t('lg.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const m = q.data;
  const saved = (d: MoteDetail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['ledningsgrupp'] });
    void qc.invalidateQueries({ queryKey: ['brister'] });
  };
  const doc = (kind: string, format: string) => `/api/v1${url}/${kind}.${format}`;
  return (
    <Page
      title={t('lg.mote.title', { datum: m.datum })}
      actions={<Link to="/ledningsgrupp">{t('lg.back')}</Link>}
    >
      <section className="card" aria-labelledby="dokument">
        <h2 id="dokument">{t('lg.mote.dokument')}</h2>
        <ul>
          <li>
            <a href={doc('dagordning', 'pdf')}>{t('lg.mote.dagordning.pdf')}</a>
          </li>
          <li>
            <a href={doc('dagordning', 'docx')}>{t('lg.mote.dagordning.docx')}</a>
          </li>
          <li>
            <a href={doc('protokoll', 'pdf')}>{t('lg.mote.protokoll.pdf')}</a>
          </li>
          <li>
            <a href={doc('protokoll', 'docx')}>{t('lg.mote.protokoll.docx')}</a>
          </li>
        </ul>
        <h3>{t('lg.col.narvarande')}</h3>
        {m.narvaro.length ? (
          <ul>
            {m.narvaro.map((l) => (
              <li key={l.id}>
                {l.namn}, {l.organisation} ({roll(l.rollkategori)})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('lg.mote.narvaro.none')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="dagordning">
        <h2 id="dagordning">{t('lg.mote.dagordning')}</h2>
        {m.dagordning.length === 0 ? <p>{t('lg.mote.dagordning.none')}</p> : null}
        {m.dagordning.map((p) => (
          <article key={p.bristId} aria-labelledby={`p-${p.bristId}`} className="agenda-item">
            <h3 id={`p-${p.bristId}`}>
              <Link to={`/brister/${p.bristId}`}>{p.titel}</Link>
            </h3>
            <p>
              <StatusBadge status={p.status} />{' '}
              {p.ny ? <span className="badge">{t('lg.mote.ny')}</span> : null} {niva(p.niva)} ·{' '}
              {amneNamn({ kod: p.amneKod, namn: p.amneNamn })} · {p.aktorer.join(', ')} ·{' '}
              {t('brist.col.klienter')}: {formatNumber(p.antalKlienter)}
            </p>
            {p.beslut ? (
              <p>
                <strong>{t('lg.mote.beslut')}:</strong> {p.beslut}
              </p>
            ) : null}
            {v.arChef ? <Beslut p={p} url={url} onSaved={saved} /> : null}
          </article>
        ))}
      </section>

      <section className="card" aria-labelledby="protokoll">
        <h2 id="protokoll">{t('lg.mote.protokoll')}</h2>
        {v.arChef ? (
          <Protokoll m={m} url={url} onSaved={saved} />
        ) : (
          <p style={{ whiteSpace: 'pre-line' }}>{m.protokoll ?? ''}</p>
        )}
      </section>
    </Page>
  );
}
