import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDatabase } from "@/lib/import/seed";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The data-access layer (lib/data) obtains the server's database itself, through lib/db/server's
// process-wide client: the test hands it this file's database, wrapped to record every query.
let t: TestDatabase;
const users: Record<string, SessionUser> = {};
let secretariatItem: number; // an agenda item of the 2013 outline, owned by 秘書處
const queries: Array<{ model: string; operation: string; args: unknown }> = [];

function recording(db: Db): Db {
  return new Proxy(db, {
    get(target, model, receiver) {
      const delegate: unknown = Reflect.get(target, model, receiver);
      if (typeof model !== "string" || model.startsWith("$") || typeof delegate !== "object" || !delegate)
        return delegate;
      return new Proxy(delegate, {
        get(methods, operation) {
          const method: unknown = Reflect.get(methods, operation);
          if (typeof method !== "function" || typeof operation !== "string") return method;
          return (args: unknown) => {
            queries.push({ model, operation, args });
            return (method as (a: unknown) => unknown).call(methods, args);
          };
        },
      });
    },
  });
}

/** A fixture user from the shared factory, kept under its key. */
async function addUser(key: string, role: Role, departments: string[]) {
  users[key] = await makeUser(t.db, key, role, departments);
}
const as = (key: string): SessionUser | null => users[key] ?? null;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  await addUser("admin", "admin", []);
  await addUser("secretariat", "staff", ["secretariat"]);
  await addUser("transport", "staff", ["transportation"]);
  await addUser("councillor", "councillor", []);
  secretariatItem = (
    await t.db.planNode.findFirstOrThrow({
      where: {
        kind: "agenda_item",
        department: { slug: "secretariat" },
        document: { kind: "policy_outline" },
      },
      orderBy: { lineFrom: "asc" },
      select: { id: true },
    })
  ).id;
  (globalThis as { portalDb?: Db }).portalDb = recording(t.db);
});
afterAll(async () => {
  delete (globalThis as { portalDb?: Db }).portalDb;
  await t?.dispose();
});

describe("the staff edit page's read asks permission before it loads", () => {
  it.each(["transport", "councillor", "anonymous"])(
    "refuses %s after reading only who answers for the node",
    async (key) => {
      const { getNodeForEditing } = await import("@/lib/data/staff");
      queries.length = 0;
      expect(await getNodeForEditing(as(key), secretariatItem)).toEqual({ status: "forbidden" });
      expect(queries).toEqual([
        {
          model: "planNode",
          operation: "findUnique",
          args: {
            where: { id: secretariatItem },
            // the owner as stored at import, and the lead departments tracking it
            select: {
              departmentId: true,
              trackedItems: { where: { state: "tracking" }, select: { leadDepartmentId: true } },
            },
          },
        },
      ]);
    },
  );

  it.each(["secretariat", "admin"])("loads the node and its history for %s", async (key) => {
    const { getNodeForEditing } = await import("@/lib/data/staff");
    const found = await getNodeForEditing(as(key), secretariatItem);
    expect(found.status).toBe("ok");
    if (found.status === "ok") {
      expect(found.node.id).toBe(secretariatItem);
      expect(found.node.department?.slug).toBe("secretariat");
    }
  });

  it("answers not-found for a node that does not exist, whoever asks", async () => {
    const { getNodeForEditing } = await import("@/lib/data/staff");
    expect(await getNodeForEditing(as("admin"), 999_999_999)).toEqual({ status: "not-found" });
    expect(await getNodeForEditing(as("transport"), 999_999_999)).toEqual({ status: "not-found" });
  });
});

describe("signed-in reads check permission themselves", () => {
  it("the staff workspace and bulk choices: staff and admin only", async () => {
    const { listBulkDepartments, listWorkspaceItems } = await import("@/lib/data/staff");
    await expect(listWorkspaceItems(as("councillor"), { filter: "all" })).rejects.toThrow(
      PermissionDeniedError,
    );
    await expect(listWorkspaceItems(null, { filter: "all" })).rejects.toThrow(PermissionDeniedError);
    const mine = await listWorkspaceItems(as("secretariat"), { filter: "all" });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.department?.slug === "secretariat")).toBe(true);

    await expect(listBulkDepartments(as("councillor"))).rejects.toThrow(PermissionDeniedError);
    expect((await listBulkDepartments(as("secretariat"))).map((d) => d.slug)).toEqual(["secretariat"]);
    expect((await listBulkDepartments(as("admin"))).length).toBeGreaterThan(1);
  });

  it("the bulk template: staff of that department or admin", async () => {
    const { getBulkTemplate } = await import("@/lib/data/staff");
    const period = { year: 2013, quarter: 4 };
    expect(await getBulkTemplate(as("transport"), "secretariat", period)).toEqual({ status: "forbidden" });
    expect(await getBulkTemplate(as("secretariat"), "no-such-department", period)).toEqual({
      status: "not-found",
    });
    const template = await getBulkTemplate(as("secretariat"), "secretariat", period);
    expect(template).toMatchObject({ status: "ok", fileName: "progress-secretariat-2013-q4.csv" });
  });

  it("the administrators' reads: admin only", async () => {
    const { listAuditEvents, listDepartmentChoices, listUsers } = await import("@/lib/data/admin");
    for (const key of ["secretariat", "councillor", "anonymous"]) {
      await expect(listUsers(as(key))).rejects.toThrow(PermissionDeniedError);
      await expect(listDepartmentChoices(as(key))).rejects.toThrow(PermissionDeniedError);
      await expect(listAuditEvents(as(key), { page: 1 })).rejects.toThrow(PermissionDeniedError);
    }
    expect((await listUsers(as("admin"))).map((u) => u.email)).toContain("secretariat@example.test");
    expect((await listDepartmentChoices(as("admin"))).map((d) => d.slug)).toContain("secretariat");
  });

  it("the council area: councillors and admin only", async () => {
    const { listCouncilPeriods, listMyNotes } = await import("@/lib/data/council");
    await expect(listCouncilPeriods(as("secretariat"))).rejects.toThrow(PermissionDeniedError);
    await expect(listMyNotes(null)).rejects.toThrow(PermissionDeniedError);
    expect((await listCouncilPeriods(as("councillor"))).length).toBeGreaterThan(0);
  });
});
