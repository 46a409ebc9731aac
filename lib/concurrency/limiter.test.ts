import { describe, expect, it } from "vitest";
import { createLimiter, QueueFullError } from "./limiter";

/** A task that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    task: async () => {
      log.push(`start ${name}`);
      await opened;
      log.push(`end ${name}`);
      return name;
    },
  };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createLimiter", () => {
  it("runs at most `concurrency` at once, the rest in arrival order, and refuses beyond the queue", async () => {
    const limiter = createLimiter({ name: "pdf", concurrency: 2, queue: 2 });
    const log: string[] = [];
    const gates = ["a", "b", "c", "d", "e"].map((n) => gate(log, n));
    const [a, b, c, d] = gates.slice(0, 4).map((g) => limiter.run(g.task));
    await tick();
    expect(log).toEqual(["start a", "start b"]);
    expect(limiter.stats()).toEqual({ running: 2, queued: 2 });
    await expect(limiter.run(gates[4]!.task)).rejects.toBeInstanceOf(QueueFullError);

    gates[1]!.open();
    await expect(b).resolves.toBe("b");
    await tick();
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    for (const g of gates) g.open();
    await expect(Promise.all([a, c, d])).resolves.toEqual(["a", "c", "d"]);
    expect(limiter.stats()).toEqual({ running: 0, queued: 0 });
    expect(log).not.toContain("start e");
  });

  it("frees the slot when a task fails", async () => {
    const limiter = createLimiter({ name: "pdf", concurrency: 1, queue: 0 });
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run(() => Promise.resolve(1))).resolves.toBe(1);
    expect(limiter.stats()).toEqual({ running: 0, queued: 0 });
  });
});
