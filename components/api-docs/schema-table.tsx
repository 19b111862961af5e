// A table of a schema's fields (name, type, required, constraints, description) for the API reference page.
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SchemaRow } from "@/lib/api/openapi-view";

export type SchemaTableLabels = {
  name: string;
  type: string;
  required: string;
  notes: string;
  yes: string;
  no: string;
};

/** Labels come from the page (one translator per page keeps next-intl's key types cheap to check). */
export function SchemaTable({ rows, labels }: { rows: SchemaRow[]; labels: SchemaTableLabels }) {
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{labels.name}</TableHead>
            <TableHead>{labels.type}</TableHead>
            <TableHead>{labels.required}</TableHead>
            <TableHead>{labels.notes}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.path}>
              <TableCell className="font-mono text-xs whitespace-nowrap text-slate-900">{row.path}</TableCell>
              <TableCell className="max-w-xs font-mono text-xs break-words text-slate-600">{row.type}</TableCell>
              <TableCell className="text-xs">{row.required ? labels.yes : labels.no}</TableCell>
              <TableCell className="text-xs text-slate-600">
                {[...row.constraints, ...(row.description ? [row.description] : [])].join(" · ")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
