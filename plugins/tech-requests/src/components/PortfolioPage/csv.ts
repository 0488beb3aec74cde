/** A cell of a table that can be downloaded. */
export type CsvValue = string | number | undefined;

/** A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
function field(value: CsvValue): string {
  const text = value === undefined ? '' : String(value);
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula.
  const safe =
    /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV text, the header first, lines ended with CRLF. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows]
    .map(row => row.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Offers the text as a file to save. */
export function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(
    new Blob([csv], { type: 'text/csv;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
