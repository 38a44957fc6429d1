import type { ReactNode } from 'react';

interface Props {
  caption: string;
  /** Added to `data-table`. */
  className?: string;
  /** The header cells, one per column. */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  /** Rows for a tfoot, if any. */
  foot?: ReactNode;
}

/** One of the report's summary tables, with its caption and one header row. */
export function ReportTable({ caption, className, head, children, foot }: Props) {
  return (
    <div className="table-wrap">
      <table className={className === undefined ? 'data-table' : `data-table ${className}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
        {foot !== undefined && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}
