import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { ImportResultat } from '../../../contracts/cases.ts';
import type { Problem } from '../../../contracts/common.ts';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Page } from '../../components/Page.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { base, useVerksamhet } from './common.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook goes as xlsx, anything else as CSV (the server detects the delimiter and the encoding). */
function contentType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX ? XLSX : 'text/csv';
}

/**
 * Uploads a CSV or xlsx through XMLHttpRequest rather than fetch: only XHR reports upload progress, which a
 * large file from a spreadsheet needs. The server answers with the result or a problem+json listing
 * every bad row (nothing is written then, unless "skip invalid rows" was chosen).
 */
function upload(url: string, file: File, onProgress: (share: number) => void): Promise<ImportResultat> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${url}`);
    xhr.setRequestHeader('content-type', contentType(file));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {
          type: 'about:blank',
          title: xhr.statusText,
          status: xhr.status,
          detail: `Fel ${xhr.status}`,
        };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResultat);
      else reject(new ApiError(xhr.status, body as Problem));
    };
    xhr.onerror = () => reject(new Error('Nätverksfel'));
    xhr.send(file);
  });
}

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
      const r = await upload(
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
            accept={`.csv,text/csv,.xlsx,${XLSX}`}
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
