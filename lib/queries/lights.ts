import "server-only";
import type { Db } from "@/lib/db/client";
import {
  byShareOnSchedule,
  type Light,
  type PublishedLight,
  itemLightNow,
  type LightShares,
  rollUpLights,
  worstFirst,
} from "@/lib/domain/lights";
import { calendarDay } from "@/lib/domain/time";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DepartmentRef } from "./documents";

/** Items tracked by a set whose span covers this Taipei day: what "tracked this year" means on public pages. */
export const trackedOn = (today: string): Prisma.TrackedItemWhereInput => {
  const day = new Date(`${today}T00:00:00Z`);
  return { set: { fromDay: { lte: day }, toDay: { gte: day } } };
};

/** A tracked item's light today, with what a roll-up groups it by. */
export type TrackedItemLight = {
  itemId: number;
  nodeId: number;
  setId: number;
  weight: number;
  light: Light;
  /** The department answering for it: its lead, else the node's owner; null for a city-wide item without a lead. */
  departmentId: number | null;
};

/**
 * The light every tracked item matching `where` shows on this Taipei day (itemLightNow): three
 * queries whatever the number of items, so a department with 500 items costs the same as one.
 */
export async function trackedItemLights(
  db: Db,
  where: Prisma.TrackedItemWhereInput,
  today: string,
): Promise<TrackedItemLight[]> {
  const items = await db.trackedItem.findMany({
    where,
    orderBy: { id: "asc" },
    select: {
      id: true,
      nodeId: true,
      setId: true,
      weight: true,
      state: true,
      leadDepartmentId: true,
      node: { select: { departmentId: true } },
    },
  });
  if (items.length === 0) return [];
  const setIds = [...new Set(items.map((i) => i.setId))];
  const nodeIds = [...new Set(items.map((i) => i.nodeId))];
  const [dueCycles, entries] = await Promise.all([
    // DATE columns hold Taipei days at UTC midnight: "before today" is a due day already passed.
    db.reportingCycle.findMany({
      where: { setId: { in: setIds }, reviewDue: { lt: new Date(`${today}T00:00:00Z`) } },
      orderBy: { periodTo: "desc" },
      select: { setId: true, periodTo: true },
    }),
    db.progressEntry.findMany({
      where: { ...PUBLIC_ENTRY, nodeId: { in: nodeIds } },
      orderBy: [{ periodTo: "desc" }, { publishedAt: "desc" }, { id: "desc" }],
      select: { nodeId: true, periodTo: true, light: true, status: true },
    }),
  ]);
  const lastDue = new Map<number, string>();
  for (const cycle of dueCycles)
    if (!lastDue.has(cycle.setId)) lastDue.set(cycle.setId, calendarDay(cycle.periodTo));
  const published = new Map<number, PublishedLight[]>();
  for (const e of entries) {
    const list = published.get(e.nodeId) ?? [];
    // Published before lights existed: a completed one is still completed.
    list.push({
      periodEnd: calendarDay(e.periodTo),
      light: e.light ?? (e.status === "completed" ? "completed" : null),
    });
    published.set(e.nodeId, list);
  }
  return items.map((item) => ({
    itemId: item.id,
    nodeId: item.nodeId,
    setId: item.setId,
    weight: item.weight,
    departmentId: item.leadDepartmentId ?? item.node.departmentId,
    light: itemLightNow({
      closed: item.state === "closed",
      lastDuePeriodEnd: lastDue.get(item.setId) ?? null,
      published: published.get(item.nodeId) ?? [],
    }),
  }));
}

export type DepartmentLights = { department: DepartmentRef & { id: number }; lights: LightShares };

/** Lights rolled up by the department answering for each item, most on schedule first. */
export async function lightsByDepartment(
  db: Db,
  items: readonly TrackedItemLight[],
): Promise<{ departments: DepartmentLights[]; cityWide: LightShares | null }> {
  const groups = new Map<number | null, TrackedItemLight[]>();
  for (const item of items) {
    const group = groups.get(item.departmentId) ?? [];
    group.push(item);
    groups.set(item.departmentId, group);
  }
  const ids = [...groups.keys()].filter((id): id is number => id !== null);
  const departments = await db.department.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, nameZh: true, nameEn: true },
  });
  const rows = departments.map((department) => ({
    department,
    lights: rollUpLights(groups.get(department.id) ?? []),
  }));
  rows.sort((a, b) => byShareOnSchedule(a.lights, b.lights));
  const unassigned = groups.get(null);
  return { departments: rows, cityWide: unassigned ? rollUpLights(unassigned) : null };
}

export type SetThresholds = { id: number; name: string; green: number; yellow: number };

/** Every tracking set's light thresholds, for the methodology page. */
export async function listSetThresholds(db: Db): Promise<SetThresholds[]> {
  const sets = await db.trackedSet.findMany({
    orderBy: [{ fromDay: "desc" }, { id: "desc" }],
    select: { id: true, name: true, greenThreshold: true, yellowThreshold: true },
  });
  return sets.map((s) => ({ id: s.id, name: s.name, green: s.greenThreshold, yellow: s.yellowThreshold }));
}

export type TrackedLights = {
  lights: LightShares;
  /** Worst first, then in document order. */
  items: Array<{ nodeId: number; numberLabel: string | null; title: string; light: Light; weight: number }>;
};

/** A department's tracked items this year (those it leads, or owns without a lead), with their lights. */
export async function departmentTracking(
  db: Db,
  departmentId: number,
  today: string,
): Promise<TrackedLights | null> {
  const lights = await trackedItemLights(
    db,
    {
      ...trackedOn(today),
      OR: [{ leadDepartmentId: departmentId }, { leadDepartmentId: null, node: { departmentId } }],
    },
    today,
  );
  return withTitles(db, lights);
}

/** A roll-up with its items' titles, worst first, then in document order. */
async function withTitles(db: Db, lights: TrackedItemLight[]): Promise<TrackedLights | null> {
  if (lights.length === 0) return null;
  const nodes = await db.planNode.findMany({
    where: { id: { in: lights.map((l) => l.nodeId) } },
    select: { id: true, numberLabel: true, title: true, text: true, lineFrom: true },
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const items = lights
    .flatMap((l) => {
      const node = byId.get(l.nodeId);
      return node ? [{ ...l, node }] : [];
    })
    .sort((a, b) => worstFirst(a.light, b.light) || a.node.lineFrom - b.node.lineFrom)
    // A node tracked by two sets at once is listed once, with its worse light.
    .filter((l, i, all) => all.findIndex((o) => o.nodeId === l.nodeId) === i)
    .map((l) => ({
      nodeId: l.nodeId,
      numberLabel: l.node.numberLabel,
      title: l.node.title ?? l.node.text,
      light: l.light,
      weight: l.weight,
    }));
  return { lights: rollUpLights(lights), items };
}

/**
 * The tracked items under a strategy or vision this year: a strategy itself when tracked, and the
 * items confirmed (never merely suggested) to serve it; a vision gathers its strategies'. Null for
 * other kinds of node, or when nothing under it is tracked.
 */
export async function trackedUnder(db: Db, nodeId: number, today: string): Promise<TrackedLights | null> {
  const node = await db.planNode.findUnique({ where: { id: nodeId }, select: { kind: true } });
  if (node?.kind !== "strategy" && node?.kind !== "vision") return null;
  const strategies =
    node.kind === "strategy"
      ? [nodeId]
      : (
          await db.planNode.findMany({ where: { parentId: nodeId, kind: "strategy" }, select: { id: true } })
        ).map((s) => s.id);
  const served = await db.nodeLink.findMany({
    where: { toNodeId: { in: strategies }, origin: "confirmed" },
    select: { fromNodeId: true },
  });
  const nodeIds = [...new Set([...strategies, ...served.map((l) => l.fromNodeId)])];
  return withTitles(db, await trackedItemLights(db, { ...trackedOn(today), nodeId: { in: nodeIds } }, today));
}
