import type { Problem } from '../../contracts/common.ts';
import { ApiError } from '../api.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook goes as xlsx, anything else as CSV (the server detects the delimiter and the encoding). */
export function spreadsheetType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME ? XLSX_MIME : 'text/csv';
}

/**
 * Uploads a spreadsheet (CSV or xlsx) as the request body through XMLHttpRequest rather than fetch: only XHR
 * reports upload progress. Resolves with the JSON answer; rejects with an ApiError carrying the
 * problem+json (every bad row of the file in `errors`).
 */
export function uploadSpreadsheet<T>(
  url: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${url}`);
    xhr.setRequestHeader('content-type', spreadsheetType(file));
    // As api.ts: the rows' errors come back in the language the person reads the app in.
    xhr.setRequestHeader('accept-language', localStorage.getItem('ombud.lang') === 'en' ? 'en' : 'sv');
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body as Problem));
    };
    xhr.onerror = () => reject(new Error('Nätverksfel'));
    xhr.send(file);
  });
}
