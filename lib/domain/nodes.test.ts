import { describe, expect, it } from "vitest";
import { ACCOUNTABLE_KINDS, NODE_KINDS, TRACKABLE_KINDS } from "./nodes";

describe("node kinds", () => {
  it("tracks the accountable kinds and the mid-term plan's strategies, nothing else", () => {
    expect(TRACKABLE_KINDS).toEqual(["agenda_item", "key_point", "program", "strategy"]);
    for (const kind of TRACKABLE_KINDS) expect(NODE_KINDS).toContain(kind);
    expect(ACCOUNTABLE_KINDS).not.toContain("strategy");
  });
});
