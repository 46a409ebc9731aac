/**
 * `npm run bench:uploads`: how fast a PDF bomb (a 250 KB file unpacking to 250 MB) is refused, and
 * the event loop's longest stall meanwhile (what /api/health would wait), over a few runs. Speed is
 * measured here and reported, not asserted in tests (tests check the refusal and that nothing is written).
 */
import { performance } from "node:perf_hooks";
import { extractPdfText } from "@/lib/import/pdf-text";
import { bombPdf } from "@/tests/support/pdf";
import { percentile } from "./bench-support";

const RUNS = 10;
process.stdout.write(`Compressing a 250 MB bomb (not timed)…\n`);
const bomb = bombPdf(250);
const refusals: number[] = [];
const stalls: number[] = [];
for (let run = 0; run < RUNS; run++) {
  let longestStall = 0;
  let last = performance.now();
  const beat = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  const outcome = await extractPdfText("bomb.pdf", bomb).then(
    () => "read (not refused!)",
    (error: unknown) => (error as { rejection?: { code?: string } }).rejection?.code ?? String(error),
  );
  refusals.push(performance.now() - started);
  clearInterval(beat);
  stalls.push(longestStall);
  if (run === 0)
    process.stdout.write(`Outcome: ${outcome}; file ${bomb.byteLength.toLocaleString()} bytes\n`);
}
const show = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`;
};
process.stdout.write(
  `${RUNS} runs\n  refusal:            ${show(refusals)}\n  event-loop stall:   ${show(stalls)}\n`,
);
process.exit(0);
