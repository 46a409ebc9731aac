/**
 * What text stands for a node when matching. Some strategies print only a heading and put their
 * substance in numbered points below (增建社宅擴大租金補貼：1. … 2. …), and a department plan's
 * program is a two-word title over goals and steps; so a node speaks with its own title and text
 * plus everything beneath it, down to (not into) the next node that is matched on its own.
 */

import type { DocumentKind, NodeKind } from "@/lib/generated/prisma/enums";
import { ITEM_SOURCES, STRATEGY_SOURCE } from "@/lib/domain/links";
import type { TextNode } from "./similarity";

export type TreeNode = {
  id: number;
  parentId: number | null;
  kind: NodeKind;
  title: string | null;
  text: string;
};

/** A node with the kind of document it is in: what decides whether it is matched, and as what. */
export type SourceNode = TreeNode & { documentKind: DocumentKind };

type Source = { document: DocumentKind; kinds: readonly NodeKind[] };

/** Kinds matched on their own: their text is not folded into an ancestor's. */
const MATCHED_KINDS: ReadonlySet<NodeKind> = new Set(
  [STRATEGY_SOURCE, ...ITEM_SOURCES].flatMap((s) => s.kinds),
);

function childrenByParent(nodes: readonly TreeNode[]): Map<number, TreeNode[]> {
  const children = new Map<number, TreeNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const siblings = children.get(node.parentId) ?? [];
    siblings.push(node);
    children.set(node.parentId, siblings);
  }
  return children;
}

/** Title and text, without the title twice when the text already starts with it. */
function ownText(node: TreeNode): string {
  const title = node.title?.trim() ?? "";
  return title && !node.text.startsWith(title) ? `${title}\n${node.text}` : node.text;
}

/**
 * The matching text of each requested node, by id. `nodes` must include the requested nodes'
 * descendants; nodes are visited in the order given, so the text is stable for a stable input order.
 */
export function matchingTexts(nodes: readonly TreeNode[], ids: readonly number[]): Map<number, string> {
  const children = childrenByParent(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const collect = (node: TreeNode, parts: string[]): void => {
    parts.push(ownText(node));
    for (const child of children.get(node.id) ?? []) {
      if (!MATCHED_KINDS.has(child.kind)) collect(child, parts);
    }
  };
  const texts = new Map<number, string>();
  for (const id of ids) {
    const node = byId.get(id);
    if (!node) continue;
    const parts: string[] = [];
    collect(node, parts);
    texts.set(id, parts.join("\n"));
  }
  return texts;
}

const isFrom = (source: Source) => (node: SourceNode) =>
  node.documentKind === source.document && source.kinds.includes(node.kind);
const isStrategy = isFrom(STRATEGY_SOURCE);
const isItem = (node: SourceNode) => ITEM_SOURCES.some((source) => isFrom(source)(node));

/**
 * Both sides of the matching, from every live node of the documents involved (candidates and the
 * points beneath them). A strategy's title is its plan's one-line summary of it (健全大眾運輸捷運路網),
 * so it is given once more, to count double against the longer description.
 */
export function matchingInput(nodes: readonly SourceNode[]): { strategies: TextNode[]; items: TextNode[] } {
  const strategies = nodes.filter(isStrategy);
  const items = nodes.filter(isItem);
  const texts = matchingTexts(
    nodes,
    [...strategies, ...items].map((n) => n.id),
  );
  const text = (n: SourceNode) => texts.get(n.id) ?? n.text;
  return {
    strategies: strategies.map((n) => ({ id: n.id, text: n.title ? `${n.title}\n${text(n)}` : text(n) })),
    items: items.map((n) => ({ id: n.id, text: text(n) })),
  };
}
