import "server-only";
import { PUBLIC_ENTRY } from "@/lib/domain/updates";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { type PageRequest, type Paged, skipTake } from "../pagination";
import type { ProgressEntryRecord } from "../schemas";
import { departmentRefSelect, isoDay } from "./shared";

export type ProgressEntryFilter = {
  node?: number;
  department?: string;
  status?: ProgressStatus;
  updatedSince?: Date;
};

// The stored JSON columns, read leniently: malformed items are left out, unknown keys never leave.
const storedFigure = z.object({ value: z.number(), unit: z.string(), label: z.string().nullish() });
const storedLink = z.object({ url: z.url({ protocol: /^https?$/u }), title: z.string() });

function publicFigures(json: unknown): ProgressEntryRecord["figures"] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = storedFigure.safeParse(item);
    return parsed.success
      ? [{ value: parsed.data.value, unit: parsed.data.unit, label: parsed.data.label ?? null }]
      : [];
  });
}

function publicLinks(json: unknown): ProgressEntryRecord["evidenceLinks"] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = storedLink.safeParse(item);
    return parsed.success ? [{ url: parsed.data.url, title: parsed.data.title }] : [];
  });
}

/**
 * Progress entries, most recently saved first. Withdrawn entries are never listed, and of the
 * author only their departments are: never the person, their e-mail or anything of their account.
 */
export async function listApiProgressEntries(
  db: Db,
  query: ProgressEntryFilter & PageRequest,
): Promise<Paged<ProgressEntryRecord>> {
  const where = {
    ...PUBLIC_ENTRY,
    nodeId: query.node,
    status: query.status,
    updatedAt: query.updatedSince ? { gte: query.updatedSince } : undefined,
    node: query.department ? { department: { slug: query.department } } : undefined,
  };
  const [total, rows] = await Promise.all([
    db.progressEntry.count({ where }),
    db.progressEntry.findMany({
      where,
      select: {
        id: true,
        periodYear: true,
        periodQuarter: true,
        periodFrom: true,
        periodTo: true,
        status: true,
        percent: true,
        narrative: true,
        figures: true,
        evidenceLinks: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        node: {
          select: {
            id: true,
            kind: true,
            numberLabel: true,
            title: true,
            text: true,
            documentId: true,
            department: departmentRefSelect,
          },
        },
        author: {
          select: {
            memberships: {
              select: { department: departmentRefSelect },
              orderBy: { department: { sortOrder: "asc" } },
            },
          },
        },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      ...skipTake(query),
    }),
  ]);
  return {
    rows: rows.map((e) => ({
      id: e.id,
      node: {
        id: e.node.id,
        kind: e.node.kind,
        numberLabel: e.node.numberLabel,
        title: e.node.title ?? e.node.text,
        documentId: e.node.documentId,
      },
      department: e.node.department,
      period: {
        year: e.periodYear,
        quarter: e.periodQuarter,
        from: isoDay(e.periodFrom),
        to: isoDay(e.periodTo),
      },
      status: e.status,
      percent: e.percent,
      narrative: e.narrative,
      figures: publicFigures(e.figures),
      evidenceLinks: publicLinks(e.evidenceLinks),
      version: e.version,
      authorDepartments: e.author.memberships.map((m) => m.department),
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    })),
    total,
  };
}
