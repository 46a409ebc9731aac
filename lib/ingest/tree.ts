import type { LogicalLine } from "./normalise";
import type { ParseWarning } from "./types";
import { labelKey, type NumberLabel, parseNumberLabel } from "./numbering";

/**
 * Builds the outline of a document from its logical lines. Numbering systems are placed by
 * what the document does, not by a fixed hierarchy: a system seen before closes everything
 * opened after it (a sibling), a new one opens a level under the current node. Unnumbered
 * headings (short lines without punctuation) are optional because only reports use them.
 */

export type TreeNode = {
  label: NumberLabel | null;
  style: "numbered" | "marker" | "plain";
  heading: LogicalLine;
  body: LogicalLine[];
  children: TreeNode[];
  key: string;
  from: number;
  to: number;
};

export type Tree = { preamble: LogicalLine[]; roots: TreeNode[] };

export type TreeOptions = {
  /** Recognise unnumbered headings (reports). */
  headings?: boolean;
  /** Prefix for every key, e.g. "計畫". */
  keyPrefix?: string;
  /** The first label may have any number (a chapter that starts at 肆、). */
  startAnywhere?: boolean;
  /**
   * Where to report irregular numbering. When given, a heading-like line whose number repeats,
   * skips or goes back among 壹、/一、/(一) siblings stays a sibling, with a warning naming the line,
   * instead of being read as text of the item before it.
   */
  warnings?: ParseWarning[];
};

const STRICT_SYSTEMS: ReadonlySet<string> = new Set(["formal", "cjk", "paren-cjk"]);

function expectedLabel(label: NumberLabel, ordinal: number): string {
  const digits = "一二三四五六七八九十";
  const formal = "壹貳參肆伍陸柒捌玖拾";
  const cjk = (n: number): string =>
    n <= 10
      ? digits[n - 1]!
      : n < 20
        ? `十${n % 10 ? digits[(n % 10) - 1] : ""}`
        : `${digits[Math.floor(n / 10) - 1]}十${n % 10 ? digits[(n % 10) - 1] : ""}`;
  switch (label.system) {
    case "formal":
      return ordinal <= 10 ? `${formal[ordinal - 1]}、` : `${ordinal}`;
    case "cjk":
      return `${cjk(ordinal)}、`;
    case "paren-cjk":
      return `(${cjk(ordinal)})`;
    default:
      return String(ordinal);
  }
}

/** An out-of-sequence label accepted as a sibling, with the warning that says so. */
function irregular(
  stack: Entry[],
  label: NumberLabel,
  line: LogicalLine,
  warnings: ParseWarning[],
): number | null {
  if (!STRICT_SYSTEMS.has(label.system) || label.rest.length === 0 || label.rest.length > 40) return null;
  if (/[。；]/u.test(label.rest)) return null;
  let idx = -1;
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.system === label.system) idx = i;
  if (idx < 0) return null;
  const prev = stack[idx]!.node.label?.ordinal ?? 0;
  const params = { label: label.label, line: line.from, text: line.text.slice(0, 60) };
  const expected = expectedLabel(label, prev + 1);
  if (label.ordinal === prev) warnings.push({ code: "numberingRepeated", params });
  else if (label.ordinal > prev) warnings.push({ code: "numberingSkipped", params: { ...params, expected } });
  else warnings.push({ code: "numberingOutOfOrder", params: { ...params, expected } });
  return idx;
}

type Entry = { node: TreeNode; system: string };

const HEADING_PUNCT = /[，。；！？：,;!?:]/u;
const CJK_RUN = /[\u3400-\u9fff]/gu;

function headingCandidate(line: LogicalLine): boolean {
  if (line.kind !== "text") return false;
  const compact = line.text.replace(/\s+/gu, "");
  if (compact.length < 4 || compact.length > 32 || HEADING_PUNCT.test(compact)) return false;
  if (/\d$/u.test(compact)) return false;
  const cjk = compact.match(CJK_RUN)?.length ?? 0;
  return cjk >= compact.length * 0.5;
}

/** A heading needs a body: a numbered item or a real paragraph, not another fragment. */
function isHeading(line: LogicalLine, next: LogicalLine | undefined): boolean {
  if (!headingCandidate(line) || !next) return false;
  if (parseNumberLabel(next.text)) return true;
  if (next.kind !== "text" || next.text.replace(/\s+/gu, "").length < 4) return false;
  return !headingCandidate(next) || next.marker !== line.marker;
}

/** Where a numbered line goes: the stack depth it sits at, or null when it is not really a label. */
function placeLabel(stack: Entry[], label: NumberLabel): number | null {
  let idx = -1;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i]!.system === label.system) {
      idx = i;
      break;
    }
  }
  if (idx >= 0) {
    const prev = stack[idx]!.node.label?.ordinal ?? 0;
    // Next number, one skipped (a typo or a lost line), or a restart of the list.
    if (label.ordinal === prev + 1 || label.ordinal === prev + 2 || label.ordinal === 1) return idx;
    return null;
  }
  return label.ordinal <= 2 ? stack.length : null;
}

/** A numbered line that reads as a heading (a short title), not as a statement. */
function headingLike(node: TreeNode): boolean {
  if (node.style !== "numbered") return true;
  const rest = headingRest(node);
  return rest.length <= 40 && !/[。；]/u.test(rest);
}

/**
 * Where an unnumbered heading goes. Marked headings (a lost bullet glyph) are siblings of each
 * other. A plain heading that is followed by a list restarting at 1 is a sibling of the heading
 * that owned the previous list; otherwise it is a sub-heading of the nearest heading-like node
 * (a statement such as "2.辦理…工程，於 106 年 3 月竣工。" does not take sub-headings).
 */
function placeHeading(stack: Entry[], marker: boolean, next: LogicalLine | undefined): number {
  if (marker) {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.system === "§marker") return i;
    return stack.length;
  }
  const nextLabel = next && next.kind !== "table" ? parseNumberLabel(next.text) : null;
  if (nextLabel && nextLabel.ordinal === 1) {
    const idx = stack.findIndex((e) => e.system === nextLabel.system);
    if (idx >= 0) return idx > 0 && stack[idx - 1]!.system === "§plain" ? idx - 1 : idx;
  }
  for (let d = stack.length - 1; d >= 0; d--) {
    const entry = stack[d]!;
    if (entry.system === "§plain") return d;
    if (headingLike(entry.node)) return d + 1;
  }
  return 0;
}

function newNode(line: LogicalLine, label: NumberLabel | null, style: TreeNode["style"]): TreeNode {
  return { label, style, heading: line, body: [], children: [], key: "", from: line.from, to: line.to };
}

export function buildTree(lines: readonly LogicalLine[], options: TreeOptions = {}): Tree {
  const preamble: LogicalLine[] = [];
  const roots: TreeNode[] = [];
  const stack: Entry[] = [];
  const attach = (node: TreeNode, depth: number, system: string): void => {
    stack.length = depth;
    const parent = stack[depth - 1]?.node;
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push({ node, system });
  };
  lines.forEach((line, i) => {
    const label = line.kind === "table" ? null : parseNumberLabel(line.text);
    const depth = label
      ? options.startAnywhere && stack.length === 0 && roots.length === 0
        ? 0
        : (placeLabel(stack, label) ??
          (options.warnings ? irregular(stack, label, line, options.warnings) : null))
      : null;
    if (label && depth !== null) {
      attach(newNode(line, label, "numbered"), depth, label.system);
      return;
    }
    if (options.headings && isHeading(line, lines[i + 1])) {
      const style = line.marker ? "marker" : "plain";
      attach(newNode(line, null, style), placeHeading(stack, line.marker, lines[i + 1]), `§${style}`);
      return;
    }
    const current = stack[stack.length - 1]?.node;
    if (current) current.body.push(line);
    else preamble.push(line);
  });
  for (const root of roots) finish(root);
  assignKeys(roots, options.keyPrefix ?? "");
  return { preamble, roots };
}

function finish(node: TreeNode): void {
  for (const line of node.body) {
    node.from = Math.min(node.from, line.from);
    node.to = Math.max(node.to, line.to);
  }
  for (const child of node.children) {
    finish(child);
    node.from = Math.min(node.from, child.from);
    node.to = Math.max(node.to, child.to);
  }
}

/** Keys are label paths; unnumbered nodes count as §1, §2…; a restarted list gets #2, #3…. */
export function assignKeys(nodes: TreeNode[], prefix: string): void {
  const used = new Set<string>();
  let unnumbered = 0;
  for (const node of nodes) {
    const base = node.label ? labelKey(node.label.label) : `§${++unnumbered}`;
    let seg = base;
    for (let n = 2; used.has(seg); n++) seg = `${base}#${n}`;
    used.add(seg);
    node.key = prefix ? `${prefix}/${seg}` : seg;
    assignKeys(node.children, node.key);
  }
}

/** The heading line's text after the label. */
export function headingRest(node: TreeNode): string {
  return node.label ? node.label.rest : node.heading.text;
}

/** Full text of a node's own lines: heading, then each paragraph on its own line. */
export function nodeText(node: TreeNode): string {
  return [headingRest(node), ...node.body.map((l) => l.text.replace(/\t+/gu, " ").trim())]
    .filter((t) => t.length > 0)
    .join("\n");
}

/**
 * A short heading when the line has one: "科技產業帶動優質就業：…" → the part before the colon;
 * a line without a full stop → the line; a sentence → null.
 */
export function titleOf(rest: string): string | null {
  const colon = rest.search(/[：:]/u);
  if (colon >= 2) {
    const before = rest.slice(0, colon).trim();
    if (before.length <= 30 && !/[，。；]/u.test(before)) return before;
  }
  const t = rest.trim().replace(/[：:，、]+$/u, "");
  if (t.length === 0 || t.length > 40 || /[。；]/u.test(t)) return null;
  return t;
}

/** Depth-first walk. */
export function walk(
  nodes: readonly TreeNode[],
  visit: (node: TreeNode, parent: TreeNode | null) => void,
  parent: TreeNode | null = null,
): void {
  for (const node of nodes) {
    visit(node, parent);
    walk(node.children, visit, node);
  }
}
