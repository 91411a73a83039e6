import type { Problem } from '../contracts/common.ts';

/** An error answer from the API, carrying the problem+json body (Swedish message and failing fields). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail);
  }
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

async function request<T>(method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const { headers: extra, ...rest } = init;
  const res = await fetch(`/api/v1${url}`, {
    method,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
    ...rest,
    // The server answers errors in the language the person reads the app in.
    headers: {
      'accept-language': localStorage.getItem('ombud.lang') === 'en' ? 'en' : 'sv',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(extra as Record<string, string> | undefined),
    },
  });
  if (!res.ok) {
    let problem: Problem;
    try {
      problem = (await res.json()) as Problem;
    } catch {
      problem = {
        type: 'about:blank',
        title: res.statusText,
        status: res.status,
        detail: `Fel ${res.status}`,
      };
    }
    throw new ApiError(res.status, problem);
  }
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  delete: <T>(url: string) => request<T>('DELETE', url),
  /** Raw upload (e.g. text/csv) for imports. */
  upload: <T>(url: string, body: BodyInit, contentType: string) =>
    request<T>('POST', url, undefined, { body, headers: { 'content-type': contentType } }),
};
