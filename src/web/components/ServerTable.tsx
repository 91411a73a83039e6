import {
  type ReactTable,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { Fragment, type ReactNode } from 'react';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { TableScroll } from './TableScroll.tsx';

/** The features of a list sorted and paged on the server (TanStack Table in manual mode). */
export const serverListFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
type Features = typeof serverListFeatures;

/**
 * A list sorted and paged by the server: column headings that sort (aria-sort, an arrow), the rows, and
 * "Föregående / Sida n av m / Nästa" under them. The page owns the query, the address and the table.
 */
export function ServerTable<T extends RowData>({
  table,
  caption,
  numeric,
  sida,
  sidor,
  underRad,
  radbryt = [],
}: {
  table: ReactTable<Features, T, unknown>;
  caption: string;
  /** Columns of figures, right-aligned. */
  numeric: readonly string[];
  sida: number;
  sidor: number;
  /** Columns of running text (a title, a list of roles) that wrap, the others keep to one line. */
  radbryt?: readonly string[];
  /** A row of its own under a row, across every column (a panel opened from the row), or null. */
  underRad?: (rad: T) => ReactNode;
}) {
  const { t } = useI18n();
  const num = (id: string) => (numeric.includes(id) ? 'num' : undefined);
  return (
    <>
      <TableScroll label={caption}>
        {/* One line per row: on a phone the table scrolls in its region instead of breaking dates. */}
        <table style={{ whiteSpace: 'nowrap' }}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((grupp) => (
              <tr key={grupp.id}>
                {grupp.headers.map((h) => {
                  const riktning = h.column.getIsSorted();
                  const rubrik = String(h.column.columnDef.header ?? h.id);
                  if (!h.column.getCanSort())
                    return (
                      <th key={h.id} scope="col" className={num(h.column.id)}>
                        {rubrik}
                      </th>
                    );
                  return (
                    <SortRubrik
                      key={h.id}
                      rubrik={rubrik}
                      riktning={riktning}
                      className={num(h.column.id)}
                      onSort={h.column.getToggleSortingHandler()}
                    />
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((rad) => {
              const under = underRad?.(rad.original);
              return (
                <Fragment key={rad.id}>
                  <tr>
                    {rad.getAllCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={num(cell.column.id)}
                        style={radbryt.includes(cell.column.id) ? RADBRYT : undefined}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                  {under ? (
                    <tr className="manage-row">
                      <td colSpan={rad.getAllCells().length} style={{ whiteSpace: 'normal' }}>
                        {under}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {sidor > 1 ? (
        <nav
          aria-label={t('arenden.sidor')}
          className="button-row"
          style={{ justifyContent: 'flex-start', alignItems: 'center' }}
        >
          <button
            type="button"
            className="secondary"
            onClick={() => table.previousPage()}
            {...avstangd(!table.getCanPreviousPage())}
          >
            {t('arenden.foregaende')}
          </button>
          <span>{t('arenden.sida', { sida: formatNumber(sida), antal: formatNumber(sidor) })}</span>
          <button
            type="button"
            className="secondary"
            onClick={() => table.nextPage()}
            {...avstangd(!table.getCanNextPage())}
          >
            {t('arenden.nasta')}
          </button>
        </nav>
      ) : null}
    </>
  );
}

/**
 * A paging button that cannot be used now: aria-disabled rather than disabled, so the button just pressed
 * to reach the last page keeps the keyboard focus (a disabled button drops it). TanStack's previousPage and
 * nextPage do nothing past the ends.
 */
const avstangd = (nej: boolean) =>
  nej ? { 'aria-disabled': true as const, style: { opacity: 0.6, cursor: 'not-allowed' } } : {};

/** A column heading that sorts: reads as the heading, not as a big button. */
const SORTKNAPP = {
  background: 'none',
  border: 'none',
  color: 'var(--brand)',
  padding: 0,
  font: 'inherit',
  fontWeight: 600,
  textAlign: 'inherit',
  textDecoration: 'underline',
  cursor: 'pointer',
} as const;

/** A column of running text: it wraps, but never narrower than a readable line on a phone. */
const RADBRYT = { whiteSpace: 'normal', minWidth: '14em' } as const;

/** A column heading that sorts (aria-sort, an arrow); also for a list ordered outside a TanStack table. */
export function SortRubrik({
  rubrik,
  riktning,
  onSort,
  className,
}: {
  rubrik: string;
  riktning: 'asc' | 'desc' | false;
  onSort: ((e: unknown) => void) | undefined;
  className?: string | undefined;
}) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={riktning === 'asc' ? 'ascending' : riktning === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" onClick={onSort} style={SORTKNAPP}>
        {rubrik}
        <span aria-hidden="true" style={{ display: 'inline-block', minWidth: '1.2em' }}>
          {riktning === 'asc' ? ' ▲' : riktning === 'desc' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}
