/**
 * Reads a PDF's text layer in a worker thread (started by lib/import/pdf-text.ts, which sets its
 * time and memory limits). Plain JavaScript loaded by path, so the same file runs under
 * `next start`, vitest and the CLI without any bundler having to understand workers.
 *
 * Before pdf.js sees the file, every compressed (FlateDecode) stream except images is inflated,
 * counting and discarding the output: a small file that unpacks to hundreds of megabytes is
 * refused in a fraction of a second instead of being parsed for a minute (as is one stream that
 * unpacks a hundredfold: text and fonts compress a few times over). Images are skipped
 * because reading text never decodes them.
 *
 * Posts one message: { outcome: "text", text } | { outcome: "tooLarge" } | { outcome: "unreadable" }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { constants, createInflate } from "node:zlib";

/** @type {{ bytes: Uint8Array, limits: { inflatedBytes: number, characters: number } }} */
const { bytes, limits } = workerData;

const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const RATIO = 100;
const SLACK = 1024 * 1024;

/** Bytes one Flate stream unpacks to, counted and discarded; stops once past `budget`. */
function inflatedLength(data, budget) {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 1 << 20 });
    let length = 0;
    inflate.on("data", (chunk) => {
      length += chunk.byteLength;
      if (length > budget) {
        inflate.destroy();
        resolve(length);
      }
    });
    inflate.on("end", () => resolve(length));
    // A damaged stream: what came out counts, and pdf.js decides whether the file is readable.
    inflate.on("error", () => resolve(length));
    inflate.end(data);
  });
}

/** Bytes the non-image Flate streams unpack to, or Infinity once over `budget`. */
async function inflatedSize(budget) {
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = latin1.indexOf("stream", at, "latin1");
    if (keyword < 0) return total;
    at = keyword + 6;
    // "endstream", or a word merely ending in "stream": not the start of a stream's data.
    if (keyword > 0 && /[a-z]/iu.test(String.fromCharCode(latin1[keyword - 1] ?? 0))) continue;
    const objectStart = latin1.lastIndexOf(" obj", keyword, "latin1");
    const dictionary = latin1.toString("latin1", Math.max(objectStart, keyword - 4096, 0), keyword);
    if (!/\/FlateDecode\b/u.test(dictionary) || /\/Subtype\s*\/Image\b/u.test(dictionary)) continue;
    let start = at;
    if (latin1[start] === 0x0d) start += 1;
    if (latin1[start] === 0x0a) start += 1;
    const end = latin1.indexOf("endstream", start, "latin1");
    if (end < 0) return total;
    // Text and fonts compress a few times over; a stream unpacking a hundredfold is a bomb.
    const packed = latin1.subarray(start, end);
    const ratioCap = RATIO * packed.byteLength + SLACK;
    const length = await inflatedLength(packed, Math.min(budget - total, ratioCap));
    total += length;
    if (total > budget || length > ratioCap) return Number.POSITIVE_INFINITY;
    at = end + 9;
  }
}

/** One page's text as unpdf's extractText gives it: items joined, a newline where a line ends. */
async function pageText(pdf, number) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  page.cleanup();
  return content.items
    .filter((item) => item.str != null)
    .map((item) => item.str + (item.hasEOL ? "\n" : ""))
    .join("");
}

/** unpdf's mergePages: true, so the text (and so the checksum) is what earlier imports stored. */
const merge = (texts) =>
  texts
    .join("\n")
    .replace(/[^\S\n]+/gu, " ")
    .replace(/ ?\n ?/gu, "\n")
    .replace(/\n{3,}/gu, "\n\n");

async function extract() {
  if ((await inflatedSize(limits.inflatedBytes)) > limits.inflatedBytes) return { outcome: "tooLarge" };
  // Loaded only for a file that passed the check above: a bomb is refused before pdf.js loads.
  const { getDocumentProxy } = await import("unpdf");
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes);
  } catch {
    return { outcome: "unreadable" };
  }
  const texts = [];
  let characters = 0;
  try {
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const text = await pageText(pdf, number);
      characters += text.length;
      if (characters > limits.characters) return { outcome: "tooLarge" };
      texts.push(text);
    }
  } catch {
    return { outcome: "unreadable" };
  } finally {
    await pdf.destroy();
  }
  return { outcome: "text", text: merge(texts) };
}

parentPort?.postMessage(await extract());
