import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument, type ParsedDocument, type ParsedNode, toPublicJson } from "./index";

const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(`${SEEDS}${name}`, "utf8");
}

function all(nodes: readonly ParsedNode[]): ParsedNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

function ofKind(doc: ParsedDocument, kind: ParsedNode["kind"]): ParsedNode[] {
  return all(doc.nodes).filter((n) => n.kind === kind);
}

function expectUniqueKeysAndValidLines(doc: ParsedDocument, lineCount: number): void {
  const keys = all(doc.nodes).map((n) => n.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const n of all(doc.nodes)) {
    expect(n.lineFrom).toBeGreaterThanOrEqual(1);
    expect(n.lineTo).toBeLessThanOrEqual(lineCount);
  }
  for (const f of doc.figures) expect(f.lineTo).toBeLessThanOrEqual(lineCount);
}

describe("seed 000: 102 年度施政綱要", () => {
  const raw = seed("000_");
  let doc: ParsedDocument;
  beforeAll(() => {
    doc = parseDocument(raw);
  });

  it("is a policy outline for 2013", () => {
    expect(doc.kind).toBe("policy-outline");
    expect(doc.period).toEqual({ from: "2013-01-01", to: "2013-12-31" });
    expect([doc.rocYearFrom, doc.rocYearTo]).toEqual([102, 102]);
    expect(doc.documentKey).toBe("policy-outline:city:2013");
    expect(doc.title).toContain("施政綱要");
    expect(doc.warnings).toEqual([]);
  });

  it("finds the overall goal and the three visions of the introduction", () => {
    const [goal] = ofKind(doc, "goal");
    expect(goal?.title).toBe("最愛生活在高雄");
    expect(ofKind(doc, "vision").map((v) => v.title)).toEqual(["進步高雄", "宜居高雄", "幸福高雄"]);
  });

  it("has 31 policy areas, each mapped to a department, with their agenda items", () => {
    const areas = ofKind(doc, "policy_area");
    expect(areas).toHaveLength(31);
    expect(areas.map((a) => a.ordinal)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(areas.every((a) => a.departmentSlug !== null)).toBe(true);
    expect(areas[0]).toMatchObject({
      key: "一",
      title: "秘書事務",
      departmentSlug: "secretariat",
      lineFrom: 164,
    });
    expect(areas[1]).toMatchObject({ title: "民政", departmentSlug: "civil-affairs" });
    // 六、教育 is printed with a compatibility ideograph for 六.
    expect(areas[5]).toMatchObject({ key: "六", title: "教育", departmentSlug: "education" });
    expect(areas[30]).toMatchObject({
      key: "三十一",
      title: "研考",
      departmentSlug: "research-development-evaluation",
    });
    expect(areas[0]!.children).toHaveLength(16);
    expect(areas[0]!.children[10]).toMatchObject({
      key: "一/(十一)",
      numberLabel: "(十一)",
      ordinal: 11,
      lineFrom: 202,
      lineTo: 204,
    });
    expect(ofKind(doc, "agenda_item")).toHaveLength(473);
    for (const area of areas) {
      expect(area.children.map((c) => c.ordinal)).toEqual(area.children.map((_, i) => i + 1));
      expect(area.children.every((c) => c.departmentSlug === area.departmentSlug)).toBe(true);
    }
  });

  it("rejoins agenda items broken across lines", () => {
    const item = ofKind(doc, "agenda_item").find((n) => n.key === "一/(一)");
    expect(item?.text).toBe(
      "加強與國際友好城市交流，賡續推動本府各局處認養姊妹市計畫，深化與廣化姊妹市實質關係，落實城市外交。",
    );
    expect([item?.lineFrom, item?.lineTo]).toEqual([166, 168]);
  });

  it("has unique keys and valid lines", () => expectUniqueKeysAndValidLines(doc, raw.split("\n").length));
});

describe("seed 001: 112 至 115 年度中程施政計畫", () => {
  let doc: ParsedDocument;
  beforeAll(() => {
    doc = parseDocument(seed("001_"));
  });

  it("covers 2023-2026", () => {
    expect(doc.kind).toBe("mid-term-plan");
    expect(doc.period).toEqual({ from: "2023-01-01", to: "2026-12-31" });
    expect(doc.documentKey).toBe("mid-term-plan:city:2023-2026");
  });

  it("has one goal, four visions with seven strategies each, and no duplicates from the diagram", () => {
    const goals = ofKind(doc, "goal");
    expect(goals).toHaveLength(1);
    expect(goals[0]!.title).toBe("公平城市、社會共好");
    const visions = ofKind(doc, "vision");
    expect(visions.map((v) => v.title)).toEqual(["科技高雄", "宜居高雄", "幸福高雄", "魅力高雄"]);
    for (const v of visions) expect(v.children.filter((c) => c.kind === "strategy")).toHaveLength(7);
    expect(ofKind(doc, "strategy")).toHaveLength(28);
    // The diagram says 力促傳統產業高階轉型; the body's 高值轉型 is the one kept.
    expect(ofKind(doc, "strategy").map((s) => s.title)).toContain("力促傳統產業高值轉型");
    expect(ofKind(doc, "strategy").some((s) => s.title === "力促傳統產業高階轉型")).toBe(false);
    expect(all(doc.nodes).every((n) => n.lineTo < 148)).toBe(true);
    expect(doc.warnings).toEqual([]);
  });

  it("keeps the numbered sub-points of a strategy", () => {
    const s = ofKind(doc, "strategy").find((n) => n.key === "貳/三/(五)");
    expect(s?.title).toBe("強化防災救災系統能力");
    expect(s?.children.map((c) => c.key)).toEqual(["貳/三/(五)/1", "貳/三/(五)/2", "貳/三/(五)/3"]);
    const joined = ofKind(doc, "point").find((n) => n.key === "貳/二/(四)/2");
    expect(joined?.text).toContain("職涯發展暨產業導航計畫");
    expect([joined?.lineFrom, joined?.lineTo]).toEqual([61, 63]);
  });
});

describe("seed 002: 秘書處 107 年度施政計畫提要", () => {
  let doc: ParsedDocument;
  beforeAll(() => {
    doc = parseDocument(seed("002_"));
  });

  it("is the Secretariat's plan for 2018", () => {
    expect(doc.kind).toBe("department-plan");
    expect(doc.departmentSlug).toBe("secretariat");
    expect(doc.documentKey).toBe("department-plan:secretariat:2018");
  });

  it("has 18 key points", () => {
    const points = ofKind(doc, "key_point");
    expect(points).toHaveLength(18);
    expect(points[17]).toMatchObject({ key: "十八", ordinal: 18, lineFrom: 23 });
  });

  it("reads the crosswalk table with its total and the 人事費 split", () => {
    const total = doc.budgetLines.find((b) => b.key === "對照表/合計");
    expect(total?.amountThousands).toBe(330_433);
    expect(total?.children.map((c) => [c.label, c.name, c.amountThousands])).toEqual([
      ["壹、", "一般行政", 25_169],
      ["貳、", "事務管理", 97_033],
      ["參、", "文書業務", 9_618],
      ["肆、", "國際事務", 8_395],
      ["伍、", "機要業務", 4_360],
      ["陸、", "人事費及第一預備金", 185_858],
    ]);
    const personnel = total!.children[5]!;
    expect(personnel.children.map((c) => [c.name, c.amountThousands])).toEqual([
      ["人事費", 184_758],
      ["第一預備金", 1_100],
    ]);
    expect(total!.children[0]).toMatchObject({
      note: "不含人事費184,758千元",
      fiscalYear: 2018,
      lineFrom: 30,
      programKey: "計畫/壹",
    });
  });

  it("reads the detail table: programs, amounts that add up, goals and steps", () => {
    const detail = doc.budgetLines.filter((b) => b.key.startsWith("計畫表/"));
    expect(detail.map((b) => [b.name, b.amountThousands])).toEqual([
      ["一般行政", 25_169],
      ["事務管理", 97_033],
      ["文書業務", 9_618],
      ["國際事務", 8_395],
      ["機要業務", 4_360],
    ]);
    expect(detail[0]!.children.reduce((s, c) => s + c.amountThousands, 0)).toBe(25_169);
    expect(detail[1]!.children.map((c) => c.amountThousands)).toEqual([78_731, 18_302]);
    expect(doc.warnings).toEqual([]);
    const programs = ofKind(doc, "program");
    expect(programs.map((p) => p.title)).toContain("消費者保護");
    const staff = programs.find((p) => p.key === "計畫/壹/(四)");
    expect(staff?.children.map((g) => [g.kind, g.title, g.children.length])).toEqual([
      ["goal", "職工管理", 4],
      ["goal", "車輛管理", 3],
    ]);
    // Steps cut by a page break and pushed into another column are put back together.
    const international = programs.find((p) => p.key === "計畫/肆");
    expect(international?.children.map((g) => g.children.length)).toEqual([10, 3, 4, 3, 1]);
    const step = all(doc.nodes).find((n) => n.key === "計畫/肆/1/7");
    expect(step?.text).toMatch(/職員交換實習等。$/u);
    expect(
      all(doc.nodes)
        .find((n) => n.key === "計畫/參")
        ?.children.map((g) => g.title),
    ).toEqual(["文書管理", "資訊管理", "檔案管理", "議事管理"]);
  });
});

describe("seed 003: 研考會業務報告 (101-10-22)", () => {
  let doc: ParsedDocument;
  beforeAll(() => {
    doc = parseDocument(seed("003_"));
  });

  it("reads the header", () => {
    expect(doc).toMatchObject({
      kind: "council-report",
      departmentSlug: "research-development-evaluation",
      presenter: "許立明",
      presentedOn: "2012-10-22",
      councilSession: "第 1 屆第 4 次定期大會",
      documentKey: "council-report:research-development-evaluation:2012-10-22",
      period: { from: null, to: null },
    });
  });

  it("has six work areas with their marked sub-sections, then nine priorities", () => {
    const roots = doc.nodes;
    expect(roots.map((r) => r.title).slice(0, 6)).toEqual([
      "研究發展",
      "綜合計畫",
      "管制考核",
      "工程查核",
      "聯合服務",
      "資訊服務",
    ]);
    expect(roots.slice(6)).toHaveLength(9);
    expect(roots[6]!.key).toBe("一#2");
    expect(roots[0]!.children[0]).toMatchObject({
      key: "一/§1",
      kind: "section",
      title: "因應市政趨勢 鼓勵研究創新",
    });
    expect(roots[0]!.children[0]!.children.map((c) => c.title)).toEqual([
      "委託專題研究",
      "自行研究",
      "市政建設博碩士學位論文補助",
    ]);
  });

  it("quotes the 1999 call-centre figures with their sentence and node", () => {
    const calls = doc.figures.find((f) => f.valueText === "405,286");
    expect(calls).toMatchObject({
      value: 405_286,
      unit: "通",
      label: "話務中心總電話處理量",
      nodeKey: "五/§2",
      lineFrom: 665,
    });
    expect(calls?.sentence).toContain("總電話處理量計405,286 通"); // joined across the line break without a space
    expect(doc.figures.find((f) => f.valueText === "80.00")).toMatchObject({ value: 80, unit: "％" });
    expect(doc.figures.find((f) => f.valueText === "99,704")).toMatchObject({
      unit: "件",
      label: "其中諮詢類案件",
    });
    // A figure whose line broke before the number keeps both lines.
    expect(doc.figures.find((f) => f.valueText === "53,451")).toMatchObject({ unit: "件", lineFrom: 689 });
    expect(doc.figures.find((f) => f.valueText === "18 萬 3,000")).toMatchObject({
      value: 183_000,
      unit: "元",
    });
    expect(doc.figures.find((f) => f.valueText === "454.47")).toMatchObject({ unit: "億元" });
    // Dates and ordinals are not figures.
    expect(doc.figures.some((f) => f.unit === "屆" || f.valueText === "1999")).toBe(false);
  });
});

describe("seed 004: 秘書處業務報告 (106-10-18)", () => {
  const raw = seed("004_");
  let doc: ParsedDocument;
  beforeAll(() => {
    doc = parseDocument(raw);
  });

  it("reads the header and the reporting period", () => {
    expect(doc).toMatchObject({
      kind: "council-report",
      title: "高雄市政府秘書處業務報告",
      departmentSlug: "secretariat",
      presenter: "陳瓊華",
      presentedOn: "2017-10-18",
      councilSession: "第 2 屆第 6 次定期大會",
      period: { from: "2017-02-16", to: "2017-07-31" },
      documentKey: "council-report:secretariat:2017-10-18",
      rocYearFrom: 106,
    });
  });

  it("builds the section tree 壹 / 一 … 八 with unnumbered sub-headings and numbered results", () => {
    expect(doc.nodes.map((n) => n.title)).toEqual(["重要業務執行狀況", "結語"]);
    expect(doc.nodes[0]!.children.map((n) => n.numberLabel)).toEqual([
      "一、",
      "二、",
      "三、",
      "四、",
      "五、",
      "六、",
      "七、",
      "八、",
    ]);
    const housing = doc.nodes[0]!.children[2]!;
    expect(housing.children.map((c) => c.title)).toEqual([
      "職務宿舍管理及維護",
      "眷屬宿舍清查及管理",
      "收回眷(宿)舍空屋或空地之管理利用",
    ]);
    const visits = all(doc.nodes).find((n) => n.key === "壹/一/§1/1");
    expect(visits?.children[0]?.title).toBe("日本松本市長菅谷昭包機訪高");
  });

  it("keeps photo captions, headers and page numbers out of the text", () => {
    const text = all(doc.nodes)
      .map((n) => n.text)
      .join("\n");
    expect(text).not.toMatch(/照片\s*\d/u);
    expect(text).not.toContain("市政府各單位業務報告");
    expect(text).not.toContain("4858");
  });

  it("quotes figures", () => {
    expect(doc.figures.find((f) => f.valueText === "27" && f.unit === "案")).toMatchObject({
      nodeKey: "壹/一/§1/2/§4",
    });
    expect(doc.figures.find((f) => f.valueText === "2,247")).toMatchObject({
      unit: "件",
      label: "本期本處受理民眾消費電話諮詢",
    });
    expect(doc.figures.find((f) => f.valueText === "18.13")).toMatchObject({ unit: "％" });
    expect(doc.figures.length).toBeGreaterThan(60);
  });

  it("has unique keys and valid lines", () => expectUniqueKeysAndValidLines(doc, raw.split("\n").length));
});

describe("toPublicJson", () => {
  it("produces the CLI dry-run shape", () => {
    const json = toPublicJson(parseDocument(seed("002_")));
    expect(json.kind).toBe("department-plan");
    expect(json.department).toBe("secretariat");
    expect(json.nodes[0]).toMatchObject({ kind: "key-point", number: "一、", lines: [5, 5] });
    expect(json.nodes[0]).toHaveProperty("text");
    expect(json.budgetLines[0]).toMatchObject({ name: "合計", amountThousand: 330_433 });
    const outline = toPublicJson(parseDocument(seed("000_")));
    expect(outline).not.toHaveProperty("department");
    expect(outline.nodes[1]).toMatchObject({ kind: "policy-area", number: "一、", title: "秘書事務" });
    const report = toPublicJson(parseDocument(seed("003_")));
    expect(report.metrics[0]).toHaveProperty("text");
  });
});
