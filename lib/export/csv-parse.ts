/**
 * Reads CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a
 * UTF-8 byte-order mark), the counterpart of csv.ts. The apostrophe csv.ts puts before a cell a
 * spreadsheet would run as a formula is taken off again, so an exported file round-trips.
 */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV line ${line}: a quoted field is not closed.`);
    this.name = "CsvSyntaxError";
  }
}

const PROTECTED_FORMULA = /^'[=+\-@\t\r]/u;

export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/u, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const endField = () => {
    row.push(PROTECTED_FORMULA.test(field) ? field.slice(1) : field);
    field = "";
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i += 1;
      endField();
      rows.push(row);
      row = [];
      line += 1;
    } else field += c;
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  // Spreadsheets add empty lines at the end; they are not rows.
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}
