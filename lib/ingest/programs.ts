import { checkSums, keyed } from "./budget";
import {
  type Row,
  rowAmounts,
  splitLabelled,
  type LabelledItem,
  type Table,
  toThousands,
} from "./budget-tables";
import { labelKey } from "./numbering";
import { titleOf } from "./tree";
import type { ParsedBudgetLine, ParsedNode, ParseWarning } from "./types";

/**
 * The detailed plan table (計畫名稱 / 計畫目標 / 實施要領 / 預算): programs with their goals,
 * each goal with a numbered list of implementation steps. Page breaks split cells across rows
 * and even shift them between columns, so goals and steps are read as two running lists and
 * placed by their numbering: a number that continues a list belongs to it, a 1 starts a new one,
 * and an unnumbered fragment after an unfinished sentence continues the last step.
 */

type Step = { label: string | null; ordinal: number | null; text: string; from: number; to: number };
type Goal = {
  label: string | null;
  ordinal: number | null;
  text: string;
  from: number;
  to: number;
  steps: Step[];
};
type Program = {
  label: string;
  system: string;
  ordinal: number;
  text: string;
  amount: number | null;
  from: number;
  to: number;
  goals: Goal[];
  children: Program[];
};

const PROGRAM_SYSTEMS = ["formal", "cjk", "paren-cjk"] as const;
const STEP_SYSTEMS = ["arabic"] as const;
const TERMINATED = /[。！？；;!?]$/u;

class DetailReader {
  readonly roots: Program[] = [];
  private readonly stack: Program[] = [];
  private newest: Program | null = null;
  private goalOwner: Program | null = null;
  private readonly pending: Goal[] = [];
  private steps: { goal: Goal; last: number } | null = null;
  private lastStep: Step | null = null;

  constructor(
    private readonly table: Table,
    private readonly warnings: ParseWarning[],
  ) {}

  read(row: Row): void {
    const { columns } = this.table;
    const created = this.readNames(row.cells[columns.name] ?? "", row);
    this.readAmounts(
      rowAmounts(row, columns).map((a) => toThousands(a, this.table.scale)),
      created,
      row,
    );
    if (columns.goal >= 0) this.readGoals(row.cells[columns.goal] ?? "", created.length > 0, row);
    if (columns.steps >= 0) this.readSteps(row.cells[columns.steps] ?? "", row);
  }

  private readNames(cell: string, row: Row): Program[] {
    const items = splitLabelled(cell, PROGRAM_SYSTEMS);
    const created: Program[] = [];
    for (const item of items) {
      if (!item.label || !item.system || item.ordinal === null) {
        if (this.newest) this.newest.text = `${this.newest.text} ${item.text}`.trim();
        continue;
      }
      const program: Program = {
        label: item.label,
        system: item.system,
        ordinal: item.ordinal,
        text: item.text,
        amount: null,
        from: row.line.from,
        to: row.line.to,
        goals: [],
        children: [],
      };
      const depth = this.stack.findIndex((p) => p.system === item.system);
      this.stack.length = depth >= 0 ? depth : this.stack.length;
      const parent = this.stack[this.stack.length - 1];
      if (parent) parent.children.push(program);
      else this.roots.push(program);
      this.stack.push(program);
      this.newest = program;
      created.push(program);
    }
    return created;
  }

  private readAmounts(amounts: number[], created: Program[], row: Row): void {
    if (amounts.length === 0) return;
    const targets =
      created.length > 0 ? created : this.newest && this.newest.amount === null ? [this.newest] : [];
    if (targets.length !== amounts.length) {
      this.warnings.push({
        code: "programAmountsMismatch",
        params: {
          table: this.table.title,
          line: row.line.from,
          amounts: amounts.length,
          programs: targets.length,
        },
      });
    }
    targets.forEach((p, i) => {
      if (amounts[i] !== undefined) p.amount = amounts[i];
    });
  }

  private newGoal(item: LabelledItem, owner: Program, row: Row): void {
    const goal: Goal = {
      label: item.label,
      ordinal: item.ordinal,
      text: item.text,
      from: row.line.from,
      to: row.line.to,
      steps: [],
    };
    owner.goals.push(goal);
    owner.to = Math.max(owner.to, row.line.to);
    this.goalOwner = owner;
    this.pending.push(goal);
  }

  private continueStep(text: string, row: Row): void {
    const step = this.lastStep!;
    step.text += text;
    step.to = Math.max(step.to, row.line.to);
  }

  private addStep(item: LabelledItem, row: Row): void {
    const step: Step = {
      label: item.label,
      ordinal: item.ordinal,
      text: item.text,
      from: row.line.from,
      to: row.line.to,
    };
    const startsList = item.ordinal === null || item.ordinal === 1 || !this.steps;
    if (startsList) {
      const goal = this.pending.shift() ?? this.implicitGoal(row);
      if (!goal) return;
      this.steps = { goal, last: 0 };
    }
    this.steps!.goal.steps.push(step);
    this.steps!.goal.to = Math.max(this.steps!.goal.to, row.line.to);
    this.steps!.last = item.ordinal ?? this.steps!.last;
    this.lastStep = step;
  }

  /** Steps with no goal printed for them hang on an unnamed goal of the newest program. */
  private implicitGoal(row: Row): Goal | null {
    if (!this.newest) return null;
    const goal: Goal = {
      label: null,
      ordinal: null,
      text: "",
      from: row.line.from,
      to: row.line.to,
      steps: [],
    };
    this.newest.goals.push(goal);
    return goal;
  }

  private lastGoalOrdinal(): number {
    const goals = this.goalOwner?.goals ?? [];
    return goals[goals.length - 1]?.ordinal ?? 0;
  }

  private readGoals(cell: string, createdProgram: boolean, row: Row): void {
    splitLabelled(cell, STEP_SYSTEMS).forEach((item, i) => {
      const unfinished = this.lastStep !== null && !TERMINATED.test(this.lastStep.text.trim());
      if (item.ordinal === null) {
        // A sentence cut by the page break that the extraction pushed into this column.
        if (i === 0 && unfinished && !createdProgram) this.continueStep(item.text, row);
        else if (this.newest) this.newGoal(item, this.newest, row);
        return;
      }
      const last = this.lastGoalOrdinal();
      if (item.ordinal === 1 && this.newest) this.newGoal(item, this.newest, row);
      else if (this.goalOwner && last >= 1 && item.ordinal === last + 1)
        this.newGoal(item, this.goalOwner, row);
      else if (this.steps && item.ordinal === this.steps.last + 1 && item.ordinal !== 1)
        this.addStep(item, row);
      else if (this.newest) this.newGoal(item, this.newest, row);
    });
  }

  private readSteps(cell: string, row: Row): void {
    splitLabelled(cell, STEP_SYSTEMS).forEach((item) => {
      const unfinished = this.lastStep !== null && !TERMINATED.test(this.lastStep.text.trim());
      if (item.ordinal === null && unfinished) this.continueStep(item.text, row);
      else this.addStep(item, row);
    });
  }
}

function programTitle(p: Program): string {
  return p.text.split(/\s+/u)[0] ?? p.text;
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
  used.add(key);
  return key;
}

function goalNode(goal: Goal, key: string): ParsedNode {
  const used = new Set<string>();
  let unnumbered = 0;
  const children = goal.steps.map((s) => {
    const seg = s.label ? labelKey(s.label) : `§${++unnumbered}`;
    const text = s.text.trim();
    return {
      key: uniqueKey(`${key}/${seg}`, used),
      kind: "point" as const,
      numberLabel: s.label,
      ordinal: s.ordinal,
      title: null,
      text,
      departmentSlug: null,
      lineFrom: s.from,
      lineTo: Math.max(s.from, s.to),
      children: [],
    };
  });
  return {
    key,
    kind: "goal",
    numberLabel: goal.label,
    ordinal: goal.ordinal,
    title: goal.text ? titleOf(goal.text) : null,
    text: goal.text.trim(),
    departmentSlug: null,
    lineFrom: goal.from,
    lineTo: Math.max(goal.from, goal.to, ...children.map((c) => c.lineTo)),
    children,
  };
}

function programNode(p: Program, parentKey: string, used: Set<string>, slug: string | null): ParsedNode {
  const key = uniqueKey(`${parentKey}/${labelKey(p.label)}`, used);
  const childKeys = new Set<string>();
  let unnumbered = 0;
  const goals = p.goals.map((g) =>
    goalNode(g, uniqueKey(`${key}/${g.label ? labelKey(g.label) : `§${++unnumbered}`}`, childKeys)),
  );
  const programs = p.children.map((c) => programNode(c, key, childKeys, slug));
  const children = [...goals, ...programs];
  return {
    key,
    kind: "program",
    numberLabel: p.label,
    ordinal: p.ordinal,
    title: programTitle(p),
    text: p.text,
    departmentSlug: slug,
    lineFrom: p.from,
    lineTo: Math.max(p.to, ...children.map((c) => c.lineTo)),
    children,
  };
}

/** Budget lines follow the program tree; a program without an amount passes its children up. */
function budgetLines(programs: Program[], nodes: ParsedNode[], fiscalYear: number): ParsedBudgetLine[] {
  return programs.flatMap((p, i) => {
    const node = nodes.find((n) => n.numberLabel === p.label && n.lineFrom === p.from) ?? nodes[i];
    const childNodes = node ? node.children.filter((c) => c.kind === "program") : [];
    const children = budgetLines(p.children, childNodes, fiscalYear);
    if (p.amount === null) return children;
    const line: ParsedBudgetLine = {
      key: "",
      label: p.label,
      name: programTitle(p),
      amountThousands: p.amount,
      note: null,
      fiscalYear,
      programKey: node?.key ?? null,
      lineFrom: p.from,
      lineTo: p.to,
      children,
    };
    return [line];
  });
}

/** Sums are only checked where every child program carries an amount. */
function checkable(lines: ParsedBudgetLine[], programs: Program[]): ParsedBudgetLine[] {
  return lines.map((l, i) => {
    const p = programs.find((q) => q.label === l.label && q.from === l.lineFrom) ?? programs[i];
    const complete = p ? p.children.every((c) => c.amount !== null) : true;
    return { ...l, children: complete ? checkable(l.children, p?.children ?? []) : [] };
  });
}

export type DetailResult = { nodes: ParsedNode[]; budgetLines: ParsedBudgetLine[] };

export function parseDetailTable(
  table: Table,
  fiscalYear: number,
  slug: string | null,
  warnings: ParseWarning[],
): DetailResult {
  const reader = new DetailReader(table, warnings);
  for (const row of table.rows) reader.read(row);
  const used = new Set<string>();
  const nodes = reader.roots.map((p) => programNode(p, "計畫", used, slug));
  const lines = keyed(budgetLines(reader.roots, nodes, fiscalYear), "計畫表");
  checkSums(checkable(lines, reader.roots), table.title, warnings);
  return { nodes, budgetLines: lines };
}

/** The detail table repeats the crosswalk's amounts per 類; say so when the two disagree. */
export function crossCheck(
  crosswalk: ParsedBudgetLine[],
  detail: ParsedBudgetLine[],
  warnings: ParseWarning[],
): void {
  const byLabel = new Map<string, ParsedBudgetLine>();
  const collect = (lines: ParsedBudgetLine[]): void =>
    lines.forEach((l) => {
      if (l.label && !byLabel.has(l.label)) byLabel.set(l.label, l);
      collect(l.children);
    });
  collect(crosswalk);
  for (const d of detail) {
    if (!d.label) continue;
    const c = byLabel.get(d.label);
    if (c && c.amountThousands !== d.amountThousands) {
      warnings.push({
        code: "budgetTablesDisagree",
        params: {
          label: d.label,
          name: d.name,
          planAmount: d.amountThousands,
          planLine: d.lineFrom,
          crosswalkAmount: c.amountThousands,
          crosswalkLine: c.lineFrom,
        },
      });
    }
  }
}

/** Links crosswalk lines to the program of the same label and name. */
export function linkPrograms(lines: ParsedBudgetLine[], programs: ParsedNode[]): ParsedBudgetLine[] {
  return lines.map((l) => {
    const p = programs.find((n) => n.numberLabel === l.label && n.title === l.name);
    return { ...l, programKey: p?.key ?? l.programKey, children: linkPrograms(l.children, programs) };
  });
}
