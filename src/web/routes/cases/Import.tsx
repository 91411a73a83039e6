import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { ImportResultat } from '../../../contracts/cases.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Page } from '../../components/Page.tsx';
import { uploadSpreadsheet, XLSX_MIME } from '../../components/upload.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { base, useVerksamhet } from './common.tsx';

export function Import() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResultat | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (!v.id) {
    return (
      <Page title={t('import.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || !v.id) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const r = await uploadSpreadsheet<ImportResultat>(
        `${base(v.id)}/import/klienter${skipInvalid ? '?skipInvalid=true' : ''}`,
        file,
        setProgress,
      );
      setResult(r);
      await qc.invalidateQueries();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Page title={t('import.title')}>
      <p>{t('import.lead')}</p>
      <p>
        {t('import.template')}{' '}
        <a href={`/api/v1${base(v.id)}/import/klienter/mall?format=xlsx`} download>
          {t('import.template.xlsx')}
        </a>
        {' · '}
        <a href={`/api/v1${base(v.id)}/import/klienter/mall?format=csv`} download>
          {t('import.template.csv')}
        </a>
      </p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept={`.csv,text/csv,.xlsx,${XLSX_MIME}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{' '}
            {t('import.skipInvalid')}
          </label>
        </div>
        <button type="submit" disabled={!file || progress !== null}>
          {t('import.submit')}
        </button>
        {progress !== null ? (
          <p>
            <label>
              {t('import.progress')}{' '}
              <progress max={1} value={progress}>
                {Math.round(progress * 100)} %
              </progress>
            </label>
          </p>
        ) : null}
      </form>
      <ErrorMessage error={error} />
      {result ? (
        <p role="status" className="alert alert-ok">
          {t('import.done', {
            arenden: formatNumber(result.arenden),
            klienter: formatNumber(result.klienter),
            hoppadeOver: formatNumber(result.hoppadeOver),
          })}
        </p>
      ) : null}
      {result?.fel.length ? (
        <table>
          <caption>{t('import.skipped')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.col.rad')}</th>
              <th scope="col">{t('import.col.kolumn')}</th>
              <th scope="col">{t('import.col.fel')}</th>
            </tr>
          </thead>
          <tbody>
            {result.fel.map((f) => (
              <tr key={`${f.rad}-${f.kolumn}-${f.meddelande}`}>
                <td className="num">{f.rad}</td>
                <td>{f.kolumn ?? '–'}</td>
                <td>{f.meddelande}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
