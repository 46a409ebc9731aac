import { describe, expect, it } from "vitest";
import { pageMeta, skipTake } from "./pagination";

const url = new URL("http://portal.test/api/v1/nodes?kind=agenda_item&size=10&page=2");

describe("pageMeta", () => {
  it("links to the neighbours, keeping the other parameters", () => {
    const { meta, linkHeader } = pageMeta(url, { page: 2, size: 10 }, 35);
    expect(meta).toEqual({
      number: 2,
      size: 10,
      total: 35,
      totalPages: 4,
      next: "http://portal.test/api/v1/nodes?kind=agenda_item&size=10&page=3",
      prev: "http://portal.test/api/v1/nodes?kind=agenda_item&size=10",
    });
    expect(linkHeader.split(", ")).toEqual([
      '<http://portal.test/api/v1/nodes?kind=agenda_item&size=10&page=3>; rel="next"',
      '<http://portal.test/api/v1/nodes?kind=agenda_item&size=10>; rel="prev"',
      '<http://portal.test/api/v1/nodes?kind=agenda_item&size=10>; rel="first"',
      '<http://portal.test/api/v1/nodes?kind=agenda_item&size=10&page=4>; rel="last"',
    ]);
  });

  it("has no next on the last page, and points back to the last page from beyond it", () => {
    expect(pageMeta(url, { page: 4, size: 10 }, 35).meta.next).toBeNull();
    const beyond = pageMeta(url, { page: 9, size: 10 }, 35).meta;
    expect(beyond.next).toBeNull();
    expect(beyond.prev).toBe("http://portal.test/api/v1/nodes?kind=agenda_item&size=10&page=4");
  });

  it("has no pages, no next and no last for an empty list", () => {
    const { meta, linkHeader } = pageMeta(url, { page: 1, size: 10 }, 0);
    expect(meta).toMatchObject({ totalPages: 0, next: null, prev: null });
    expect(linkHeader).toBe('<http://portal.test/api/v1/nodes?kind=agenda_item&size=10>; rel="first"');
  });
});

describe("skipTake", () => {
  it("turns a page into an offset", () => {
    expect(skipTake({ page: 3, size: 20 })).toEqual({ skip: 40, take: 20 });
  });
});

describe("a capped result window", () => {
  it("never links past the last page that can be served", () => {
    const { meta } = pageMeta(url, { page: 2, size: 10 }, 5000, 2);
    expect(meta).toMatchObject({ totalPages: 2, next: null, total: 5000 });
  });
});
