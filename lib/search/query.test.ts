import { describe, expect, it } from "vitest";
import { searchHref } from "./query";
import { entryBoost, KIND_BOOST } from "./ranking";
import { SEARCH_KINDS } from "./schemas";

describe("searchHref", () => {
  it.each([
    [{ type: "node", id: 527, nodeId: 527, documentId: 2 }, "/nodes/527"],
    [{ type: "progress_entry", id: 9, nodeId: 294, documentId: 1 }, "/nodes/294#progress-heading"],
    [{ type: "report_figure", id: 40, nodeId: 747, documentId: 4 }, "/nodes/747#figures-heading"],
    [{ type: "report_figure", id: 41, nodeId: null, documentId: 4 }, "/documents/4#figures-heading"],
    [{ type: "budget_line", id: 7, nodeId: 601, documentId: 3 }, "/documents/3#budget-heading"],
  ] as const)("%j → %s", (entry, href) => {
    expect(searchHref(entry)).toBe(href);
  });
});

describe("entryBoost", () => {
  it("has a boost for every kind, halves it for retired nodes, and divides by log2(1 + length)", () => {
    for (const kind of SEARCH_KINDS) expect(KIND_BOOST[kind]).toBeGreaterThan(0);
    expect(entryBoost("strategy", false, 1)).toBe(1.3);
    expect(entryBoost("strategy", true, 1)).toBe(0.65);
    expect(entryBoost("strategy", false, 7)).toBeCloseTo(1.3 / 3);
    expect(entryBoost("strategy", false, 0)).toBe(1.3);
    expect(entryBoost("agenda_item", false, 10)).toBeGreaterThan(entryBoost("budget_line", false, 10));
  });
});
