/** A recap table's header row: one column heading per key, worded by `label`. */
export const TableHead = ({ columns, label }: { columns: readonly string[]; label: (column: string) => string }) => (
  <thead>
    <tr>
      {columns.map((column) => (
        <th key={column} scope="col">
          {label(column)}
        </th>
      ))}
    </tr>
  </thead>
);
