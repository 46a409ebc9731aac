import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as budgetLinesRoute from "@/app/api/v1/budget-lines/route";
import * as departmentRoute from "@/app/api/v1/departments/[slug]/route";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import * as documentRoute from "@/app/api/v1/documents/[id]/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import * as nodeRoute from "@/app/api/v1/nodes/[id]/route";
import * as nodesRoute from "@/app/api/v1/nodes/route";
import * as progressEntriesRoute from "@/app/api/v1/progress-entries/route";
import * as reportFiguresRoute from "@/app/api/v1/report-figures/route";
import * as searchRoute from "@/app/api/v1/search/route";
import * as openApiRoute from "@/app/api/openapi.json/route";
import { DETAIL_ENDPOINTS, LIST_ENDPOINTS } from "@/lib/api/endpoints";
import { getOpenApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db/server";
import { ErrorBody } from "@/lib/api/schemas";
import { seedDatabase } from "@/lib/import/seed";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The open-data API's contract on the seeded database: every route handler is called directly, and
 * every JSON body is checked twice, with the endpoint's zod schema and with the schema the
 * generated OpenAPI document publishes for that status.
 */

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const HANDLERS: Record<string, Handler> = {
  "/api/v1/departments": departmentsRoute.GET,
  "/api/v1/departments/{slug}": departmentRoute.GET as Handler,
  "/api/v1/documents": documentsRoute.GET,
  "/api/v1/documents/{id}": documentRoute.GET as Handler,
  "/api/v1/nodes": nodesRoute.GET,
  "/api/v1/nodes/{id}": nodeRoute.GET as Handler,
  "/api/v1/budget-lines": budgetLinesRoute.GET,
  "/api/v1/report-figures": reportFiguresRoute.GET,
  "/api/v1/progress-entries": progressEntriesRoute.GET,
  "/api/v1/search": searchRoute.GET,
};

const ENDPOINTS = [...LIST_ENDPOINTS, ...DETAIL_ENDPOINTS];
const ORIGIN = "http://portal.test";

let t: TestDatabase;
const staff = { email: "staff.member@example.test", name: "王小明 Staff" };
const ids = { delayedNode: 0, onTrackNode: 0, withdrawnEntry: 0, otherDepartmentNode: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, "seeds");
  const user = await t.db.user.create({
    data: {
      ...staff,
      passwordHash: "$argon2id$v=19$not-a-real-hash",
      role: "staff",
      memberships: { create: { department: { connect: { slug: "secretariat" } } } },
    },
  });
  const items = await t.db.planNode.findMany({
    where: { kind: "agenda_item", department: { slug: "secretariat" } },
    orderBy: { lineFrom: "asc" },
    take: 3,
    select: { id: true },
  });
  const [first, second, third] = items.map((i) => i.id);
  if (!first || !second || !third) throw new Error("the outline should have Secretariat items");
  const other = await t.db.planNode.findFirstOrThrow({
    where: { kind: "agenda_item", department: { slug: "civil-affairs" } },
    select: { id: true },
  });
  Object.assign(ids, { delayedNode: first, onTrackNode: second, otherDepartmentNode: other.id });
  const entry = (nodeId: number, status: "on_track" | "delayed" | "completed", periodFrom: string) => ({
    nodeId,
    periodYear: Number(periodFrom.slice(0, 4)),
    periodQuarter: null,
    periodFrom: new Date(periodFrom),
    periodTo: new Date(`${periodFrom.slice(0, 4)}-12-31`),
    status,
    percent: status === "delayed" ? 30 : 60,
    narrative: `${status} as of ${periodFrom}`,
    authorId: user.id,
    state: "published" as const, // public reads: through sign-off already
  });
  await t.db.progressEntry.create({ data: entry(first, "on_track", "2013-01-01") });
  await t.db.progressEntry.create({
    data: {
      ...entry(first, "delayed", "2013-07-01"), // the later period decides the node's status
      figures: [{ value: 12, unit: "場次", label: "國際交流活動", enteredBy: staff.email }],
      evidenceLinks: [
        { url: "https://www.kcg.gov.tw/", title: "高雄市政府" },
        { url: "javascript:alert(1)", title: "not a link" },
      ],
    },
  });
  await t.db.progressEntry.create({ data: entry(second, "on_track", "2013-01-01") });
  await t.db.progressEntry.create({ data: entry(other.id, "on_track", "2013-01-01") });
  const withdrawn = await t.db.progressEntry.create({
    data: {
      ...entry(third, "completed", "2013-01-01"),
      withdrawnAt: new Date(),
      withdrawnReason: "wrong item",
    },
  });
  ids.withdrawnEntry = withdrawn.id;

  // The embedded database takes one connection: from here on it is the routes'. It may still be
  // closing the seed's connection for a moment, so wait until the routes' client gets in.
  await t.db.$disconnect();
  delete (globalThis as { portalDb?: unknown }).portalDb;
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("DATABASE_POOL_MAX", "1");
  for (let attempt = 1; ; attempt++) {
    try {
      await db().$queryRaw`select 1`;
      break;
    } catch (error) {
      if (attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

afterAll(async () => {
  await (globalThis as { portalDb?: { $disconnect(): Promise<void> } }).portalDb?.$disconnect();
  vi.unstubAllEnvs();
  await t.dispose();
});

// ---------------------------------------------------------------------------------------------
// The OpenAPI document as a validator

const document = getOpenApiDocument();

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const validators = new Map<string, z.ZodType>();

/** The JSON schema the document publishes for a path and status, as a zod validator. */
function publishedSchema(path: string, status: number): z.ZodType {
  const key = `${path} ${status}`;
  const known = validators.get(key);
  if (known) return known;
  const schema = at(
    document,
    "paths",
    path,
    "get",
    "responses",
    String(status),
    "content",
    "application/json",
    "schema",
  );
  if (!schema) throw new Error(`The OpenAPI document has no JSON ${status} response for ${path}`);
  const text = JSON.stringify({ ...(schema as object), $defs: at(document, "components", "schemas") });
  const validator = z.fromJSONSchema(JSON.parse(text.replaceAll('"#/components/schemas/', '"#/$defs/')));
  validators.set(key, validator);
  return validator;
}

function zodBody(path: string, status: number): z.ZodType {
  if (status !== 200) return ErrorBody;
  const endpoint = ENDPOINTS.find((e) => e.path === path);
  if (!endpoint) throw new Error(`no endpoint ${path}`);
  return endpoint.body;
}

type Call = { response: Response; text: string; json: unknown };

/**
 * Calls the route handler for an OpenAPI path, e.g. call("/api/v1/nodes/{id}", { id: 36 }, "?…"),
 * and checks a JSON body against both schemas.
 */
async function call(
  path: string,
  params: Record<string, string | number> = {},
  search = "",
  headers: Record<string, string> = {},
): Promise<Call> {
  const handler = HANDLERS[path];
  if (!handler) throw new Error(`no handler for ${path}`);
  const concrete = path.replace(/\{(\w+)\}/gu, (_, name: string) => encodeURIComponent(String(params[name])));
  const stringParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await handler(new Request(`${ORIGIN}${concrete}${search}`, { headers }), {
    params: Promise.resolve(stringParams),
  });
  // response.text() would drop the byte-order mark the CSV starts with.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  let json: unknown = null;
  if (response.headers.get("content-type")?.startsWith("application/json")) {
    json = JSON.parse(text);
    const own = zodBody(path, response.status).safeParse(json);
    expect(own.error?.issues ?? [], `${concrete}${search} against its zod schema`).toEqual([]);
    const published = publishedSchema(path, response.status).safeParse(json);
    expect(published.error?.issues ?? [], `${concrete}${search} against the OpenAPI document`).toEqual([]);
  }
  return { response, text, json };
}

type ListBody<T = Record<string, unknown>> = {
  data: T[];
  page: {
    number: number;
    size: number;
    total: number;
    totalPages: number;
    next: string | null;
    prev: string | null;
  };
};

async function list<T = Record<string, unknown>>(path: string, search = ""): Promise<ListBody<T>> {
  const { response, json } = await call(path, {}, search);
  expect(response.status).toBe(200);
  return json as ListBody<T>;
}

async function detail<T = Record<string, unknown>>(path: string, params: Record<string, string | number>) {
  const { response, json } = await call(path, params);
  expect(response.status).toBe(200);
  return (json as { data: T }).data;
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

describe("the OpenAPI document", () => {
  it("describes every route with exactly the parameters its handler accepts", () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
    for (const endpoint of ENDPOINTS) {
      const operation = at(document, "paths", endpoint.path, "get");
      expect(operation, endpoint.path).toMatchObject({
        operationId: endpoint.operationId,
        summary: expect.any(String),
        description: expect.any(String),
      });
      const parameters = (at(operation, "parameters") ?? []) as Array<{
        name: string;
        in: string;
        description?: string;
      }>;
      const schema = endpoint.kind === "list" ? endpoint.query : endpoint.params;
      expect(parameters.map((p) => p.name).sort(), endpoint.path).toEqual(Object.keys(schema.shape).sort());
      expect(new Set(parameters.map((p) => p.in))).toEqual(
        new Set([endpoint.kind === "list" ? "query" : "path"]),
      );
      for (const p of parameters) expect(p.description, `${endpoint.path} ${p.name}`).toBeTruthy();
      const statuses = Object.keys(at(operation, "responses") as object);
      expect(statuses).toEqual(
        endpoint.kind === "list" ? ["200", "304", "400"] : ["200", "304", "400", "404"],
      );
      if (endpoint.kind === "list") {
        expect(at(operation, "responses", "200", "content", "text/csv")).toBeDefined();
        expect(at(operation, "responses", "200", "headers", "Link")).toBeDefined();
      }
    }
    expect(at(document, "openapi")).toBe("3.1.0");
  });

  it("publishes strict record schemas: a private field fails validation", () => {
    const strict = publishedSchema("/api/v1/departments", 200);
    const page = { number: 1, size: 50, total: 0, totalPages: 0, next: null, prev: null };
    expect(strict.safeParse({ data: [], page }).success).toBe(true);
    expect(strict.safeParse({ data: [], page: { ...page, secret: 1 } }).success).toBe(false);
  });

  it("is served at /api/openapi.json with the same caching as the API", async () => {
    const response = await openApiRoute.GET(new Request(`${ORIGIN}/api/openapi.json`));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("etag")).toMatch(/^W\/".+"$/u);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe("pagination", () => {
  it("defaults to 50 rows, caps nothing below 200, and links to the next page until the last", async () => {
    const all = await list("/api/v1/departments");
    expect(all.page).toMatchObject({ number: 1, size: 50, total: 34, totalPages: 1, next: null, prev: null });
    expect(all.data).toHaveLength(34);

    const first = await call("/api/v1/departments", {}, "?size=10");
    const body = first.json as ListBody<{ slug: string }>;
    expect(body.data).toHaveLength(10);
    expect(body.page).toMatchObject({ number: 1, size: 10, total: 34, totalPages: 4, prev: null });
    expect(body.page.next).toBe(`${ORIGIN}/api/v1/departments?size=10&page=2`);
    expect(first.response.headers.get("link")).toContain(
      `<${ORIGIN}/api/v1/departments?size=10&page=2>; rel="next"`,
    );
    expect(first.response.headers.get("link")).toContain(
      `<${ORIGIN}/api/v1/departments?size=10&page=4>; rel="last"`,
    );
    expect(first.response.headers.get("x-total-count")).toBe("34");

    // Following `next` walks every row once.
    const seen = [...body.data.map((d) => d.slug)];
    let next = body.page.next;
    while (next) {
      const page = await list<{ slug: string }>("/api/v1/departments", new URL(next).search);
      seen.push(...page.data.map((d) => d.slug));
      if (page.page.next === null) {
        expect(page.page.number).toBe(4);
        expect(page.data).toHaveLength(4);
      }
      next = page.page.next;
    }
    expect(new Set(seen).size).toBe(34);
    expect(seen.slice(0, 2)).toEqual(["secretariat", "civil-affairs"]);

    const max = await list("/api/v1/nodes", "?size=200");
    expect(max.data).toHaveLength(200);
    expect(max.page.next).toContain("page=2");
  });

  it("answers a page past the end with no rows, pointing back to the last page", async () => {
    const beyond = await list("/api/v1/departments", "?size=10&page=9");
    expect(beyond.data).toEqual([]);
    expect(beyond.page).toMatchObject({ number: 9, total: 34, next: null });
    expect(beyond.page.prev).toBe(`${ORIGIN}/api/v1/departments?size=10&page=4`);
  });

  it("keeps the filters in its links", async () => {
    const page = await list("/api/v1/nodes", "?kind=agenda_item&year=2013&size=5");
    expect(page.page.next).toBe(`${ORIGIN}/api/v1/nodes?kind=agenda_item&year=2013&size=5&page=2`);
  });
});

describe("invalid parameters", () => {
  it.each([
    ["/api/v1/departments", "?size=0", "size", /at least 1/u],
    ["/api/v1/departments", "?size=10000", "size", /at most 200/u],
    ["/api/v1/nodes", "?size=abc", "size", /whole number/u],
    ["/api/v1/nodes", "?page=0", "page", /at least 1/u],
    ["/api/v1/nodes", "?year=abc", "year", /whole number/u],
    ["/api/v1/nodes", "?year=2013.5", "year", /whole number/u],
    ["/api/v1/documents", "?year=", "year", /at least 1912/u],
    ["/api/v1/nodes", "?kind=budget", "kind", /one of goal, vision/u],
    ["/api/v1/nodes", "?status=done", "status", /no_update/u],
    ["/api/v1/nodes", "?document=-1", "document", /at least 1/u],
    ["/api/v1/documents", "?kind=agenda_item", "kind", /policy-outline/u],
    ["/api/v1/documents", "?department=../etc", "department", /slug/u],
    ["/api/v1/budget-lines", "?format=xml", "format", /json or csv/u],
    ["/api/v1/progress-entries", "?updatedSince=yesterday", "updatedSince", /date/u],
    ["/api/v1/progress-entries", "?status=no_update", "status", /one of/u],
    [
      "/api/v1/report-figures",
      "?sort=value",
      "sort",
      /not a known parameter.*department, document, year, page/u,
    ],
    ["/api/v1/budget-lines", "?size=10&size=20", "size", /given 2 times/u],
    ["/api/v1/search", "", "q", /required/u],
    ["/api/v1/search", "?q=", "q", /^q: Type a word or phrase/u],
    ["/api/v1/search", "?q=%E3%80%82%EF%BC%81", "q", /punctuation alone/u],
    ["/api/v1/search", `?q=${"字".repeat(101)}`, "q", /at most 100 characters/u],
    ["/api/v1/search", "?q=x&size=51", "size", /at most 50/u],
    ["/api/v1/search", "?q=x&kind=document", "kind", /budget_line/u],
  ])("%s%s → 400 naming %s", async (path, search, parameter, message) => {
    const { response, json } = await call(path, {}, search);
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = json as z.infer<typeof ErrorBody>;
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.issues).toEqual([{ parameter, message: expect.stringMatching(message) }]);
  });

  it("names every bad parameter at once", async () => {
    const { response, json } = await call("/api/v1/nodes", {}, "?size=0&year=abc&colour=red");
    expect(response.status).toBe(400);
    const issues = (json as z.infer<typeof ErrorBody>).error.issues ?? [];
    expect(issues.map((i) => i.parameter).sort()).toEqual(["colour", "size", "year"]);
  });

  it("rejects malformed ids and slugs with 400, and query parameters on single records", async () => {
    for (const [path, params] of [
      ["/api/v1/nodes/{id}", { id: "abc" }],
      ["/api/v1/documents/{id}", { id: "0" }],
      ["/api/v1/nodes/{id}", { id: "99999999999" }],
      ["/api/v1/departments/{slug}", { slug: "Not A Slug" }],
    ] as const) {
      const { response, json } = await call(path, params);
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect((json as z.infer<typeof ErrorBody>).error.issues?.[0]?.parameter).toBe(Object.keys(params)[0]);
    }
    const { response, json } = await call("/api/v1/nodes/{id}", { id: 36 }, "?format=csv");
    expect(response.status).toBe(400);
    expect((json as z.infer<typeof ErrorBody>).error.issues).toEqual([
      { parameter: "format", message: expect.stringMatching(/takes none/u) },
    ]);
  });
});

describe("not found", () => {
  it.each([
    ["/api/v1/departments/{slug}", { slug: "no-such-office" }, "Department no-such-office"],
    ["/api/v1/documents/{id}", { id: 999_999 }, "Document 999999"],
    ["/api/v1/nodes/{id}", { id: 999_999 }, "Node 999999"],
  ])("%s %j → 404", async (path, params, what) => {
    const { response, json } = await call(path, params);
    expect(response.status).toBe(404);
    expect(json).toEqual({ error: { code: "not_found", message: `${what} does not exist.` } });
  });
});

describe("departments", () => {
  it("gives one department with its aliases and documents", async () => {
    const secretariat = await detail<{ aliases: string[]; documents: Array<{ id: number; kind: string }> }>(
      "/api/v1/departments/{slug}",
      { slug: "secretariat" },
    );
    expect(secretariat).toMatchObject({
      slug: "secretariat",
      nameZh: "秘書處",
      nameEn: "Secretariat",
      documentCount: 2,
    });
    expect(secretariat.aliases).toContain("秘書事務");
    expect(secretariat.documents.map((d) => d.kind).sort()).toEqual(["council-report", "department-plan"]);
  });
});

describe("documents", () => {
  it("filters by kind, department and year", async () => {
    const all = await list<{ id: number }>("/api/v1/documents");
    expect(all.page.total).toBe(5);
    const reports = await list<{ kind: string }>("/api/v1/documents", "?kind=council-report");
    expect(reports.data.map((d) => d.kind)).toEqual(["council-report", "council-report"]);
    const secretariat = await list<{ department: { slug: string } | null }>(
      "/api/v1/documents",
      "?department=secretariat",
    );
    expect(secretariat.page.total).toBe(2);
    expect(secretariat.data.every((d) => d.department?.slug === "secretariat")).toBe(true);
    // The 2023–2026 mid-term plan covers 2024.
    const in2024 = await list<{ kind: string; yearFrom: number; yearTo: number }>(
      "/api/v1/documents",
      "?year=2024",
    );
    expect(in2024.data).toEqual([
      expect.objectContaining({ kind: "mid-term-plan", yearFrom: 2023, yearTo: 2026 }),
    ]);
    const none = await list("/api/v1/documents", "?kind=council-report&year=2018");
    expect(none).toMatchObject({ data: [], page: { total: 0, totalPages: 0, next: null } });
  });

  it("gives one document with its counts", async () => {
    const [plan] = (await list<{ id: number }>("/api/v1/documents", "?kind=department-plan")).data;
    const document = await detail("/api/v1/documents/{id}", { id: plan?.id ?? 0 });
    expect(document).toMatchObject({
      kind: "department-plan",
      yearFrom: 2018,
      documentKey: "department-plan:secretariat:2018",
      department: { slug: "secretariat" },
      counts: { budgetLines: 28, figures: 0 },
    });
  });
});

describe("plan nodes", () => {
  type NodeRow = {
    id: number;
    kind: string;
    parentId: number | null;
    status: string;
    percent: number | null;
    department: { slug: string } | null;
    document: { id: number; yearFrom: number | null; yearTo: number | null };
  };

  it("narrows with each filter", async () => {
    const all = await list<NodeRow>("/api/v1/nodes", "?size=1");
    const agenda = await list<NodeRow>("/api/v1/nodes", "?kind=agenda_item&size=200");
    expect(agenda.page.total).toBe(473);
    expect(agenda.page.total).toBeLessThan(all.page.total);
    expect(agenda.data.every((n) => n.kind === "agenda_item")).toBe(true);

    const secretariat = await list<NodeRow>("/api/v1/nodes", "?department=secretariat&size=200");
    expect(secretariat.page.total).toBeLessThan(all.page.total);
    expect(secretariat.data.every((n) => n.department?.slug === "secretariat")).toBe(true);

    const in2013 = await list<NodeRow>("/api/v1/nodes", "?year=2013&size=200");
    expect(in2013.page.total).toBeLessThan(all.page.total);
    expect(
      in2013.data.every((n) => (n.document.yearFrom ?? 0) <= 2013 && 2013 <= (n.document.yearTo ?? 0)),
    ).toBe(true);

    const [plan] = (await list<{ id: number }>("/api/v1/documents", "?kind=department-plan")).data;
    const ofPlan = await list<NodeRow>("/api/v1/nodes", `?document=${plan?.id}&size=200`);
    expect(ofPlan.page.total).toBe(159);
    expect(ofPlan.data.every((n) => n.document.id === plan?.id)).toBe(true);

    const combined = await list<NodeRow>(
      "/api/v1/nodes",
      "?kind=agenda_item&department=secretariat&year=2013",
    );
    expect(combined.page.total).toBeLessThan(secretariat.page.total);
  });

  it("filters and reports the latest non-withdrawn progress status", async () => {
    const delayed = await list<NodeRow>("/api/v1/nodes", "?status=delayed");
    expect(delayed.data.map((n) => n.id)).toEqual([ids.delayedNode]);
    expect(delayed.data[0]).toMatchObject({ status: "delayed", percent: 30 });
    const onTrack = await list<NodeRow>("/api/v1/nodes", "?status=on_track&department=secretariat");
    expect(onTrack.data.map((n) => n.id)).toEqual([ids.onTrackNode]);
    expect((await list("/api/v1/nodes", "?status=completed")).page.total).toBe(0); // only a withdrawn entry
    const all = await list("/api/v1/nodes", "?size=1");
    const noUpdate = await list<NodeRow>("/api/v1/nodes", "?status=no_update&size=200");
    expect(noUpdate.page.total).toBe(all.page.total - 3);
    expect(noUpdate.data.every((n) => n.status === "no_update")).toBe(true);
  });

  it("gives a node with its parent path and its subtree", async () => {
    type Tree = { id: number; kind: string; children: Tree[] };
    const item = await detail<NodeRow & { ancestors: Array<{ id: number; kind: string }>; children: Tree[] }>(
      "/api/v1/nodes/{id}",
      { id: ids.delayedNode },
    );
    expect(item).toMatchObject({ id: ids.delayedNode, kind: "agenda_item", status: "delayed" });
    expect(item.ancestors.length).toBeGreaterThan(0);
    expect(item.ancestors.at(-1)?.id).toBe(item.parentId);

    const area = await detail<NodeRow & { ancestors: unknown[]; children: Tree[] }>("/api/v1/nodes/{id}", {
      id: item.parentId ?? 0,
    });
    expect(area.children.map((c) => c.id)).toContain(ids.delayedNode);
    const children = await list<NodeRow>("/api/v1/nodes", `?document=${item.document.id}&size=200`);
    const direct = children.data.filter((n) => n.parentId === area.id).map((n) => n.id);
    expect(area.children.map((c) => c.id).sort((a, b) => a - b)).toEqual(direct.sort((a, b) => a - b));

    // A root's subtree holds all its descendants, several levels deep: the mid-term plan's goal.
    const count = (trees: Tree[]): number => trees.reduce((n, c) => n + 1 + count(c.children), 0);
    const [midTerm] = (await list<{ id: number }>("/api/v1/documents", "?kind=mid-term-plan")).data;
    const [goal] = (await list<NodeRow>("/api/v1/nodes", `?document=${midTerm?.id}&kind=goal`)).data;
    const root = await detail<{ ancestors: unknown[]; children: Tree[] }>("/api/v1/nodes/{id}", {
      id: goal?.id ?? 0,
    });
    expect(root.ancestors).toEqual([]);
    expect(root.children.map((c) => c.kind)).toContain("vision");
    expect(root.children.flatMap((c) => c.children.map((g) => g.kind))).toContain("strategy");
    expect(count(root.children)).toBeGreaterThan(root.children.length);
  });
});

describe("budget lines", () => {
  it("narrows by document, department and fiscal year", async () => {
    const all = await list<{ fiscalYear: number; amountThousands: number; tableName: string; name: string }>(
      "/api/v1/budget-lines",
      "?size=200",
    );
    expect(all.page.total).toBe(28);
    expect(all.data).toContainEqual(
      expect.objectContaining({ tableName: "對照表", name: "合計", amountThousands: 330_433 }),
    );
    expect((await list("/api/v1/budget-lines", "?year=2018")).page.total).toBe(28);
    expect((await list("/api/v1/budget-lines", "?year=2013")).page.total).toBe(0);
    expect((await list("/api/v1/budget-lines", "?department=secretariat")).page.total).toBe(28);
    expect((await list("/api/v1/budget-lines", "?department=civil-affairs")).page.total).toBe(0);
    const [plan] = (await list<{ id: number }>("/api/v1/documents", "?kind=department-plan")).data;
    expect((await list("/api/v1/budget-lines", `?document=${plan?.id}`)).page.total).toBe(28);
    expect((await list("/api/v1/budget-lines", "?document=999999")).page.total).toBe(0);
  });
});

describe("report figures", () => {
  it("narrows by document, department and year", async () => {
    const all = await list("/api/v1/report-figures", "?size=1");
    expect(all.page.total).toBe(193);
    const secretariat = await list<{ department: { slug: string } }>(
      "/api/v1/report-figures",
      "?department=secretariat&size=200",
    );
    expect(secretariat.page.total).toBe(81);
    expect(secretariat.data.every((f) => f.department.slug === "secretariat")).toBe(true);
    expect((await list("/api/v1/report-figures", "?year=2012")).page.total).toBe(112);
    expect((await list("/api/v1/report-figures", "?year=2017&department=secretariat")).page.total).toBe(81);
    const [report] = (
      await list<{ id: number }>("/api/v1/documents", "?kind=council-report&department=secretariat")
    ).data;
    const ofReport = await list<{ document: { id: number } }>(
      "/api/v1/report-figures",
      `?document=${report?.id}`,
    );
    expect(ofReport.page.total).toBe(81);
  });
});

describe("progress entries", () => {
  type Entry = { id: number; node: { id: number }; status: string; department: { slug: string } | null };

  it("lists only entries that are not withdrawn, newest first, with each filter narrowing", async () => {
    const all = await list<Entry>("/api/v1/progress-entries");
    expect(all.page.total).toBe(4);
    expect(all.data.map((e) => e.id)).not.toContain(ids.withdrawnEntry);
    expect(
      (await list<Entry>("/api/v1/progress-entries", `?node=${ids.delayedNode}`)).data.map((e) => e.status),
    ).toEqual(["delayed", "on_track"]);
    const civil = await list<Entry>("/api/v1/progress-entries", "?department=civil-affairs");
    expect(civil.data.map((e) => e.node.id)).toEqual([ids.otherDepartmentNode]);
    expect((await list("/api/v1/progress-entries", "?status=on_track")).page.total).toBe(3);
    expect((await list("/api/v1/progress-entries", "?status=completed")).page.total).toBe(0);
    expect((await list("/api/v1/progress-entries", "?updatedSince=2000-01-01")).page.total).toBe(4);
    expect((await list("/api/v1/progress-entries", "?updatedSince=2999-01-01T00:00:00Z")).page.total).toBe(0);
    expect(
      (await list("/api/v1/progress-entries", "?updatedSince=2999-01-01T08:00:00%2B08:00")).page.total,
    ).toBe(0);
  });

  it("exposes public fields only: never the author, their e-mail or the withdrawal", async () => {
    const { text, json } = await call("/api/v1/progress-entries");
    const csv = await call("/api/v1/progress-entries", {}, "?format=csv");
    for (const body of [text, csv.text]) {
      expect(body).not.toContain(staff.email);
      expect(body).not.toContain(staff.name);
      expect(body).not.toMatch(/passwordHash|argon2|authorId|withdrawn|javascript:/iu);
    }
    const entries = (json as ListBody).data;
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(
        [
          "id",
          "node",
          "department",
          "period",
          "status",
          "percent",
          "narrative",
          "figures",
          "evidenceLinks",
          "version",
          "authorDepartments",
          "createdAt",
          "updatedAt",
        ].sort(),
      );
      expect(entry.authorDepartments).toEqual([
        { slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat" },
      ]);
    }
    const delayed = entries.find((e) => e.status === "delayed");
    expect(delayed?.figures).toEqual([{ value: 12, unit: "場次", label: "國際交流活動" }]);
    expect(delayed?.evidenceLinks).toEqual([{ url: "https://www.kcg.gov.tw/", title: "高雄市政府" }]);
  });
});

describe("CSV", () => {
  it.each(LIST_ENDPOINTS.map((e) => [e.path, e] as const))(
    "%s serves the same rows as CSV",
    async (path, endpoint) => {
      const search = path === "/api/v1/search" ? "?q=秘書&size=7" : "?size=7";
      const json = await list<{ id?: number; slug?: string }>(path, search);
      expect(json.data.length).toBeGreaterThan(0);
      const { response, text } = await call(path, {}, `${search}&format=csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(`inline; filename="${endpoint.fileName}.csv"`);
      expect(response.headers.get("link")).toContain('rel="first"');
      expect(text.startsWith("\uFEFF")).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(endpoint.csv.map(([h]) => h));
      expect(rows).toHaveLength(json.data.length);
      expect(rows.map((r) => r[0])).toEqual(json.data.map((d) => String(d.id ?? d.slug)));
    },
  );

  it("is chosen by Accept: text/csv, while a browser's Accept gets JSON", async () => {
    const csv = await call("/api/v1/documents", {}, "", { Accept: "text/csv" });
    expect(csv.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.text.split("\r\n")[0]).toBe(`\uFEFF${documentsCsvHeader()}`);
    const browser = await call("/api/v1/documents", {}, "", {
      Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    });
    expect(browser.response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const json = await call("/api/v1/documents", {}, "?format=json", { Accept: "text/csv" });
    expect(json.response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(csv.response.headers.get("vary")).toBe("Accept");
  });

  it("keeps cells formula-safe", async () => {
    const { text } = await call("/api/v1/report-figures", {}, "?format=csv&size=200");
    const cells = parseCsv(text.slice(1)).flat();
    expect(cells.filter((c) => /^[=+@]/u.test(c))).toEqual([]);
  });
});

function documentsCsvHeader(): string {
  const endpoint = LIST_ENDPOINTS.find((e) => e.path === "/api/v1/documents");
  return endpoint?.csv.map(([h]) => h).join(",") ?? "";
}

describe("caching", () => {
  it("sends a weak ETag and answers 304 to If-None-Match", async () => {
    const first = await call("/api/v1/nodes", {}, "?kind=strategy");
    const etag = first.response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"[\w-]+"$/u);
    expect(first.response.headers.get("cache-control")).toBe(
      "public, max-age=60, stale-while-revalidate=300",
    );
    expect(first.response.headers.get("access-control-allow-origin")).toBe("*");

    const again = await call("/api/v1/nodes", {}, "?kind=strategy", { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.response.headers.get("etag")).toBe(etag);
    expect(again.response.headers.get("cache-control")).toBe(
      "public, max-age=60, stale-while-revalidate=300",
    );

    // Strong form of the same tag, a list, and * match too (weak comparison); another tag does not.
    for (const header of [etag.slice(2), `"other", ${etag}`, "*"]) {
      expect(
        (await call("/api/v1/nodes", {}, "?kind=strategy", { "If-None-Match": header })).response.status,
      ).toBe(304);
    }
    expect(
      (await call("/api/v1/nodes", {}, "?kind=strategy", { "If-None-Match": '"other"' })).response.status,
    ).toBe(200);

    // Another page, another format, another record: another tag.
    const csv = await call("/api/v1/nodes", {}, "?kind=strategy&format=csv");
    expect(csv.response.headers.get("etag")).not.toBe(etag);
    const document = await call("/api/v1/documents/{id}", { id: 1 });
    const documentTag = document.response.headers.get("etag") ?? "";
    expect(
      (await call("/api/v1/documents/{id}", { id: 1 }, "", { "If-None-Match": documentTag })).response.status,
    ).toBe(304);
    expect(
      (await call("/api/v1/documents/{id}", { id: 2 }, "", { "If-None-Match": documentTag })).response.status,
    ).toBe(200);
  });

  it("answers CORS preflights", async () => {
    const response = nodesRoute.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });
});

describe("search", () => {
  type Parts = Array<{ text: string; match: boolean }>;
  type Hit = { type: string; id: number; kind: string; title: Parts; snippet: Parts };
  type SearchBody = ListBody<Hit> & {
    facets: { kinds: Array<{ value: string; count: number }> };
    understood: { words: string[] };
  };

  it("finds nodes by their words, with highlights, facets and paging", async () => {
    const { response, json } = await call("/api/v1/search", {}, "?q=姊妹市");
    expect(response.status).toBe(200);
    const body = json as SearchBody;
    expect(body.page).toMatchObject({ number: 1, size: 20 });
    expect(body.page.total).toBeGreaterThan(0);
    const sisterCities = body.data.find((h) => h.type === "node" && h.id === 36);
    expect(sisterCities?.kind).toBe("agenda_item");
    expect([...(sisterCities?.title ?? []), ...(sisterCities?.snippet ?? [])]).toContainEqual({
      text: "姊妹市",
      match: true,
    });
    expect(body.facets.kinds.length).toBeGreaterThan(0);

    const agenda = await list<Hit>("/api/v1/search", "?q=姊妹市&kind=agenda_item");
    expect(agenda.data.length).toBeGreaterThan(0);
    expect(agenda.data.every((h) => h.kind === "agenda_item")).toBe(true);
    expect(agenda.page.total).toBeLessThanOrEqual(body.page.total);

    const paged = await list<Hit>("/api/v1/search", "?q=秘書&size=2");
    expect(paged.data).toHaveLength(2);
    expect(paged.page.next).toBe(`${ORIGIN}/api/v1/search?q=%E7%A7%98%E6%9B%B8&size=2&page=2`);
  });
});
