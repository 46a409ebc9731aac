import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/ingest";
import { rankRelated } from "./related";

// The 2013 outline's Secretariat items (seed 000) against the figures of its 2017 report (seed 004).
const outline = parseDocument(readFileSync("seeds/000_7edc6d043e517ca0.txt", "utf8"));
const report = parseDocument(readFileSync("seeds/004_b174b36ac3a2c4d9.txt", "utf8"));
const secretariat = outline.nodes.find((n) => n.kind === "policy_area" && n.departmentSlug === "secretariat");
const figures = report.figures.map((f, id) => ({ id, text: f.sentence }));
const itemAbout = (words: string) => secretariat?.children.find((c) => c.text.includes(words))?.text ?? "";
const sentences = (subject: string) => rankRelated(subject, figures).map((r) => figures[r.id]?.text ?? "");

describe("rankRelated on the seeds", () => {
  it.each([
    ["鳳山行政中心新建大樓", /行政中心/u],
    ["消費者自我保護", /消保|消費/u],
    ["國際會議及國際交流", /國際|城市/u],
  ])("an item about %s gets figures about it first", (words, about) => {
    const related = sentences(itemAbout(words));
    expect(related.length).toBeGreaterThan(0);
    expect(related[0]).toMatch(about);
  });

  it("keeps only what is at least half as alike as the best, at most five", () => {
    for (const item of secretariat?.children ?? []) {
      const ranked = rankRelated(item.text, figures);
      expect(ranked.length).toBeLessThanOrEqual(5);
      for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual((ranked[0]?.score ?? 0) / 2);
    }
  });

  it("returns nothing when there are no candidates or nothing is alike", () => {
    expect(rankRelated(itemAbout("鳳山行政中心"), [])).toEqual([]);
    expect(rankRelated("颱風來襲時加強防汛搶險與抽水站整備", figures)).toEqual([]);
  });
});
