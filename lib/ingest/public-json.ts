import type { AnyParsedDocument, ParsedBudgetLine, ParsedNode, ParseWarning } from "./types";

/** The import CLI's `--dry-run --json` shape: what a reviewer needs to check a parse, nothing internal. */
export type PublicNode = {
  kind: string;
  number: string | null;
  title?: string;
  text?: string;
  lines: [number, number];
  children: PublicNode[];
};
export type PublicBudgetLine = {
  name: string;
  amountThousand: number;
  lines: [number, number];
  children: PublicBudgetLine[];
};
export type PublicMetric = { value: number; unit: string; text: string; lines: [number, number] };
export type PublicDocument = {
  kind: AnyParsedDocument["kind"];
  genre: string;
  title: string;
  period: { from: string | null; to: string | null };
  department?: string;
  city?: string;
  issuer?: string;
  presentedOn?: string;
  presenter?: string;
  session?: string;
  budgetTotalThousand?: number;
  nodes: PublicNode[];
  budgetLines: PublicBudgetLine[];
  metrics: PublicMetric[];
  /** Codes and parameters; the CLI adds each one's English sentence as `message`. */
  warnings: ParseWarning[];
};

function publicNode(n: ParsedNode): PublicNode {
  return {
    kind: n.kind.replaceAll("_", "-"),
    number: n.numberLabel,
    ...(n.title !== null ? { title: n.title } : { text: n.text }),
    lines: [n.lineFrom, n.lineTo],
    children: n.children.map(publicNode),
  };
}

function publicBudget(b: ParsedBudgetLine): PublicBudgetLine {
  return {
    name: b.name,
    amountThousand: b.amountThousands,
    lines: [b.lineFrom, b.lineTo],
    children: b.children.map(publicBudget),
  };
}

export function toPublicJson(doc: AnyParsedDocument): PublicDocument {
  return {
    kind: doc.kind,
    genre: doc.genre,
    title: doc.title,
    period: { from: doc.period.from, to: doc.period.to },
    ...(doc.departmentSlug ? { department: doc.departmentSlug } : {}),
    ...(doc.city ? { city: doc.city } : {}),
    ...(doc.issuer ? { issuer: doc.issuer } : {}),
    ...(doc.presentedOn ? { presentedOn: doc.presentedOn } : {}),
    ...(doc.presenter ? { presenter: doc.presenter } : {}),
    ...(doc.councilSession ? { session: doc.councilSession } : {}),
    ...(doc.budgetTotalThousand !== null ? { budgetTotalThousand: doc.budgetTotalThousand } : {}),
    nodes: doc.nodes.map(publicNode),
    budgetLines: doc.budgetLines.map(publicBudget),
    metrics: doc.figures.map((f) => ({
      value: f.value,
      unit: f.unit,
      text: f.sentence,
      lines: [f.lineFrom, f.lineTo] as [number, number],
    })),
    warnings: doc.warnings,
  };
}
