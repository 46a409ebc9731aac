import { describe, expect, it } from "vitest";
import { coversPeriod, reportFor, type UpdateState } from "./updates";

const day = (d: string) => new Date(`${d}T00:00:00Z`); // as DATE columns arrive
const Q4 = { periodFrom: day("2026-10-01"), periodTo: day("2026-12-31") };
const YEAR = { periodFrom: day("2026-01-01"), periodTo: day("2026-12-31") };
const Q3 = { periodFrom: day("2026-07-01"), periodTo: day("2026-09-30") };

let nextId = 1;
const entry = (
  state: UpdateState,
  savedAt: string,
  period = Q4,
  withdrawnAt: Date | null = null,
): { id: number; state: UpdateState; updatedAt: Date; withdrawnAt: Date | null } & typeof Q4 => ({
  id: nextId++,
  state,
  updatedAt: new Date(savedAt),
  withdrawnAt,
  ...period,
});

describe("coversPeriod", () => {
  it("lets a whole-year update answer for its quarters, never a quarter for the year", () => {
    expect(coversPeriod(Q4, Q4)).toBe(true);
    expect(coversPeriod(YEAR, Q4)).toBe(true);
    expect(coversPeriod(Q4, YEAR)).toBe(false);
    expect(coversPeriod(Q3, Q4)).toBe(false);
  });
});

describe("reportFor: the update that answers for a cycle", () => {
  it("is nothing when no update covers the period", () => {
    expect(reportFor([entry("published", "2026-08-01T00:00:00Z", Q3)], Q4)).toBeUndefined();
  });

  it("prefers the newest update sent for sign-off over a newer draft", () => {
    const sent = entry("submitted", "2027-01-05T00:00:00Z", YEAR);
    const draft = entry("draft", "2027-01-06T00:00:00Z");
    expect(reportFor([draft, sent], Q4)).toBe(sent);
  });

  it("falls back to the newest draft or returned update when none was sent", () => {
    const returned = entry("returned", "2027-01-05T00:00:00Z");
    const draft = entry("draft", "2027-01-04T00:00:00Z");
    expect(reportFor([draft, returned], Q4)).toBe(returned);
  });

  it("ignores withdrawn updates", () => {
    const withdrawn = entry("published", "2027-01-05T00:00:00Z", Q4, new Date("2027-01-07T00:00:00Z"));
    const draft = entry("draft", "2027-01-04T00:00:00Z");
    expect(reportFor([withdrawn, draft], Q4)).toBe(draft);
  });

  it("breaks a tie in save time by the later record", () => {
    const a = entry("published", "2027-01-05T00:00:00Z");
    const b = entry("approved", "2027-01-05T00:00:00Z");
    expect(reportFor([b, a], Q4)).toBe(b);
  });
});
