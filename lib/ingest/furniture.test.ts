import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseText, parseAnyDocument } from "./index";
import {
  councilReport,
  departmentPlan,
  letterSpaceHeadings,
  PAGE_NUMBER_STYLES,
  paginate,
  policyOutline,
  reflow,
} from "./testing/genres";

const shape = (text: string) =>
  parseAnyDocument(text).nodes.map((n) => `${n.numberLabel ?? ""}${n.title ?? ""}|${n.children.length}`);

describe("transformations that must not change what is read", () => {
  it("page furniture in every style, with or without form feeds, the title repeated as the header", () => {
    fc.assert(
      fc.property(
        fc.oneof(councilReport, departmentPlan, policyOutline),
        fc.integer({ min: 3, max: 9 }),
        fc.constantFrom(...PAGE_NUMBER_STYLES),
        fc.boolean(),
        (doc, perPage, style, formFeed) => {
          const title = doc.text.split("\n")[0]!;
          const paged = paginate(doc.text, { perPage, header: title, style, formFeed });
          expect(shape(paged)).toEqual(shape(doc.text));
          expect(parseAnyDocument(paged).title).toBe(parseAnyDocument(doc.text).title);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reflow at widths 20–80", () => {
    fc.assert(
      fc.property(fc.oneof(councilReport, departmentPlan), fc.integer({ min: 20, max: 80 }), (doc, width) => {
        expect(shape(reflow(doc.text, width))).toEqual(shape(doc.text));
      }),
      { numRuns: 60 },
    );
  });

  it("letter-spaced headings", () => {
    fc.assert(
      fc.property(councilReport, (doc) => {
        expect(shape(letterSpaceHeadings(doc.text))).toEqual(shape(doc.text));
      }),
      { numRuns: 30 },
    );
  });
});

describe("running headers", () => {
  it("are dropped at page boundaries, but never a unit line, a data row or a numbered item", () => {
    const page = (n: number) => [
      "臺北市政府主計處",
      "歲出預算表",
      "中華民國116年度 單位：新臺幣千元",
      "01 32020040100 190,179 183,009",
      "一般行政",
      `02-004 - ${n}`,
      "\f",
    ];
    const doc = normaliseText([...page(1), ...page(2), ...page(3)].join("\n"));
    const kept = doc.physical.filter((p) => p.kind !== "dropped" && p.kind !== "blank").map((p) => p.text);
    expect(kept.filter((t) => t.includes("單位"))).toHaveLength(3);
    expect(kept.filter((t) => t.startsWith("01 3202"))).toHaveLength(3);
    // The first page's copy stands where a title stands, so it is kept; the repeats are not.
    expect(kept.filter((t) => t === "臺北市政府主計處")).toHaveLength(1);
  });

  it("keep a repeated phrase in the body that is not at a page boundary", () => {
    const body = Array.from({ length: 30 }, (_, i) =>
      i % 10 === 5 ? "智慧城市推動方案" : `第${i}段的內容，說明辦理情形。`,
    );
    const doc = normaliseText(["- 1 -", ...body, "- 2 -"].join("\n"));
    expect(doc.physical.filter((p) => p.text === "智慧城市推動方案" && p.kind !== "dropped")).toHaveLength(3);
  });
});

describe("tables of contents", () => {
  it("after the title are recognised and kept out of the tree", () => {
    fc.assert(
      fc.property(councilReport, (doc) => {
        const [title, ...rest] = doc.text.split("\n");
        const toc = ["目 次", ...doc.sections.map((s, i) => `${"壹貳參肆伍陸"[i]}、${s} ${i * 4 + 1}`)];
        const withToc = [title, ...toc, ...rest].join("\n");
        const parsed = parseAnyDocument(withToc);
        expect(shape(withToc)).toEqual(shape(doc.text));
        expect(parsed.warnings).toContainEqual({
          code: "tableOfContentsSkipped",
          params: { from: 2, to: 2 + doc.sections.length, entries: doc.sections.length },
        });
      }),
      { numRuns: 40 },
    );
  });
});
