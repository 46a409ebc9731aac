import { deflateSync } from "node:zlib";

/**
 * A one-page PDF written by hand around a content stream (Helvetica, no embedded font), with a
 * correct cross-reference table: small and fast enough for unit tests, unlike printing one with
 * Chromium (tests/support/print-pdf.ts, for real Chinese text).
 */
export function onePagePdf(content: Uint8Array, options: { flate?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const stream = options.flate ? deflateSync(content) : Buffer.from(content);
  const filter = options.flate ? " /Filter /FlateDecode" : "";
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.byteLength}${filter} >>\nstream\n`),
      stream,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = parts[0]!.byteLength;
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.byteLength;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
  ].join("\n");
  return new Uint8Array(Buffer.concat([...parts, Buffer.from(`${xref}\n`)]));
}

/** Text drawn line by line in Helvetica (ASCII only: no font is embedded). */
export function textPdf(lines: string[], options: { flate?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const escape = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`);
  const ops = lines.map((line, i) => `BT /F1 10 Tf 40 ${800 - i * 12} Td (${escape(line)}) Tj ET`);
  return onePagePdf(Buffer.from(ops.join("\n")), options);
}

/**
 * A "PDF bomb": a small file whose page content unpacks to `megabytes` of spaces (a valid content
 * stream that draws nothing), as in the hardening report (0.9 MB unpacking to 250 MB).
 */
export function bombPdf(megabytes: number): Uint8Array<ArrayBuffer> {
  return onePagePdf(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { flate: true });
}
