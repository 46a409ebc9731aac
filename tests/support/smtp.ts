import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests (smtp-server on a free local port), and a reader that decodes what
 * arrived as a mail client would: folded headers, encoded words, transfer encodings.
 */
export type Received = { from: string; to: string[]; raw: string };

/**
 * Starts the server. Every message is kept in `received`; `onMessage`, if given, is also told of
 * each as it arrives (the browser tests' server writes them to files another process reads).
 */
export async function startTestSmtp(onMessage?: (message: Received) => void): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        received.push(message);
        onMessage?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function headersAndBody(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/gu, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/gu, "") // soft line breaks
    .replace(/[^=\w.~-]/gu, (c) => encodeURIComponent(c)) // a literal % included
    .replace(/=([0-9A-F]{2})/giu, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes);
}

const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/gu, "?==?") // adjacent encoded words join without the space between them
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/giu, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replaceAll("_", " ")),
    );

export function readReceived(message: Received) {
  const { headers, body } = headersAndBody(message.raw);
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/gu, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return {
    headers,
    subject: decodeWords(headers.get("subject") ?? ""),
    from: decodeWords(headers.get("from") ?? ""),
    text: text.replace(/\r\n/gu, "\n").trimEnd(),
  };
}
