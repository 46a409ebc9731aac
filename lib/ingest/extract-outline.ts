import { findCanonicalDepartment, findDepartmentInText } from "@/lib/domain/departments";
import { type ExtractContext, type Extracted, compact } from "./context";
import { UnrecognisedDocumentError } from "./detect";
import type { LogicalLine } from "./normalise";
import { syntheticNode, toParsedNode } from "./nodes";
import { buildTree, headingRest, type TreeNode, titleOf } from "./tree";
import type { ParsedNode, ParseWarning } from "./types";

/**
 * 施政綱要: an introduction naming the visions and the overall goal, then 施政要項 — one numbered
 * area per department, each a list of numbered agenda items.
 */

const AREAS_HEADING = /^(?:[壹貳參肆伍陸柒捌玖]、)?施政(?:要項|重點)$/u;
const GOAL = /「([^「」]{2,30})」\s*(?:作為|做為|為)(?:本府|本市|市府)?(?:之|的)?施政(?:總|主)?目標/u;
/** 「進步高雄、宜居高雄、幸福高雄」: a quoted list whose items share an ending (the city's name). */
const VISION_LIST = /「([^「」]{2,12}(?:、[^「」、]{2,12}){1,5})」/gu;

function departmentSlug(title: string): string | null {
  const dept = findCanonicalDepartment(title) ?? findDepartmentInText(title);
  return dept?.slug ?? null;
}

function visionNames(text: string): string[] | null {
  for (const m of text.matchAll(VISION_LIST)) {
    const items = m[1]!.split("、").map((s) => s.trim());
    const ending = items[0]!.slice(-2);
    if (items.every((i) => i.endsWith(ending) && i.length > ending.length)) return items;
  }
  return null;
}

/** The introduction's visions, each with the paragraphs that elaborate it. */
function visionNodes(intro: LogicalLine[], goalIndex: number): ParsedNode[] {
  const listIndex = intro.findIndex((l) => visionNames(l.text) !== null);
  if (listIndex < 0) return [];
  const names = visionNames(intro[listIndex]!.text)!;
  const end = goalIndex >= 0 ? goalIndex : intro.length;
  const starts = names.map((name) =>
    intro.findIndex((l, i) => i > listIndex && i < end && l.text.includes(`「${name}」`)),
  );
  return names.map((name, i) => {
    const start = starts[i]!;
    if (start < 0) {
      const line = intro[listIndex]!;
      return syntheticNode({
        key: `願景${i + 1}`,
        kind: "vision",
        title: name,
        text: name,
        lineFrom: line.from,
        lineTo: line.to,
      });
    }
    const next = starts.slice(i + 1).find((s) => s > start) ?? end;
    const paragraphs = intro.slice(start, Math.max(start + 1, next));
    return syntheticNode({
      key: `願景${i + 1}`,
      kind: "vision",
      title: name,
      text: paragraphs.map((p) => p.text).join("\n"),
      lineFrom: paragraphs[0]!.from,
      lineTo: paragraphs[paragraphs.length - 1]!.to,
    });
  });
}

/**
 * A quoted list that the introduction calls its visions (願景) but whose items share no ending
 * (「智慧城市、永續發展、共融社會」) is not read as visions: say so rather than drop it silently.
 */
function warnUnnamedVisions(intro: LogicalLine[], warnings: ParseWarning[]): void {
  for (const line of intro) {
    if (!/願景/u.test(line.text)) continue;
    for (const m of line.text.matchAll(VISION_LIST)) {
      warnings.push({ code: "visionsUnnamed", params: { text: m[1]!, line: line.from } });
      return;
    }
  }
}

function introNodes(intro: LogicalLine[]): ParsedNode[] {
  const goalIndex = intro.findIndex((l) => GOAL.test(l.text));
  const visions = visionNodes(intro, goalIndex);
  if (goalIndex < 0) return visions;
  const line = intro[goalIndex]!;
  const title = GOAL.exec(line.text)![1]!;
  return [
    syntheticNode({
      key: "目標",
      kind: "goal",
      title,
      text: line.text,
      lineFrom: line.from,
      lineTo: line.to,
      children: visions,
    }),
  ];
}

/** The areas are the top-level list after 施政要項, or the top-level list itself when there is no such heading. */
function areaNodes(roots: TreeNode[]): TreeNode[] {
  const container = roots.find((r) => AREAS_HEADING.test(compact(headingRest(r))) && r.children.length > 0);
  return container ? container.children : roots;
}

export function extractOutline(ctx: ExtractContext): Extracted {
  const { body, warnings } = ctx;
  const marker = body.findIndex((l) => AREAS_HEADING.test(compact(l.text)));
  const intro = marker >= 0 ? body.slice(0, marker) : [];
  const tree = buildTree(marker >= 0 ? body.slice(marker + 1) : body, { warnings: ctx.warnings });
  const areas = areaNodes(tree.roots);
  if (areas.length === 0) {
    throw new UnrecognisedDocumentError({ code: "outlineWithoutAreas", params: {} });
  }
  const nodes = areas.map((area) => {
    const title = titleOf(headingRest(area)) ?? headingRest(area);
    const slug = departmentSlug(title);
    if (!slug) {
      warnings.push({
        code: "outlineAreaUnknownDepartment",
        params: { label: area.label?.label ?? "", title, line: area.heading.from },
      });
    }
    return toParsedNode(
      area,
      (_n, depth) => (depth === 0 ? "policy_area" : depth === 1 ? "agenda_item" : "point"),
      (n, inherited) => (n === area ? slug : inherited),
    );
  });
  for (const area of nodes) {
    if (area.children.length === 0)
      warnings.push({
        code: "outlineAreaWithoutItems",
        params: { title: area.title ?? area.key, line: area.lineFrom },
      });
  }
  const introduction = marker >= 0 ? intro : tree.preamble;
  const intros = introNodes(introduction);
  if (!intros.some((n) => n.kind === "vision" || n.children.some((c) => c.kind === "vision")))
    warnUnnamedVisions(introduction, warnings);
  if (!intros.some((n) => n.kind === "goal")) warnings.push({ code: "outlineGoalMissing", params: {} });
  return { nodes: [...intros, ...nodes], budgetLines: [], figures: [] };
}
