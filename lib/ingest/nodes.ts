import { type TreeNode, headingRest, nodeText, titleOf } from "./tree";
import type { NodeKind, ParsedNode } from "./types";

export type KindOf = (node: TreeNode, depth: number) => NodeKind;
export type DepartmentOf = (node: TreeNode, inherited: string | null) => string | null;

/** A tree node as the importer sees it; `kindOf` decides what each level means for this document kind. */
export function toParsedNode(
  node: TreeNode,
  kindOf: KindOf,
  departmentOf?: DepartmentOf,
  depth = 0,
  inherited: string | null = null,
): ParsedNode {
  const departmentSlug = departmentOf ? departmentOf(node, inherited) : inherited;
  return {
    key: node.key,
    kind: kindOf(node, depth),
    numberLabel: node.label?.label ?? null,
    ordinal: node.label?.ordinal ?? null,
    title: titleOf(headingRest(node)),
    text: nodeText(node),
    departmentSlug,
    lineFrom: node.from,
    lineTo: node.to,
    children: node.children.map((c) => toParsedNode(c, kindOf, departmentOf, depth + 1, departmentSlug)),
  };
}

/** Builds a node that is not a numbered line of the document (a goal found in a sentence, say). */
export function syntheticNode(
  fields: Pick<ParsedNode, "key" | "kind" | "title" | "text" | "lineFrom" | "lineTo"> & Partial<ParsedNode>,
): ParsedNode {
  return { numberLabel: null, ordinal: null, departmentSlug: null, children: [], ...fields };
}

export function walkParsed(nodes: readonly ParsedNode[], visit: (n: ParsedNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walkParsed(n.children, visit);
  }
}

/** Character-bigram Dice similarity of two short texts, ignoring spacing and punctuation. */
export function similarity(a: string, b: string): number {
  const clean = (s: string): string => s.replace(/[\s\p{P}]/gu, "");
  const grams = (s: string): string[] => {
    const chars = [...clean(s)];
    return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of gb) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}
