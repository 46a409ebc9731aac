import { describe, expect, it } from "vitest";
import { parseCrosswalk } from "./budget";
import { findTables } from "./budget-tables";
import { extractFigures } from "./figures";
import { parseDocument, type ParseWarning } from "./index";
import { normaliseText } from "./normalise";
import { buildTree } from "./tree";

function line(text: string) {
  return normaliseText(text).lines[0]!;
}

describe("extractFigures on report sentences", () => {
  it.each([
    // 003: the 1999 call centre
    [
      "話務中心總電話處理量計 405,286 通，平均每月計 67,548 通，服務水準平均為 80.00％。",
      [
        [405_286, "通"],
        [67_548, "通"],
        [80, "％"],
      ],
    ],
    // 003: 萬 with a remainder
    [
      "101 年度補助機關學校研究發展計畫 40 案，獎助金額 18 萬 3,000 元；",
      [
        [40, "案"],
        [183_000, "元"],
      ],
    ],
    // 003: money in 億元, dates skipped
    [
      "總經費需求 454.47 億元，於 101 年 5 月 2 日至 7 月 18 日召開 22 場次初審會議。",
      [
        [454.47, "億元"],
        [22, "場次"],
      ],
    ],
    // 004: 人次 beats 人; ordinals (第 15 屆) skipped
    [
      "本屆(第 15 屆)計有 4 個機關入圍，有 89 人次前來本處請求法律諮詢。",
      [
        [4, "個"],
        [89, "人次"],
      ],
    ],
    // identifiers and bare numbers are not figures
    ["資訊中心已取得 ISO27001 資安認證，撥打 1999 免付費。", []],
  ])("%s", (text, expected) => {
    expect(extractFigures(line(text), "k").map((f) => [f.value, f.unit])).toEqual(expected);
  });

  it("maps a figure to the original line it was printed on", () => {
    const l = normaliseText("自 101 年 3 月至 101 年 8 月，受理民眾派工通報案件計 \n\n53,451 件。 ")
      .lines[0]!;
    const [f] = extractFigures(l, null);
    expect(f).toMatchObject({ value: 53_451, lineFrom: 3, lineTo: 3, label: "受理民眾派工通報案件" });
  });
});

describe("crosswalk rows (002 lines 26-36)", () => {
  const rows = [
    "高雄市政府秘書處 107 年度施政計畫與預算配合對照表",
    "類\t項\t預算來源及金額\t備考",
    "\t\t主要預算 (單位：千元)\t",
    "壹、一般行政\t行政管理\t25,169\t不含人事費184,758千元",
    "陸、人事費及第一預備金\t一、人事費 二、第一預備金\t185,858 184,758 1,100\t",
    "合計\t\t211,027\t",
  ].join("\n");

  it("reads 類, 項, amounts in thousands and the total", () => {
    const warnings: ParseWarning[] = [];
    const [table] = findTables(normaliseText(rows).lines);
    const [total] = parseCrosswalk(table!, 2018, warnings);
    expect(warnings).toEqual([]);
    expect(total).toMatchObject({ name: "合計", amountThousands: 211_027, lineFrom: 6 });
    expect(total!.children[1]!.children.map((c) => [c.key, c.amountThousands])).toEqual([
      ["對照表/合計/陸/一", 184_758],
      ["對照表/合計/陸/二", 1_100],
    ]);
  });

  it("warns when the item amounts do not add up", () => {
    const warnings: ParseWarning[] = [];
    const [table] = findTables(normaliseText(rows.replace("1,100", "1,000")).lines);
    parseCrosswalk(table!, 2018, warnings);
    expect(warnings).toEqual([
      {
        code: "budgetSumMismatch",
        params: {
          table: "高雄市政府秘書處 107 年度施政計畫與預算配合對照表",
          name: "人事費及第一預備金",
          sum: 185_758,
          total: 185_858,
          line: 5,
        },
      },
    ]);
  });
});

describe("tree building", () => {
  it("places numbering systems by use, in any order, and keys restarts apart", () => {
    const text = ["一、甲", "1.子一", "(1)孫", "2.子二", "二、乙", "(一)丙", "1.丁", "一、重新開始"].join(
      "\n",
    );
    const tree = buildTree(normaliseText(text).lines);
    const keys: string[] = [];
    const visit = (nodes: typeof tree.roots): void =>
      nodes.forEach((n) => (keys.push(n.key), visit(n.children)));
    visit(tree.roots);
    expect(keys).toEqual(["一", "一/1", "一/1/(1)", "一/2", "二", "二/(一)", "二/(一)/1", "一#2"]);
  });

  it("treats a number that does not continue its list as text (二、三級 in a sentence)", () => {
    const tree = buildTree(normaliseText("一、甲項\n三、四級產業\n二、乙項").lines);
    expect(tree.roots.map((r) => r.key)).toEqual(["一", "二"]);
    expect(tree.roots[0]!.body.map((l) => l.text)).toEqual(["三、四級產業"]);
  });
});

describe("a mid-term plan from another term", () => {
  it("is read by its structure, not its seed: goal, visions, strategies, diagram warnings", () => {
    const text = [
      "高雄市政府116至119年度中程施政計畫",
      "壹、施政目標",
      "市府團隊將以「安心城市」為施政目標。",
      "貳、施政願景與推動策略",
      "一、綠色高雄",
      "(一) 推動淨零轉型：",
      "擴大再生能源。",
      "(二) 打造海綿城市：",
      "增設滯洪池。",
      "高雄市政府116至119年度中程施政計畫架構圖",
      "- 推動淨零轉型",
      "- 打造海綿都市",
      "- 發展太空產業",
    ].join("\n");
    const doc = parseDocument(text);
    expect(doc.period).toEqual({ from: "2027-01-01", to: "2030-12-31" });
    expect(doc.nodes[0]).toMatchObject({ kind: "goal", title: "安心城市" });
    expect(doc.nodes[0]!.children[0]!.children.map((s) => s.title)).toEqual(["推動淨零轉型", "打造海綿城市"]);
    expect(doc.warnings).toEqual([{ code: "diagramUnmatched", params: { text: "發展太空產業", line: 13 } }]);
  });
});

describe("warnings are codes with the parameters a reader needs", () => {
  it.each([
    [
      "a policy outline with an area no department matches and no overall goal",
      ["高雄市政府一一五年度施政綱要", "一、秘書事務", "(一)推動國際交流。", "二、火星事務", "(一)探勘。"],
      [
        { code: "outlineAreaUnknownDepartment", params: { label: "二、", title: "火星事務", line: 4 } },
        { code: "outlineGoalMissing", params: {} },
      ],
    ],
    [
      "a mid-term plan without its 施政目標",
      [
        "高雄市政府116至119年度中程施政計畫",
        "壹、施政願景與推動策略",
        "一、綠色高雄",
        "(一) 推動淨零轉型：",
        "擴大再生能源。",
      ],
      [{ code: "midTermGoalMissing", params: {} }],
    ],
    [
      "a department plan without its budget table",
      ["高雄市政府秘書處 115 年度施政計畫提要", "一、推動國際交流。", "二、強化消費者保護。"],
      [{ code: "budgetTableMissing", params: {} }],
    ],
    [
      "a council report without its header",
      [
        "高雄市政府秘書處業務報告",
        "壹、國際事務",
        "一、辦理城市交流 5 場。",
        "貳、消費者保護",
        "一、受理申訴 1,043 件。",
      ],
      [
        { code: "reportDateMissing", params: {} },
        { code: "reportPresenterMissing", params: {} },
        { code: "reportSessionMissing", params: {} },
      ],
    ],
  ])("%s", (_name, lines, warnings) => {
    expect(parseDocument(lines.join("\n")).warnings).toEqual(warnings);
  });
});
