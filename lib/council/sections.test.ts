import { describe, expect, it } from "vitest";
import { type ReportNode, reportSections } from "./sections";

const node = (id: number, parentId: number | null, kind = "section", title = `s${id}`): ReportNode => ({
  id,
  parentId,
  kind,
  numberLabel: null,
  title,
});

describe("reportSections", () => {
  // Seed 003's shape: six top-level work areas, headed sub-sections, then numbered priorities.
  const flat = [
    node(1, null),
    node(2, 1),
    node(3, null),
    node(4, 3),
    node(5, 4, "point"),
    node(9, null, "point"),
  ];
  // Seed 004's shape: 壹 wraps the work areas 一 … ; 貳、結語 is a point.
  const wrapped = [
    node(10, null),
    node(11, 10),
    node(12, 11, "point"),
    node(13, 10),
    node(14, null, "point"),
  ];

  it.each<[string, ReportNode[], Array<{ nodeId: number | null }>, Array<[number, number]>]>([
    [
      "top-level sections, figures counted through their subtree",
      flat,
      [{ nodeId: 2 }, { nodeId: 5 }, { nodeId: 5 }, { nodeId: 3 }],
      [
        [1, 1],
        [3, 3],
      ],
    ],
    [
      "figures outside any section counted nowhere",
      flat,
      [{ nodeId: 9 }, { nodeId: null }, { nodeId: 999 }],
      [
        [1, 0],
        [3, 0],
      ],
    ],
    [
      "one wrapping section: its child sections instead",
      wrapped,
      [{ nodeId: 12 }, { nodeId: 13 }, { nodeId: 10 }],
      [
        [11, 1],
        [13, 1],
      ],
    ],
    [
      "one section without child sections stays",
      [node(20, null), node(21, 20, "point")],
      [{ nodeId: 21 }],
      [[20, 1]],
    ],
    ["no sections", [node(30, null, "point")], [{ nodeId: 30 }], []],
  ])("%s", (_, nodes, figures, expected) => {
    expect(reportSections(nodes, figures).map((s) => [s.id, s.figureCount])).toEqual(expected);
  });

  it("keeps label and title as printed", () => {
    const nodes = [{ id: 1, parentId: null, kind: "section", numberLabel: "一、", title: "研究發展" }];
    expect(reportSections(nodes, [])).toEqual([
      { id: 1, numberLabel: "一、", title: "研究發展", figureCount: 0 },
    ]);
  });

  it("survives a cycle in bad data", () => {
    const nodes = [node(1, null), node(2, 3, "point"), node(3, 2, "point")];
    expect(reportSections(nodes, [{ nodeId: 2 }])).toEqual([
      { id: 1, numberLabel: null, title: "s1", figureCount: 0 },
    ]);
  });
});
