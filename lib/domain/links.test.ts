import { describe, expect, it } from "vitest";
import { type LinkEnd, servesRefusal } from "./links";
import { spansOverlap } from "./plan-years";

const end = (
  kind: LinkEnd["kind"],
  documentKind: LinkEnd["document"]["kind"],
  rocYearFrom: number | null,
  rocYearTo: number | null = null,
  retired = false,
): LinkEnd => ({ kind, retired, document: { kind: documentKind, rocYearFrom, rocYearTo } });

const strategy2023to2026 = end("strategy", "mid_term_plan", 112, 115);

describe("spansOverlap", () => {
  it.each([
    [{ from: 2023, to: 2026 }, { from: 2024, to: 2024 }, true],
    [{ from: 2023, to: 2026 }, { from: 2026, to: 2026 }, true], // the last year counts
    [{ from: 2023, to: 2026 }, { from: 2022, to: 2022 }, false],
    [{ from: 2023, to: 2026 }, { from: 2013, to: 2013 }, false],
    [{ from: 2023, to: 2026 }, { from: 2020, to: 2023 }, true], // plans meeting in one year
    [null, { from: 2024, to: 2024 }, false], // a plan naming no year overlaps nothing
  ])("%j and %j: %s", (a, b, expected) => {
    expect(spansOverlap(a, b)).toBe(expected);
    expect(spansOverlap(b, a)).toBe(expected);
  });
});

describe("servesRefusal: what may serve what", () => {
  it.each([
    ["a 2024 agenda item", end("agenda_item", "policy_outline", 113), null],
    ["a 2026 department plan key point", end("key_point", "department_plan", 115), null],
    ["a 2023 programme", end("program", "department_plan", 112), null],
    ["a 2013 agenda item", end("agenda_item", "policy_outline", 102), "periodsDoNotOverlap"],
    ["a 2018 key point", end("key_point", "department_plan", 107), "periodsDoNotOverlap"],
    ["a 2027 agenda item", end("agenda_item", "policy_outline", 116), "periodsDoNotOverlap"],
    ["an item of a plan naming no year", end("agenda_item", "policy_outline", null), "periodsDoNotOverlap"],
    ["a report section", end("section", "council_report", 113), "notAnItem"],
    ["a strategy", end("strategy", "mid_term_plan", 112, 115), "notAnItem"],
    ["a retired 2024 item", end("agenda_item", "policy_outline", 113, null, true), "retired"],
  ] as const)("%s → a 2023–2026 strategy: %s", (_what, item, expected) => {
    expect(servesRefusal(item, strategy2023to2026)).toBe(expected);
  });

  it("only a mid-term strategy can be served", () => {
    const item = end("agenda_item", "policy_outline", 113);
    expect(servesRefusal(item, end("agenda_item", "policy_outline", 113))).toBe("notAStrategy");
    expect(servesRefusal(item, end("vision", "mid_term_plan", 112, 115))).toBe("notAStrategy");
  });
});
