import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Page } from '../../components/Page.tsx';
import { uploadSpreadsheet, XLSX_MIME } from '../../components/upload.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useVerksamhet } from './common.tsx';

/**
 * Brister from a spreadsheet (CSV or xlsx): the same file formats as the client import, all or nothing.
 * A refused file lists every bad row in words ("Rad 3, kolumn niva: …") in the error summary.
 */
export function BristImport() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ importerade: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (!v.id) {
    return (
      <Page title={t('brist.import.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  }
  const base = `/verksamheter/${v.id}/import/brister`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadSpreadsheet<{ importerade: number }>(base, file, setProgress));
      await qc.invalidateQueries({ queryKey: ['brister'] });
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Page title={t('brist.import.title')}>
      <p>{t('brist.import.lead')}</p>
      <p>
        {t('brist.import.template')}{' '}
        <a href={`/api/v1${base}/mall?format=xlsx`} download>
          {t('brist.import.template.xlsx')}
        </a>
        {' · '}
        <a href={`/api/v1${base}/mall?format=csv`} download>
          {t('brist.import.template.csv')}
        </a>
      </p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('brist.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept={`.csv,text/csv,.xlsx,${XLSX_MIME}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={!file || progress !== null}>
          {t('brist.import.submit')}
        </button>
        {progress !== null ? (
          <p>
            <label>
              {t('brist.import.progress')}{' '}
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
          {t('brist.import.done', { n: formatNumber(result.importerade) })}{' '}
          <Link to="/brister">{t('brist.import.tillLista')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
