import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { kindToDb } from "@/lib/domain/document-kind";
import { parseDocument, type ParsedNode } from "@/lib/ingest";
import { matchingInput, type SourceNode } from "./node-text";
import { suggestLinks, type SuggestedLink, type TextNode } from "./similarity";

const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));

/**
 * The nodes of seeds 000 (2013 outline), 001 (2023-2026 plan) and 002 (2018 Secretariat plan) as
 * the database would hold them: numbered ids, parent ids, document kinds.
 */
function seedNodes(): SourceNode[] {
  const nodes: SourceNode[] = [];
  const files = readdirSync(SEEDS)
    .filter((f) => /^00[012]_.*\.txt$/u.test(f))
    .sort();
  for (const file of files) {
    const doc = parseDocument(readFileSync(`${SEEDS}${file}`, "utf8"));
    const add = (node: ParsedNode, parentId: number | null) => {
      const id = nodes.length + 1;
      const { kind, title, text } = node;
      nodes.push({ id, parentId, kind, title, text, documentKind: kindToDb(doc.kind) });
      for (const child of node.children) add(child, id);
    };
    for (const root of doc.nodes) add(root, null);
  }
  return nodes;
}

describe("suggestLinks on the seeds", () => {
  let nodes: SourceNode[];
  let strategies: TextNode[];
  let items: TextNode[];
  let links: SuggestedLink[];
  beforeAll(() => {
    nodes = seedNodes();
    ({ strategies, items } = matchingInput(nodes));
    links = suggestLinks(strategies, items);
  });

  const strategyId = (title: string) => {
    const found = nodes.find((n) => n.kind === "strategy" && n.title === title);
    if (!found) throw new Error(`no strategy ${title}`);
    return found.id;
  };
  const itemId = (fragment: string) => {
    const found = nodes.filter(
      (n) => n.kind === "agenda_item" && n.text.normalize("NFKC").includes(fragment),
    );
    if (found.length !== 1) throw new Error(`${found.length} agenda items contain ${fragment}`);
    return found[0]!.id;
  };
  const scoreOf = (fragment: string, title: string) =>
    links.find((l) => l.itemId === itemId(fragment) && l.strategyId === strategyId(title))?.score;

  it("matches 28 strategies against the 473 agenda items and 32 Secretariat key points and programs", () => {
    expect(strategies).toHaveLength(28);
    expect(items).toHaveLength(473 + 18 + 14);
  });

  // [fragment of a 2013 agenda item (seed 000), title of the 2023-2026 strategy it serves (seed 001)]
  it.each([
    ["辦理捷運岡山路竹延伸線建設", "健全大眾運輸捷運路網"],
    ["大眾捷運系統整體路網規劃", "健全大眾運輸捷運路網"],
    ["高雄環狀輕軌第一階段(水岸段)通車路段(含機廠)土建", "健全大眾運輸捷運路網"],
    ["推動捷運、公車、輪船、計程車等公共運輸聯運", "整合高屏南運輸生活圈"],
    ["建置高雄科學園區智慧運輸走廊", "建構園區智慧運輸走廊"],
    ["整備長期照顧資源,發展老人多層級照顧", "持續佈建長照幼托據點"],
    ["我國長期照顧十年計畫", "持續佈建長照幼托據點"],
    ["設置公共托嬰中心及托育資源中心", "持續佈建長照幼托據點"],
    ["辦理購屋貸款利息補貼及租屋補助", "增建社宅擴大租金補貼"],
    ["推動寵物及流浪犬絕育補助", "推動友善動物優質空間"],
    ["辦理「海洋文化及流行音樂中心」興建工程", "構築台灣流行音樂基地"],
    ["推動公務體系性別主流化", "落實性別平等友善職場"],
    ["空氣品質監測中心", "提升空品邁向淨零永續"],
    ["漁港設施修建及景觀再造", "打造魅力漁港創造雙贏"],
  ])("suggests 「%s」 → %s", (fragment, title) => {
    expect(scoreOf(fragment, title)).toBeGreaterThanOrEqual(0.1);
  });

  // Pairs that share a word or two, or nothing, but are not the same policy.
  it.each([
    ["辦理捷運岡山路竹延伸線建設", "持續佈建長照幼托據點"],
    ["整備長期照顧資源,發展老人多層級照顧", "健全大眾運輸捷運路網"],
    ["整備長期照顧資源,發展老人多層級照顧", "擴展銀髮就業服務量能"],
    ["推動高雄新市鎮捷運 R22-R24 車站周邊土地整體規劃", "創新市政提升數位服務"],
    ["依台電協助金回饋機制", "增建社宅擴大租金補貼"],
    ["推動「國際郵輪觀光」", "擴展銀髮就業服務量能"],
    ["加強與國際友好城市交流", "落實性別平等友善職場"],
    ["辦理法制業務聯繫會報", "推動友善動物優質空間"],
  ])("does not suggest 「%s」 → %s", (fragment, title) => {
    expect(scoreOf(fragment, title)).toBeUndefined();
  });

  it("stays a short list: at most 3 strategies per item and 15 items per strategy", () => {
    expect(links.length).toBeGreaterThan(80);
    expect(links.length).toBeLessThan(200);
    const count = (key: (l: SuggestedLink) => number) => {
      const counts = new Map<number, number>();
      for (const l of links) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    expect(count((l) => l.itemId)).toBeLessThanOrEqual(3);
    expect(count((l) => l.strategyId)).toBeLessThanOrEqual(15);
  });

  it("gives the same pairs and scores whatever order the nodes come in", () => {
    const again = suggestLinks([...strategies].reverse(), [...items].reverse());
    expect(again).toEqual(links);
  });
});

describe("suggestLinks selection", () => {
  // Small corpora to see the rules at work; texts are made of distinctive made-up bigrams.
  const strategies = [
    { id: 1, text: "捷運路網 輕軌延伸" },
    { id: 2, text: "長照據點 托育服務" },
    { id: 3, text: "捷運路網 托育服務" },
  ];

  it("keeps an item's runner-up only when close to its best", () => {
    const items = [{ id: 10, text: "捷運路網 輕軌延伸" }];
    const all = suggestLinks(strategies, items, { minScore: 0.01, relativeToBest: 0 });
    expect(all.map((l) => l.strategyId)).toEqual([1, 3]);
    const strict = suggestLinks(strategies, items, { minScore: 0.01, relativeToBest: 0.99 });
    expect(strict.map((l) => l.strategyId)).toEqual([1]);
  });

  it("caps the items a strategy gets, keeping the best", () => {
    const items = [
      { id: 10, text: "捷運路網 輕軌延伸" },
      { id: 11, text: "捷運路網" },
      { id: 12, text: "輕軌延伸 其他文字" },
    ];
    const capped = suggestLinks(strategies, items, { minScore: 0.01, maxPerStrategy: 1, maxPerItem: 1 });
    expect(capped).toEqual([expect.objectContaining({ strategyId: 1, itemId: 10 })]);
  });

  it("suggests nothing for an item that shares no term with any strategy", () => {
    expect(suggestLinks(strategies, [{ id: 10, text: "消費者保護" }], { minScore: 0.01 })).toEqual([]);
  });

  it("needs a single shared bigram to be a word used across the texts", () => {
    const items = [{ id: 10, text: "延伸" }];
    expect(suggestLinks(strategies, items, { minScore: 0.01 })).toEqual([]);
    expect(suggestLinks(strategies, items, { minScore: 0.01, singleTermMinDocs: 2 })).toEqual([
      expect.objectContaining({ strategyId: 1, itemId: 10 }),
    ]);
  });
});
