import { describe, expect, it } from "vitest";
import { ACCOUNTABLE_KINDS, NODE_KINDS, nodeOwner, TRACKABLE_KINDS } from "./nodes";

describe("node kinds", () => {
  it("tracks the accountable kinds and the mid-term plan's strategies, nothing else", () => {
    expect(TRACKABLE_KINDS).toEqual(["agenda_item", "key_point", "program", "strategy"]);
    for (const kind of TRACKABLE_KINDS) expect(NODE_KINDS).toContain(kind);
    expect(ACCOUNTABLE_KINDS).not.toContain("strategy");
  });
});

describe("nodeOwner", () => {
  it("is the department a node names, else the one it inherits, else nobody (city-wide)", () => {
    expect(nodeOwner(3, 7)).toBe(3);
    expect(nodeOwner(null, 7)).toBe(7);
    expect(nodeOwner(null, null)).toBeNull();
  });
});
