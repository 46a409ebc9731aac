import { type ExtractContext, type Extracted, compact } from "./context";
import { UnrecognisedDocumentError } from "./detect";
import type { LogicalLine } from "./normalise";
import { similarity, toParsedNode, walkParsed } from "./nodes";
import { buildTree, headingRest, type TreeNode } from "./tree";
import type { ParsedNode, ParseWarning } from "./types";

/**
 * 中程施政計畫: 施政目標 (the goal), then 施政願景與推動策略 — visions, each with numbered
 * strategies and their numbered sub-points. A structure diagram (架構圖) at the end repeats the
 * tree in slightly different words; it is matched against the body, never added to it.
 */

const GOAL_QUOTE = /「([^「」]{2,30})」\s*(?:作為|做為|為)(?:本府|本市|市府)?(?:之|的)?施政(?:總|主)?目標/u;
const DIAGRAM = /架構圖|體系圖|架構表/u;
/** Diagram captions that only name the rows (施政 / 目標 / 推動策略). */
const DIAGRAM_LABEL = /^(?:施政|目標|願景|推動|策略|施政目標|施政願景|推動策略)$/u;
const SAME_STRATEGY = 0.5;

function isGoalSection(node: TreeNode): boolean {
  return /目標/u.test(headingRest(node)) && !/願景|策略/u.test(headingRest(node));
}

function goalTitle(node: TreeNode): string | null {
  for (const line of node.body) {
    const m = GOAL_QUOTE.exec(line.text);
    if (m) return m[1]!;
  }
  return null;
}

/** Checks the closing diagram against the body; reports only what it cannot place. */
function checkDiagram(diagram: LogicalLine[], nodes: ParsedNode[], warnings: ParseWarning[]): void {
  const known: string[] = [];
  walkParsed(nodes, (n) => {
    if (n.title && (n.kind === "goal" || n.kind === "vision" || n.kind === "strategy")) known.push(n.title);
  });
  for (const line of diagram) {
    const text = compact(line.text);
    if (text.length < 4 || DIAGRAM_LABEL.test(text) || DIAGRAM.test(text)) continue;
    // The first match is enough: no need to score every title against every diagram line.
    if (!known.some((k) => k === text || similarity(k, text) >= SAME_STRATEGY))
      warnings.push({ code: "diagramUnmatched", params: { text: line.text, line: line.from } });
  }
}

export function extractMidTerm(ctx: ExtractContext): Extracted {
  const { body, warnings } = ctx;
  const cut = body.findIndex((l) => DIAGRAM.test(compact(l.text)) && compact(l.text).length <= 60);
  const main = cut >= 0 ? body.slice(0, cut) : body;
  const tree = buildTree(main, { warnings: ctx.warnings });
  const goalRoot = tree.roots.find(isGoalSection) ?? null;
  const visionRoot = tree.roots.find((r) => /願景/u.test(headingRest(r)) && r.children.length > 0) ?? null;
  const visionTrees = visionRoot
    ? visionRoot.children
    : tree.roots.filter((r) => r !== goalRoot && r.children.length > 0);
  const visions = visionTrees.map((v) =>
    toParsedNode(v, (_n, depth) => (depth === 0 ? "vision" : depth === 1 ? "strategy" : "point")),
  );
  if (!visions.some((v) => v.children.length > 0)) {
    throw new UnrecognisedDocumentError({ code: "midTermWithoutStrategies", params: {} });
  }
  const nodes: ParsedNode[] = [];
  if (goalRoot) {
    const goal = toParsedNode({ ...goalRoot, children: [] }, () => "goal");
    goal.title = goalTitle(goalRoot) ?? goal.title;
    goal.children = visions;
    nodes.push(goal);
  } else {
    warnings.push({ code: "midTermGoalMissing", params: {} });
    nodes.push(...visions);
  }
  for (const root of tree.roots) {
    if (root === goalRoot || root === visionRoot || visionTrees.includes(root)) continue;
    nodes.push(toParsedNode(root, (_n, depth) => (depth === 0 ? "section" : "point")));
  }
  if (cut >= 0) checkDiagram(body.slice(cut + 1), nodes, warnings);
  return { nodes, budgetLines: [], figures: [] };
}
