import type { ExtractContext, Extracted } from "./context";

export function extractBudgetBook(_ctx: ExtractContext): Extracted {
  return { nodes: [], budgetLines: [], figures: [] };
}
