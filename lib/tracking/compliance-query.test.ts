import { describe, expect, it } from "vitest";
import { complianceQueryString, parseComplianceQuery } from "./compliance-query";

describe("parseComplianceQuery", () => {
  it("reads a set id and a period key; absent or empty means all", () => {
    expect(parseComplianceQuery(new URLSearchParams("set=12&cycle=2026-Q4"))).toEqual({
      ok: true,
      filter: { setId: 12, periodKey: "2026-Q4" },
    });
    expect(parseComplianceQuery(new URLSearchParams("set=&cycle="))).toEqual({ ok: true, filter: {} });
    expect(parseComplianceQuery({ set: ["3", "4"] })).toEqual({ ok: true, filter: { setId: 3 } });
    expect(parseComplianceQuery({ set: "all" })).toEqual({ ok: true, filter: { setId: "all" } });
  });

  it("refuses a malformed set id or period key, naming which", () => {
    for (const set of ["abc", "ALL", "0", "-1", "1e3", " 12", "0x10", "99999999999"]) {
      expect(parseComplianceQuery({ set })).toEqual({ ok: false, problem: "set" });
    }
    for (const cycle of ["2026-Q5", "Q4", "2026-M3", "<script>"]) {
      expect(parseComplianceQuery({ cycle })).toEqual({ ok: false, problem: "cycle" });
    }
  });

  it("writes back what it reads", () => {
    const query = "?set=12&cycle=2026-M03";
    const parsed = parseComplianceQuery(new URLSearchParams(query));
    expect(parsed.ok && complianceQueryString(parsed.filter)).toBe(query);
    expect(complianceQueryString({})).toBe("");
    expect(complianceQueryString({ setId: "all" })).toBe("?set=all");
  });
});
