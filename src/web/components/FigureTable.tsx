import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll.tsx';

export interface FigureColumn {
  label: ReactNode;
  /** Right-aligned figures. */
  num?: boolean;
}

export interface FigureRow {
  key: string | number;
  /** The row's header cell (th scope="row"), under the first column. */
  head?: ReactNode;
  cells: ReactNode[];
}

/**
 * A table of figures: a caption (visible, or for screen readers only), column headers, rows with an
 * optional row header, and an optional total row. Figures are formatted by the caller.
 */
export function FigureTable({
  caption,
  captionHidden,
  columns,
  rows,
  total,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: FigureColumn[];
  rows: FigureRow[];
  total?: FigureRow | undefined;
}) {
  const cellColumns = columns.slice(columns.length - (rows[0]?.cells.length ?? total?.cells.length ?? 0));
  const row = (r: FigureRow) => (
    <tr key={r.key}>
      {r.head !== undefined ? <th scope="row">{r.head}</th> : null}
      {r.cells.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
        <td key={i} className={cellColumns[i]?.num ? 'num' : undefined}>
          {c}
        </td>
      ))}
    </tr>
  );
  return (
    <TableScroll label={caption}>
      <table>
        <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
        {total ? <tfoot>{row(total)}</tfoot> : null}
      </table>
    </TableScroll>
  );
}
