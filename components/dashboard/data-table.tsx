import Link from "next/link";

export type Cell = string | { text: string; href?: string };
type DataTableProps = { caption: string; columns: string[]; rows: { key: string; cells: Cell[] }[] };

// Compact table: the accessible alternative of a chart, and the body of the agents' and report tables.
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <table className="w-full text-left text-[13px]">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={index === 0 ? "py-1.5 pr-3 font-medium" : "py-1.5 pl-3 text-right font-medium"}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) => {
              const text = typeof cell === "string" ? cell : cell.text;
              const href = typeof cell === "string" ? undefined : cell.href;
              const content = href ? (
                <Link href={href} className="focus-ring rounded text-brand-700 hover:underline">
                  {text}
                </Link>
              ) : (
                text
              );
              return index === 0 ? (
                <th key={index} scope="row" className="py-1.5 pr-3 font-normal text-slate-800">
                  {content}
                </th>
              ) : (
                <td key={index} className="py-1.5 pl-3 text-right text-slate-700 tabular-nums">
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
