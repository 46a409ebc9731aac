/**
 * Comparing a department's two periods: budget lines matched by name, report figures paired by what
 * they count, item statuses at each period's end. Pure; ./read-models.ts feeds it.
 */
import type { StatusOrNone } from "@/lib/domain/progress";
import { type DatedEntry, statusAsOf } from "./progress";

/** A name as matched across years: NFKC (full-width forms, compatibility ideographs), no whitespace. */
export function normaliseName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, "");
}

export type Paired<A, B> = {
  pairs: Array<{ a: A; b: B }>;
  onlyA: A[];
  onlyB: B[];
};

/**
 * Pairs two lists by key: the k-th item of a key on one side with the k-th of the same key on the
 * other (a report that prints "本期共計召開 … 次" twice pairs first with first). Items without a key
 * are never paired. Pairs keep B's order; the left-overs keep their own sides' order.
 */
export function pairByKey<A, B>(
  a: readonly A[],
  b: readonly B[],
  keyA: (item: A) => string | null,
  keyB: (item: B) => string | null,
): Paired<A, B> {
  const waiting = new Map<string, A[]>();
  for (const item of a) {
    const key = keyA(item);
    if (key === null) continue;
    const queue = waiting.get(key);
    if (queue) queue.push(item);
    else waiting.set(key, [item]);
  }
  const pairs: Array<{ a: A; b: B }> = [];
  const pairedA = new Set<A>();
  const onlyB: B[] = [];
  for (const item of b) {
    const key = keyB(item);
    const partner = key === null ? undefined : waiting.get(key)?.shift();
    if (partner === undefined) {
      onlyB.push(item);
    } else {
      pairs.push({ a: partner, b: item });
      pairedA.add(partner);
    }
  }
  return { pairs, onlyA: a.filter((item) => !pairedA.has(item)), onlyB };
}

export type BudgetPart = { name: string; amountThousands: number };

export type BudgetLineComparison = {
  name: string;
  a: number | null;
  b: number | null;
  /** b − a, a line missing from a table counting as 0; null when either year has no budget at all. */
  difference: number | null;
};

export type BudgetComparison = {
  totalA: number | null;
  totalB: number | null;
  /** totalB − totalA; null unless both years have a budget. */
  difference: number | null;
  lines: BudgetLineComparison[];
};

/**
 * Two years' budgets side by side: totals, and the top-level parts of each year's authoritative
 * table matched by normalised name, in B's order, then the lines only A has.
 */
export function compareBudgets(
  a: { total: number; parts: readonly BudgetPart[] } | null,
  b: { total: number; parts: readonly BudgetPart[] } | null,
): BudgetComparison {
  const both = a !== null && b !== null;
  const key = (part: BudgetPart) => normaliseName(part.name) || null;
  const { pairs, onlyA } = pairByKey(a?.parts ?? [], b?.parts ?? [], key, key);
  const pairedByB = new Map(pairs.map((p) => [p.b, p.a]));
  const line = (name: string, amountA: number | null, amountB: number | null): BudgetLineComparison => ({
    name,
    a: amountA,
    b: amountB,
    difference: both ? (amountB ?? 0) - (amountA ?? 0) : null,
  });
  const lines = [
    ...(b?.parts ?? []).map((part) => {
      const partner = pairedByB.get(part);
      return line(part.name, partner?.amountThousands ?? null, part.amountThousands);
    }),
    ...onlyA.map((part) => line(part.name, part.amountThousands, null)),
  ];
  return {
    totalA: a?.total ?? null,
    totalB: b?.total ?? null,
    difference: both ? b.total - a.total : null,
    lines,
  };
}

export type FigureInput = {
  id: number;
  value: number;
  valueText: string;
  unit: string;
  label: string | null;
  documentId: number;
};

export type FigureSide = { id: number; value: number; valueText: string; documentId: number };

export type FigureComparison = {
  /** Same label and unit in both years, different value; in B's order. */
  changed: Array<{ label: string; unit: string; a: FigureSide; b: FigureSide }>;
  /** Pairs whose value did not change. */
  unchanged: number;
  /** Figures of A whose label and unit B never reports (figures without a label included). */
  onlyA: number;
  onlyB: number;
};

/** What a figure counts: its normalised label and unit; null when it has no label to match by. */
export function figureKey(figure: { label: string | null; unit: string }): string | null {
  const label = figure.label === null ? "" : normaliseName(figure.label);
  if (label === "") return null;
  return `${label}\u0000${normaliseName(figure.unit)}`;
}

/**
 * When a year has several reports that print the same figure, the latest report's speaks for the
 * year. Figures arrive in report order (oldest report first), so for each key only the figures of
 * the last report that has it are kept.
 */
export function latestReportFigures<F extends FigureInput>(figures: readonly F[]): F[] {
  const lastDocument = new Map<string, number>();
  for (const f of figures) {
    const key = figureKey(f);
    if (key !== null) lastDocument.set(key, f.documentId);
  }
  return figures.filter((f) => {
    const key = figureKey(f);
    return key === null || lastDocument.get(key) === f.documentId;
  });
}

/** Two years' report figures paired by label and unit (see pairByKey), oldest report first on each side. */
export function compareFigures(a: readonly FigureInput[], b: readonly FigureInput[]): FigureComparison {
  const latestA = latestReportFigures(a);
  const latestB = latestReportFigures(b);
  const { pairs } = pairByKey(latestA, latestB, figureKey, figureKey);
  const keysA = new Set(a.map(figureKey));
  const keysB = new Set(b.map(figureKey));
  const side = (f: FigureInput): FigureSide => ({
    id: f.id,
    value: f.value,
    valueText: f.valueText,
    documentId: f.documentId,
  });
  const changed = pairs
    .filter((p) => p.a.value !== p.b.value)
    .map((p) => ({ label: p.b.label ?? "", unit: p.b.unit, a: side(p.a), b: side(p.b) }));
  return {
    changed,
    unchanged: pairs.length - changed.length,
    onlyA: a.filter((f) => {
      const key = figureKey(f);
      return key === null || !keysB.has(key);
    }).length,
    onlyB: b.filter((f) => {
      const key = figureKey(f);
      return key === null || !keysA.has(key);
    }).length,
  };
}

export type StatusChange<I> = { item: I; from: StatusOrNone; to: StatusOrNone };

/**
 * Items whose status at the end of period A differs from their status at the end of period B, in
 * the items' order. `from` is the status at `endA`, `to` at `endB`.
 */
export function statusChanges<I>(
  items: ReadonlyArray<{ item: I; entries: readonly DatedEntry[] }>,
  endA: Date,
  endB: Date,
): Array<StatusChange<I>> {
  return items.flatMap(({ item, entries }) => {
    const from = statusAsOf(entries, endA);
    const to = statusAsOf(entries, endB);
    return from === to ? [] : [{ item, from, to }];
  });
}
