import { describe, expect, it } from "vitest";
import { deserialise, serialise } from "./serialise";

describe("cache serialisation", () => {
  it.each([
    ["a date at the top", new Date("2023-01-02T03:04:05.000Z")],
    ["dates in nested objects and arrays", { a: [new Date("2017-10-18T00:00:00Z")], b: { c: null, d: "x" } }],
    ["plain values", { n: 1, s: "高雄", list: [1, 2, 3], empty: null }],
    ["a null date field", { presentedOn: null }],
  ])("round-trips %s", (_name, value) => {
    expect(deserialise(serialise(value))).toEqual(value);
  });

  it("gives back real Date objects", () => {
    const back = deserialise<{ at: Date }>(serialise({ at: new Date(0) }));
    expect(back.at).toBeInstanceOf(Date);
  });

  it.each([
    ["a Map", { m: new Map() }],
    ["a Set", { s: new Set([1]) }],
    ["a bigint", { b: 1n }],
  ])("refuses %s", (_name, value) => {
    expect(() => serialise(value)).toThrow(/Cannot cache/u);
  });
});
