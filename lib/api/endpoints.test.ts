import { describe, expect, it } from "vitest";
import { DETAIL_ENDPOINTS, documentsList, LIST_ENDPOINTS, nodesList, progressEntriesList } from "./endpoints";
import { parameterIssues } from "./errors";
import { getOpenApiDocument } from "./openapi";

describe("list parameters", () => {
  it("default to page 1 of 50 rows and coerce numbers", () => {
    expect(nodesList.parseQuery({}).data).toEqual({ page: 1, size: 50 });
    expect(nodesList.parseQuery({ year: "2013", document: "1", size: "200" }).data).toEqual({
      year: 2013,
      document: 1,
      page: 1,
      size: 200,
    });
  });

  it.each([
    [{ size: "0" }, "size", "size must be at least 1."],
    [{ size: "201" }, "size", "size must be at most 200."],
    [{ size: "1.5" }, "size", "size must be a whole number."],
    [{ year: "abc" }, "year", "year must be a whole number."],
    [{ kind: "x" }, "kind", expect.stringMatching(/^kind must be one of goal, vision, /u)],
    [
      { colour: "red" },
      "colour",
      expect.stringMatching(/^colour is not a known parameter; this endpoint takes /u),
    ],
  ])("%j → an issue naming %s", (values, parameter, message) => {
    const parsed = nodesList.parseQuery(values);
    expect(parsed.success).toBe(false);
    expect(parameterIssues(parsed.error?.issues ?? [], Object.keys(nodesList.query.shape))).toEqual([
      { parameter, message },
    ]);
  });

  it("takes document kinds by their public slug and instants with an offset", () => {
    expect(documentsList.parseQuery({ kind: "council-report" }).data?.kind).toBe("council-report");
    expect(documentsList.parseQuery({ kind: "council_report" }).success).toBe(false);
    for (const ok of ["2024-01-31", "2024-01-31T08:00:00Z", "2024-01-31T08:00:00+08:00"]) {
      expect(progressEntriesList.parseQuery({ updatedSince: ok }).success, ok).toBe(true);
    }
    for (const bad of ["2024-13-01", "2024-01-31T08:00:00", "yesterday"]) {
      expect(progressEntriesList.parseQuery({ updatedSince: bad }).success, bad).toBe(false);
    }
  });
});

describe("getOpenApiDocument", () => {
  it("documents every endpoint, with a description for every parameter", () => {
    const document = getOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    for (const endpoint of [...LIST_ENDPOINTS, ...DETAIL_ENDPOINTS]) {
      const operation = document.paths?.[endpoint.path]?.get;
      expect(operation?.operationId, endpoint.path).toBe(endpoint.operationId);
      const schema = endpoint.kind === "list" ? endpoint.query : endpoint.params;
      const names = (operation?.parameters ?? []).map((p) => ("name" in p ? p.name : ""));
      expect(names.sort()).toEqual(Object.keys(schema.shape).sort());
    }
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        "Department",
        "Document",
        "Node",
        "NodeDetail",
        "NodeTree",
        "ProgressEntry",
        "Error",
      ]),
    );
    expect(getOpenApiDocument()).toBe(document);
  });

  it("publishes patterns a JSON Schema validator can use (no regex flags)", () => {
    const text = JSON.stringify(getOpenApiDocument());
    const patterns = [...text.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/gu)].map((m) => m[1]);
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern).toMatch(/^\^.*\$$/u);
  });
});
