import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import {
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { serverListFeatures } from './ServerTable.tsx';

/**
 * What every list paged, sorted and filtered on the server (klienter, ärenden, the log, brister, användare)
 * does the same way: the view (filters, order, page) lives in the address, so a link or a reload opens the
 * list as it was; a page is fetched with the previous one kept on screen while the next loads (the button
 * just pressed keeps its focus), never across a change of scope (an organisation switch); the TanStack
 * table is driven by the address; the export carries the same filters.
 */

/** Address parameters in order, defaults left out. */
export type Adressdelar = Array<[string, string]>;

/** Address parameters from named values, in their order; empty ones left out. */
export const delar = (u: Record<string, string>): Adressdelar =>
  Object.entries(u).filter(([, v]) => v !== '');

/** An address from its parameters; commas stay commas (`status=aktiv,ko`). */
export function adress(delar: Adressdelar): string {
  const s = delar.map(([k, x]) => `${k}=${encodeURIComponent(x).replace(/%2C/gi, ',')}`).join('&');
  return s ? `?${s}` : '';
}

/** A comma-separated list of codes from the address, unknown codes dropped. */
export function koder<K extends string>(p: URLSearchParams, namn: string, tillatna: readonly K[]): K[] {
  return (p.get(namn) ?? '').split(',').filter((s): s is K => (tillatna as readonly string[]).includes(s));
}

/** One code from the address, or '' when missing or unknown. */
export function kod<K extends string>(p: URLSearchParams, namn: string, tillatna: readonly K[]): K | '' {
  const v = p.get(namn);
  return v !== null && (tillatna as readonly string[]).includes(v) ? (v as K) : '';
}

/**
 * The view held in the address: `las` reads it (unknown values dropped rather than sent), `skriv` writes
 * it. `ga` opens another view of the same list (a history entry, so Back returns to the previous one).
 */
export function useListAdress<V>(las: (p: URLSearchParams) => V, skriv: (v: V) => Adressdelar) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const vy = las(params);
  return {
    vy,
    ga: (ny: V) => navigate(`${pathname}${adress(skriv(ny))}`),
    /** The link to a view (relative: the same page). */
    lank: (ny: V) => adress(skriv(ny)) || pathname,
  };
}

/**
 * A filter form's draft: edited freely and applied with Visa; when the address's view changes (Back, a
 * link, Rensa) the draft follows it. The form stays mounted, so focus stays where it was.
 */
export function useUtkast<U>(urval: U, skriv: (u: U) => Adressdelar): [U, Dispatch<SetStateAction<U>>] {
  const [utkast, setUtkast] = useState<U>(urval);
  const nyckel = adress(skriv(urval));
  const [forraNyckel, setForraNyckel] = useState(nyckel);
  if (nyckel !== forraNyckel) {
    setForraNyckel(nyckel);
    setUtkast(urval);
  }
  return [utkast, setUtkast];
}

/**
 * One page of the list. `scope` is what the list belongs to (the verksamhet's id; null for a list of its
 * own): the previous page stays while the next loads only within the same scope.
 */
export function useListFraga<F, D>(c: {
  namn: string;
  scope?: string | null | undefined;
  fraga: F;
  hamta: (f: F) => Promise<D>;
  enabled?: boolean;
}) {
  const scope = c.scope ?? null;
  return useQuery({
    queryKey: [c.namn, scope, c.fraga] as QueryKey,
    queryFn: () => c.hamta(c.fraga),
    enabled: c.enabled ?? true,
    placeholderData: (forra, forraQuery) =>
      forraQuery?.queryKey[1] === scope ? keepPreviousData(forra) : undefined,
  });
}

/** The filters as query parameters: repeated for a list (`status=a&status=b`), left out when empty. */
export function fragaParametrar(u: Record<string, string | readonly string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(u)) {
    if (v === undefined || v === '') continue;
    if (typeof v === 'string') p.set(k, v);
    else for (const x of v) p.append(k, x);
  }
  return p;
}

/** The request for one page of a list asked with query parameters: its filters and order, then the page. */
export const sidfraga =
  <V>(urval: (v: V) => URLSearchParams) =>
  (vy: V & { limit: number; offset: number }): string => {
    const p = urval(vy);
    p.set('limit', String(vy.limit));
    p.set('offset', String(vy.offset));
    return p.toString();
  };

/** The export's link: the list's filters and order, and the format. */
export function exportLank(url: string, filter: URLSearchParams, format: 'csv' | 'xlsx'): string {
  const p = new URLSearchParams(filter);
  p.set('format', format);
  return `/api/v1${url}?${p.toString()}`;
}

/** Downloads an export sent as a POST (a search term stays out of every address), saved from a blob. */
export async function laddaNer(url: string, body: unknown, fallback: string) {
  const res = await fetch(`/api/v1${url}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(res.status, await res.json());
  const namn = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = namn ? decodeURIComponent(namn) : fallback;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A view of a list paged by number and sorted by one column. */
export interface ListVy<U, S extends string> {
  urval: U;
  sort: S;
  /** 1-based. */
  sida: number;
}

const losUppdatering = <T>(u: Updater<T>, nu: T): T => (typeof u === 'function' ? (u as (x: T) => T)(nu) : u);

/**
 * A list paged and sorted on the server, its view in the address (the filters as `urval` says, then
 * `sort` unless the default, then `sida` unless the first): the view, the page's query, the TanStack table
 * (manual sorting and paging, one column at a time, driven by the address) and the caption that says the
 * order.
 */
export function useServerList<
  U,
  S extends string,
  F,
  T extends RowData,
  D extends { total: number; items: T[] },
>(c: {
  /** The list's name in the query cache. */
  namn: string;
  scope?: string | null | undefined;
  urval: { las: (p: URLSearchParams) => U; skriv: (u: U) => Adressdelar };
  sort: { ordningar: readonly S[]; standard: S };
  sidstorlek: number;
  /** The request for one page (a query string or a body); it is the query's key too. */
  fraga: (v: ListVy<U, S> & { limit: number; offset: number }) => F;
  hamta: (f: F) => Promise<D>;
  kolumner: readonly ColumnDef<typeof serverListFeatures, T, unknown>[];
  radId: (r: T) => string;
  enabled?: boolean;
  /** The caption's words: `{kolumn}` and `{riktning}` filled in. */
  caption: string;
}) {
  const { t } = useI18n();
  const arSort = (s: string | null): s is S =>
    s !== null && (c.sort.ordningar as readonly string[]).includes(s);
  const las = (p: URLSearchParams): ListVy<U, S> => {
    const sort = p.get('sort');
    const sida = Math.floor(Number(p.get('sida') ?? '1'));
    return {
      urval: c.urval.las(p),
      sort: arSort(sort) ? sort : c.sort.standard,
      sida: Number.isFinite(sida) && sida > 1 ? sida : 1,
    };
  };
  const skriv = (v: ListVy<U, S>): Adressdelar => [
    ...c.urval.skriv(v.urval),
    ...(v.sort !== c.sort.standard ? ([['sort', v.sort]] as Adressdelar) : []),
    ...(v.sida > 1 ? ([['sida', String(v.sida)]] as Adressdelar) : []),
  ];
  const { vy, ga, lank } = useListAdress(las, skriv);
  const lista = useListFraga({
    namn: c.namn,
    scope: c.scope,
    fraga: c.fraga({ ...vy, limit: c.sidstorlek, offset: (vy.sida - 1) * c.sidstorlek }),
    hamta: c.hamta,
    enabled: c.enabled ?? true,
  });
  const fallande = vy.sort.startsWith('-');
  const sortFalt = fallande ? vy.sort.slice(1) : vy.sort;
  const sorting: SortingState = [{ id: sortFalt, desc: fallande }];
  const pagination: PaginationState = { pageIndex: vy.sida - 1, pageSize: c.sidstorlek };
  const table = useTable({
    features: serverListFeatures,
    columns: c.kolumner,
    data: lista.data?.items ?? (TOM as T[]),
    getRowId: c.radId,
    state: { sorting, pagination },
    onSortingChange: (u) => {
      const [s] = losUppdatering(u, sorting);
      const sort = s ? `${s.desc ? '-' : ''}${s.id}` : c.sort.standard;
      ga({ ...vy, sort: arSort(sort) ? sort : c.sort.standard, sida: 1 });
    },
    onPaginationChange: (u) => ga({ ...vy, sida: losUppdatering(u, pagination).pageIndex + 1 }),
    manualSorting: true,
    manualPagination: true,
    rowCount: lista.data?.total ?? 0,
    enableSortingRemoval: false,
    enableMultiSort: false,
    autoResetPageIndex: false,
  });
  const rubrik = c.kolumner.find((k) => k.id === sortFalt)?.header;
  const caption = c.caption
    .replace('{kolumn}', typeof rubrik === 'string' ? rubrik : sortFalt)
    .replace('{riktning}', t(fallande ? 'arenden.fallande' : 'arenden.stigande'));
  return {
    vy,
    /** Opens another view; new filters start at page 1 in the same order. */
    ga,
    visa: (urval: U) => ga({ urval, sort: vy.sort, sida: 1 }),
    lank,
    lista,
    table,
    sidor: table.getPageCount(),
    caption,
    /** The page asked for lies past the end of the selection (a stale link). */
    sidanFinnsInte: Boolean(lista.data && lista.data.total > 0 && lista.data.items.length === 0),
    forstaSidan: lank({ ...vy, sida: 1 }),
  };
}

const TOM: unknown[] = [];
