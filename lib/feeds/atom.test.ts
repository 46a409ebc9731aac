import { describe, expect, it } from "vitest";
import { escapeXml, renderAtom } from "./atom";

describe("Atom feeds", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'\u0007`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;",
    );
  });

  it("renders a feed with its entries, their links and dates", () => {
    const xml = renderAtom({
      id: "tag:example,2026:progress",
      title: "秘書處：進度更新",
      selfLink: "http://localhost/feeds/progress?department=secretariat",
      alternateLink: "http://localhost/departments/secretariat",
      updated: "2026-11-22T00:00:00.000Z",
      entries: [
        {
          id: "tag:example,2026:progress/1/v2",
          title: "進行中 60%：加強國際交流",
          link: "http://localhost/nodes/12",
          updated: "2026-11-21T08:00:00.000Z",
          summary: "已完成 3 場 <b>活動</b>",
          author: "秘書處",
        },
      ],
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="http://localhost/feeds/progress?department=secretariat"/>',
    );
    expect(xml).toContain("<title>進行中 60%：加強國際交流</title>");
    expect(xml).toContain('<summary type="text">已完成 3 場 &lt;b&gt;活動&lt;/b&gt;</summary>');
    expect(xml.match(/<entry>/gu)).toHaveLength(1);
    // The same instants, written in Taipei time (RFC 3339 with the city's offset).
    expect(xml).toContain("  <updated>2026-11-22T08:00:00+08:00</updated>");
    expect(xml).toContain("    <updated>2026-11-21T16:00:00+08:00</updated>");
    expect(xml).not.toContain("Z</updated>");
  });
});
