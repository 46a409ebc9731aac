import { describe, expect, it } from "vitest";
import { groupBy } from "./collections";

describe("groupBy", () => {
  it("keeps groups and items in input order", () => {
    const groups = groupBy(
      [
        { d: 2, n: "a" },
        { d: 1, n: "b" },
        { d: 2, n: "c" },
      ],
      (x) => x.d,
    );
    expect([...groups.keys()]).toEqual([2, 1]);
    expect(groups.get(2)?.map((x) => x.n)).toEqual(["a", "c"]);
  });
});
