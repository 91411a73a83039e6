import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ATERKOPPLING_TYPER, type InboxItem } from '../../../contracts/brister.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { formatNumber, formatTimestamp } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ForsenadBadge, TextArea, useNiva } from './common.tsx';

function Svar({ item }: { item: InboxItem }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [typ, setTyp] = useState<string>('');
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.post<InboxItem>(`/brister/${item.id}/aterkoppling`, { typ, text, aktorId: item.aktor.id }),
    onSuccess: async () => {
      setTyp('');
      setText('');
      await qc.invalidateQueries({ queryKey: ['inkorg'] });
    },
  });
  const fe = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  return (
    <SaveForm mutation={send} savedText={t('inkorg.sent')} label={`${t('inkorg.send')}: ${item.titel}`}>
      <SelectField
        label={`${t('inkorg.typ')} – ${item.titel}`}
        value={typ}
        error={fe.typ}
        onChange={(e) => setTyp(e.target.value)}
        options={[
          { value: '', label: t('brist.form.choose') },
          ...ATERKOPPLING_TYPER.map((x) => ({ value: x, label: t(`aterkoppling.${x}`) })),
        ]}
      />
      <TextArea
        label={`${t('inkorg.text')} – ${item.titel}`}
        value={text}
        rows={3}
        error={fe.text}
        onChange={setText}
      />
      <button type="submit" disabled={!typ || send.isPending}>
        {t('inkorg.send')}
      </button>
    </SaveForm>
  );
}

export function Inkorg() {
  const { t } = useI18n();
  const niva = useNiva();
  const amneNamn = useAmneNamn();
  // ?obesvarade=true (the start page's link) shows only what still waits for an answer.
  const [params, setParams] = useSearchParams();
  const obesvarade = params.get('obesvarade') === 'true';
  const q = useQuery({
    queryKey: ['inkorg', obesvarade],
    queryFn: () => api.get<InboxItem[]>(`/aktor/inbox${obesvarade ? '?obesvarade=true' : ''}`),
  });
  return (
    <Page title={t('inkorg.title')}>
      <p className="lead">{t('inkorg.lead')}</p>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={obesvarade}
            onChange={(e) => setParams(e.target.checked ? { obesvarade: 'true' } : {}, { replace: true })}
          />{' '}
          {t('inkorg.filter.obesvarade')}
        </label>
      </div>
      {q.isPending ? <Loading /> : null}
      <ErrorMessage error={q.error} />
      {q.data?.length === 0 ? <p>{t('inkorg.empty')}</p> : null}
      {q.data?.map((i) => (
        <section key={`${i.id}-${i.aktor.id}`} className="card" aria-labelledby={`b-${i.id}`}>
          <h2 id={`b-${i.id}`}>{i.titel}</h2>
          <p>
            <span className="badge">{i.besvarad ? t('inkorg.besvarad') : t('inkorg.obesvarad')}</span>{' '}
            {i.aterkopplingForsenad ? <ForsenadBadge /> : null}
          </p>
          <dl className="facts">
            <dt>{t('inkorg.from')}</dt>
            <dd>
              {i.verksamhet.namn} ({i.verksamhet.lanNamn})
            </dd>
            <dt>{t('inkorg.skickad')}</dt>
            <dd>{formatTimestamp(i.skickadAt)}</dd>
            <dt>{t('brist.col.niva')}</dt>
            <dd>{niva(i.niva)}</dd>
            <dt>{t('brist.col.amne')}</dt>
            <dd>{amneNamn(i.amne)}</dd>
            <dt>{t('brist.col.observerad')}</dt>
            <dd>{i.observeradDatum}</dd>
            <dt>{t('brist.col.klienter')}</dt>
            <dd>{formatNumber(i.antalKlienter)}</dd>
            <dt>{t('brist.col.kommuner')}</dt>
            <dd>{i.kommuner.map((k) => k.namn).join(', ')}</dd>
          </dl>
          <p style={{ whiteSpace: 'pre-line' }}>{i.beskrivning}</p>
          {i.aterkopplingar.length ? (
            <>
              <h3>{t('inkorg.svar')}</h3>
              <ul>
                {i.aterkopplingar.map((a) => (
                  <li key={a.id}>
                    {formatTimestamp(a.at)}: <strong>{t(`aterkoppling.${a.typ}`)}</strong> – {a.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Svar item={i} />
        </section>
      ))}
    </Page>
  );
}
