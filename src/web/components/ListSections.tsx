import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Loading } from './Page.tsx';

/**
 * The card that holds a server list (Klienter, Ärenden, Brister, Användare): the count of the selection as
 * its heading, read out when it changes; "Laddar…"; what an empty selection means; a page past the end
 * (a stale link) with the way back to page 1; then the table.
 */
export function ListKort({
  id,
  antal,
  tom,
  lista,
  sidanFinnsInte,
  forstaSidan,
  children,
}: {
  id: string;
  /** The heading: how many the selection holds, in words ("93 klienter"); empty until known. */
  antal: string;
  /** What to say when the selection is empty. */
  tom: ReactNode;
  lista: Pick<
    UseQueryResult<{ total: number; items: unknown[] }>,
    'data' | 'error' | 'isPending' | 'isPlaceholderData'
  >;
  sidanFinnsInte: boolean;
  forstaSidan: string;
  /** The table, shown when the page has rows. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={id} aria-busy={lista.isPlaceholderData}>
      <h2 id={id} aria-live="polite">
        {antal}
      </h2>
      {lista.isPending && !lista.error ? <Loading /> : null}
      {lista.data && lista.data.total === 0 ? <p>{tom}</p> : null}
      {sidanFinnsInte ? (
        <p>
          {t('arenden.sidanFinnsInte')} <Link to={forstaSidan}>{t('arenden.forstaSidan')}</Link>
        </p>
      ) : null}
      {lista.data && lista.data.items.length > 0 ? children : null}
    </section>
  );
}

/**
 * The export card under a list: the selection as CSV or Excel. Either links (`href`, the browser
 * downloads with the session cookie) or buttons (`exportera`, when the request must be a POST — the client
 * search is never put in an address).
 */
export function ExportKort({
  id,
  rubrik,
  hint,
  fel,
  href,
  exportera,
}: {
  id: string;
  rubrik?: string;
  hint: string;
  fel?: unknown;
  href?: (format: 'csv' | 'xlsx') => string;
  exportera?: (format: 'csv' | 'xlsx') => void;
}) {
  const { t } = useI18n();
  const knapp = (format: 'csv' | 'xlsx', text: string) =>
    exportera ? (
      <button type="button" className="secondary" onClick={() => exportera(format)}>
        {text}
      </button>
    ) : (
      <a className="button secondary" href={href?.(format)} download>
        {text}
      </a>
    );
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{rubrik ?? t('arenden.export')}</h2>
      <p className="hint">{hint}</p>
      {fel ? <ErrorMessage error={fel} /> : null}
      <p className="button-row" style={{ justifyContent: 'flex-start' }}>
        {knapp('csv', t('arenden.export.csv'))}
        {knapp('xlsx', t('arenden.export.xlsx'))}
      </p>
    </section>
  );
}
