/**
 * A council report's outline for the council pages: its top-level sections with how many figures
 * each holds (in the section itself or anywhere below it). Pure.
 */

export type ReportNode = {
  id: number;
  parentId: number | null;
  kind: string;
  numberLabel: string | null;
  title: string | null;
};

export type ReportSection = {
  id: number;
  numberLabel: string | null;
  title: string | null;
  figureCount: number;
};

/**
 * The report's top-level sections, in the nodes' order. A report that wraps all its work areas in
 * one heading (seed 004: 壹、重要業務執行狀況 over 一、… 八、) gets that heading's child sections
 * instead, so the outline names the work areas rather than a single wrapper.
 */
export function reportSections(
  nodes: readonly ReportNode[],
  figures: ReadonlyArray<{ nodeId: number | null }>,
): ReportSection[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let top = nodes.filter((n) => n.kind === "section" && (n.parentId === null || !byId.has(n.parentId)));
  const only = top.length === 1 ? top[0] : undefined;
  if (only) {
    const children = nodes.filter((n) => n.kind === "section" && n.parentId === only.id);
    if (children.length > 0) top = children;
  }

  const counts = new Map<number, number>(top.map((s) => [s.id, 0]));
  for (const figure of figures) {
    // Walk up from the figure's node to the first top-level section (a guard against cycles).
    let node = figure.nodeId === null ? undefined : byId.get(figure.nodeId);
    for (let steps = 0; node && steps <= nodes.length; steps++) {
      const count = counts.get(node.id);
      if (count !== undefined) {
        counts.set(node.id, count + 1);
        break;
      }
      node = node.parentId === null ? undefined : byId.get(node.parentId);
    }
  }
  return top.map((s) => ({
    id: s.id,
    numberLabel: s.numberLabel,
    title: s.title,
    figureCount: counts.get(s.id) ?? 0,
  }));
}
