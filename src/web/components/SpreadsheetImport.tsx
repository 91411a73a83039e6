import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ErrorMessage } from './ErrorMessage.tsx';
import { uploadSpreadsheet, XLSX_MIME } from './upload.ts';

/** The words of one import page, already in the reader's language. */
export interface ImportTexts {
  lead: string;
  template: string;
  templateXlsx: string;
  templateCsv: string;
  file: string;
  submit: string;
  progress: string;
}

/**
 * The body of an import page (clients, brister): what the file should hold, the template in xlsx and CSV,
 * the file field, any options, a progress bar while uploading, then the refusal (every bad row in the
 * error summary) or what was imported. The page owns the words, the address and what a result says.
 */
export function SpreadsheetImport<R>({
  url,
  templateUrl,
  texts,
  options,
  onDone,
  renderResult,
}: {
  /** Where the file is sent (under /api/v1). */
  url: string;
  /** The template's address (under /api/v1); `?format=xlsx|csv` is added. */
  templateUrl: string;
  texts: ImportTexts;
  /** Extra fields in the form, e.g. "skip invalid rows". */
  options?: ReactNode;
  onDone: (result: R) => Promise<unknown>;
  renderResult: (result: R) => ReactNode;
}) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const r = await uploadSpreadsheet<R>(url, file, setProgress);
      setResult(r);
      await onDone(r);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <p>{texts.lead}</p>
      <p>
        {texts.template}{' '}
        <a href={`/api/v1${templateUrl}?format=xlsx`} download>
          {texts.templateXlsx}
        </a>
        {' · '}
        <a href={`/api/v1${templateUrl}?format=csv`} download>
          {texts.templateCsv}
        </a>
      </p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{texts.file}</label>
          <input
            id={fileId}
            type="file"
            accept={`.csv,text/csv,.xlsx,${XLSX_MIME}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {options}
        <button type="submit" disabled={!file || progress !== null}>
          {texts.submit}
        </button>
        {progress !== null ? (
          <p>
            <label>
              {texts.progress}{' '}
              <progress max={1} value={progress}>
                {Math.round(progress * 100)} %
              </progress>
            </label>
          </p>
        ) : null}
      </form>
      <ErrorMessage error={error} />
      {result === null ? null : renderResult(result)}
    </>
  );
}
