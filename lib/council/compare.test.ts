import { describe, expect, it } from "vitest";
import type { StatusOrNone } from "@/lib/domain/progress";
import {
  compareBudgets,
  compareFigures,
  type FigureInput,
  figureKey,
  latestReportFigures,
  normaliseName,
  pairByKey,
  statusChanges,
} from "./compare";
import type { DatedEntry } from "./progress";

describe("normaliseName", () => {
  it.each([
    ["一般行政", "一般行政"],
    ["一般 行政", "一般行政"],
    [" 事務管理\n", "事務管理"],
    ["ＯＰＥＮ　Ｄａｔａ", "OPENData"], // full-width letters and space
    ["\uF96B", "參"], // CJK compatibility ideograph (seed 000's quirk)
  ])("%j → %j", (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

describe("pairByKey", () => {
  const key = (s: string) => (s.startsWith("?") ? null : (s.split(":")[0] ?? null));
  it.each<[string, string[], string[], Array<[string, string]>, string[], string[]]>([
    [
      "one to one",
      ["x:1", "y:2"],
      ["y:3", "x:4"],
      [
        ["y:2", "y:3"],
        ["x:1", "x:4"],
      ],
      [],
      [],
    ],
    ["left-overs on both sides", ["x:1", "z:9"], ["x:2", "w:8"], [["x:1", "x:2"]], ["z:9"], ["w:8"]],
    [
      "a key printed twice pairs k-th with k-th",
      ["n:23", "n:19"],
      ["n:25", "n:18", "n:7"],
      [
        ["n:23", "n:25"],
        ["n:19", "n:18"],
      ],
      [],
      ["n:7"],
    ],
    ["no key, no pair", ["?:1"], ["?:1"], [], ["?:1"], ["?:1"]],
    ["empty sides", [], ["x:1"], [], [], ["x:1"]],
  ])("%s", (_, a, b, pairs, onlyA, onlyB) => {
    const result = pairByKey(a, b, key, key);
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual(pairs);
    expect(result.onlyA).toEqual(onlyA);
    expect(result.onlyB).toEqual(onlyB);
  });
});

describe("compareBudgets", () => {
  // Seed 002's crosswalk: the printed 合計 and its six parts (NT$ thousands).
  const y2018 = {
    total: 330_433,
    parts: [
      { name: "一般行政", amountThousands: 25_169 },
      { name: "事務管理", amountThousands: 97_033 },
      { name: "文書業務", amountThousands: 9_618 },
      { name: "國際事務", amountThousands: 8_395 },
      { name: "機要業務", amountThousands: 4_360 },
      { name: "人事費及第一預備金", amountThousands: 185_858 },
    ],
  };
  const y2019 = {
    total: 340_000,
    parts: [
      { name: "一般 行政", amountThousands: 26_000 }, // same line, spaced
      { name: "事務管理", amountThousands: 97_033 },
      { name: "智慧城市", amountThousands: 20_000 }, // new line
      { name: "人事費及第一預備金", amountThousands: 196_967 },
    ],
  };

  it("matches lines by normalised name, B's order first, then the lines only A has", () => {
    const result = compareBudgets(y2018, y2019);
    expect(result).toMatchObject({ totalA: 330_433, totalB: 340_000, difference: 9_567 });
    expect(result.lines).toEqual([
      { name: "一般 行政", a: 25_169, b: 26_000, difference: 831 },
      { name: "事務管理", a: 97_033, b: 97_033, difference: 0 },
      { name: "智慧城市", a: null, b: 20_000, difference: 20_000 },
      { name: "人事費及第一預備金", a: 185_858, b: 196_967, difference: 11_109 },
      { name: "文書業務", a: 9_618, b: null, difference: -9_618 },
      { name: "國際事務", a: 8_395, b: null, difference: -8_395 },
      { name: "機要業務", a: 4_360, b: null, difference: -4_360 },
    ]);
  });

  it.each<[string, typeof y2018 | null, typeof y2018 | null, number | null, number | null]>([
    ["no budget in A (2017 has only a report)", null, y2018, null, 330_433],
    ["no budget in B", y2018, null, 330_433, null],
    ["no budget at all", null, null, null, null],
  ])("%s: no differences, lines from the year that has one", (_, a, b, totalA, totalB) => {
    const result = compareBudgets(a, b);
    expect(result).toMatchObject({ totalA, totalB, difference: null });
    expect(result.lines).toHaveLength((a ?? b)?.parts.length ?? 0);
    expect(result.lines.every((l) => l.difference === null)).toBe(true);
    if (a === null && b !== null) expect(result.lines.map((l) => l.a)).toEqual(b.parts.map(() => null));
  });
});

let nextId = 0;
const figure = (documentId: number, label: string | null, value: number, unit = "次"): FigureInput => ({
  id: ++nextId,
  documentId,
  label,
  unit,
  value,
  valueText: value.toLocaleString("en-US"),
});

describe("figureKey", () => {
  it.each<[string | null, string, string | null]>([
    ["本期共計召開", "次", "本期共計召開\u0000次"],
    ["本期共計 召開", " 次", "本期共計召開\u0000次"],
    [null, "件", null],
    ["  ", "件", null],
  ])("%j %j", (label, unit, expected) => {
    expect(figureKey({ label, unit })).toBe(expected);
  });
});

describe("latestReportFigures", () => {
  it("keeps, per label and unit, only the latest report's figures; unlabelled ones stay", () => {
    const spring = [figure(1, "市政會議", 23), figure(1, "首長座談", 19), figure(1, null, 4)];
    const autumn = [figure(2, "市政會議", 25)];
    expect(latestReportFigures([...spring, ...autumn]).map((f) => f.id)).toEqual([
      spring[1]?.id,
      spring[2]?.id,
      autumn[0]?.id,
    ]);
  });
});

describe("compareFigures", () => {
  it("pairs same label and unit, reports changed values and counts the rest", () => {
    const a = [
      figure(5, "本期共計召開", 23),
      figure(5, "本期共計召開", 19),
      figure(5, "本期共計出刊", 49, "期"),
      figure(5, "訪賓", 298, "人"),
      figure(5, null, 16, "位"),
    ];
    const b = [
      figure(9, "本期共計召開", 25),
      figure(9, "本期共計召開", 19),
      figure(9, "本期共計出刊", 52, "期"),
      figure(9, "訪賓", 3, "案"), // same label, other unit: not the same figure
      figure(9, "新案", 7, "件"),
    ];
    const result = compareFigures(a, b);
    expect(result.changed.map((c) => [c.label, c.unit, c.a.value, c.b.value])).toEqual([
      ["本期共計召開", "次", 23, 25],
      ["本期共計出刊", "期", 49, 52],
    ]);
    expect(result.changed[0]?.a).toEqual({ id: a[0]?.id, value: 23, valueText: "23", documentId: 5 });
    expect(result).toMatchObject({ unchanged: 1, onlyA: 2, onlyB: 2 });
  });

  it.each<[string, number, number, number, number]>([
    ["one side empty (2017 report vs 2018 without one)", 3, 0, 3, 0],
    ["other side empty", 0, 2, 0, 2],
  ])("%s", (_, countA, countB, onlyA, onlyB) => {
    const make = (doc: number, n: number) => Array.from({ length: n }, (_, i) => figure(doc, `l${i}`, i));
    expect(compareFigures(make(1, countA), make(2, countB))).toEqual({
      changed: [],
      unchanged: 0,
      onlyA,
      onlyB,
    });
  });
});

describe("statusChanges", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const e = (status: DatedEntry["status"], periodFrom: string, withdrawn = false): DatedEntry => ({
    status,
    periodFrom: day(periodFrom),
    updatedAt: day(periodFrom),
    withdrawnAt: withdrawn ? day(periodFrom) : null,
  });
  const endA = day("2018-12-31");
  const endB = day("2019-12-31");

  it.each<[string, DatedEntry[], [StatusOrNone, StatusOrNone] | null]>([
    [
      "on track in 2018, delayed in 2019",
      [e("on_track", "2018-04-01"), e("delayed", "2019-07-01")],
      ["on_track", "delayed"],
    ],
    ["first update in 2019", [e("completed", "2019-01-01")], ["no_update", "completed"]],
    ["unchanged", [e("on_track", "2018-04-01"), e("on_track", "2019-04-01")], null],
    ["no entries at all", [], null],
    ["only a withdrawn 2019 entry", [e("on_track", "2018-04-01"), e("delayed", "2019-04-01", true)], null],
    ["an entry after both ends", [e("delayed", "2020-01-01")], null],
  ])("%s", (_, entries, expected) => {
    const result = statusChanges([{ item: "x", entries }], endA, endB);
    expect(result).toEqual(expected ? [{ item: "x", from: expected[0], to: expected[1] }] : []);
  });

  it("keeps the items' order", () => {
    const items = ["p", "q", "r"].map((item) => ({ item, entries: [e("delayed", "2019-02-01")] }));
    expect(statusChanges(items, endA, endB).map((c) => c.item)).toEqual(["p", "q", "r"]);
  });
});
