import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { progressTags } from "@/lib/cache/tags";
import { defineCommand } from "@/lib/commands/command";
import { LINK_DECISIONS, type LinkEnd, servesRefusal } from "@/lib/domain/links";
import { answerableDepartments } from "@/lib/domain/nodes";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LinkOrigin } from "@/lib/generated/prisma/enums";
import { progressImpactOf } from "@/lib/progress/entries";
import { recordId } from "@/lib/validation/params";

/*
 * People decide which annual items serve which strategies (decision record 009): staff of the
 * departments answering for the item, and the 研考會. A suggestion is confirmed or rejected; a pair the
 * matcher missed is added by hand. Every decision is a command with its audit record, and only
 * confirmed links count in roll-ups.
 */

type Tx = Prisma.TransactionClient;

const endSelect = {
  id: true,
  kind: true,
  retiredAt: true,
  departmentId: true,
  document: { select: { kind: true, rocYearFrom: true, rocYearTo: true, periodFrom: true, periodTo: true } },
  trackedItems: { where: { state: "tracking" as const }, select: { leadDepartmentId: true } },
} as const;

type EndRow = Prisma.PlanNodeGetPayload<{ select: typeof endSelect }>;

const asEnd = (node: EndRow): LinkEnd => ({
  kind: node.kind,
  retired: node.retiredAt !== null,
  document: node.document,
});

/** Who may decide about an item's links: the departments answering for the item (and the 研考會). */
const decideOn = (item: EndRow): Permission => ({
  action: "link.decide",
  departmentIds: answerableDepartments(item.departmentId, item.trackedItems),
});

async function loadEnd(tx: Tx, nodeId: number, field: string): Promise<EndRow> {
  const node = await tx.planNode.findUnique({ where: { id: nodeId }, select: endSelect });
  if (!node) throw new AppError("not_found", `Node ${nodeId} not found.`, { [field]: "nodeId" });
  return node;
}

async function loadLink(tx: Tx, linkId: number) {
  const link = await tx.nodeLink.findUnique({
    where: { id: linkId },
    select: {
      id: true,
      kind: true,
      origin: true,
      fromNode: { select: endSelect },
      toNode: { select: endSelect },
    },
  });
  if (!link || link.kind !== "serves") throw new AppError("not_found", `Link ${linkId} not found.`);
  return link;
}

/** The pages showing either end (and their roll-ups), taken while the link still shows there. */
async function linkTags(tx: Tx, fromNodeId: number, toNodeId: number): Promise<string[]> {
  const [from, to] = await Promise.all([progressImpactOf(tx, fromNodeId), progressImpactOf(tx, toNodeId)]);
  return [...new Set([...progressTags(from), ...progressTags(to)])];
}

function refuseUnlessMayServe(item: EndRow, strategy: EndRow) {
  const refusal = servesRefusal(asEnd(item), asEnd(strategy));
  if (refusal) throw new AppError("rule_broken", `Cannot link: ${refusal}`, { form: refusal });
}

export const decideLinkInput = z.object({
  linkId: recordId,
  decision: z.enum(LINK_DECISIONS),
  /** Where the link stood when the person decided: a link someone else decided meanwhile is refused. */
  expectedOrigin: z.enum(LinkOrigin),
});

/** 確認 or 駁回 a link between an item and the strategy it serves (a suggestion, or a past decision). */
export const decideLinkCommand = defineCommand({
  name: "link.decide",
  input: decideLinkInput,
  permission: async (input, tx) => decideOn((await loadLink(tx, input.linkId)).fromNode),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const link = await loadLink(tx, input.linkId);
    if (input.decision === input.expectedOrigin) {
      throw new AppError("invalid_input", "Nothing to change.", { form: "linkUnchanged" });
    }
    // A suggestion made before the period rule existed may still cross periods: it can be rejected, never confirmed.
    if (input.decision === "confirmed") refuseUnlessMayServe(link.fromNode, link.toNode);
    expire(...(await linkTags(tx, link.fromNode.id, link.toNode.id)));
    const { count } = await tx.nodeLink.updateMany({
      where: { id: link.id, origin: input.expectedOrigin },
      data: { origin: input.decision, confirmedById: actor.id, confirmedAt: now },
    });
    if (count === 0) throw new AppError("conflict", `Link ${link.id} changed.`, { form: "linkChanged" });
    await audit({
      entityType: "NodeLink",
      entityId: link.id,
      before: { origin: link.origin },
      after: { origin: input.decision, fromNodeId: link.fromNode.id, toNodeId: link.toNode.id },
    });
    return { linkId: link.id, origin: input.decision };
  },
});

export const addLinkInput = z.object({ itemId: recordId, strategyId: recordId });

/** Adds a link the matcher did not suggest, as confirmed; a suggested or rejected pair becomes confirmed. */
export const addLinkCommand = defineCommand({
  name: "link.add",
  input: addLinkInput,
  permission: async (input, tx) => decideOn(await loadEnd(tx, input.itemId, "itemId")),
  run: async ({ tx, actor, audit, now, expire }, input) => {
    const [item, strategy] = await Promise.all([
      loadEnd(tx, input.itemId, "itemId"),
      loadEnd(tx, input.strategyId, "strategyId"),
    ]);
    refuseUnlessMayServe(item, strategy);
    const pair = { fromNodeId: item.id, toNodeId: strategy.id, kind: "serves" as const };
    const existing = await tx.nodeLink.findUnique({
      where: { fromNodeId_toNodeId_kind: pair },
      select: { id: true, origin: true },
    });
    if (existing?.origin === "confirmed") {
      throw new AppError("invalid_input", "Already linked.", { form: "alreadyLinked" });
    }
    const decided = { origin: "confirmed" as const, confirmedById: actor.id, confirmedAt: now };
    let linkId: number;
    if (existing) {
      const { count } = await tx.nodeLink.updateMany({
        where: { id: existing.id, origin: existing.origin },
        data: decided,
      });
      if (count === 0) throw new AppError("conflict", "Link changed.", { form: "linkChanged" });
      linkId = existing.id;
    } else {
      // Two people adding the same pair at once: the unique pair lets one in, the other is told.
      const { count } = await tx.nodeLink.createMany({
        data: [{ ...pair, ...decided }],
        skipDuplicates: true,
      });
      if (count === 0) throw new AppError("conflict", "Link added meanwhile.", { form: "linkChanged" });
      linkId = (await tx.nodeLink.findUniqueOrThrow({ where: { fromNodeId_toNodeId_kind: pair } })).id;
    }
    await audit({
      entityType: "NodeLink",
      entityId: linkId,
      before: existing ? { origin: existing.origin } : null,
      after: { origin: "confirmed", fromNodeId: item.id, toNodeId: strategy.id },
    });
    // After the write, so the tags include the new link's far end.
    expire(...(await linkTags(tx, item.id, strategy.id)));
    return { linkId };
  },
});
