/** Refused because `running` tasks run and `queued` already wait: the caller answers "busy, retry". */
export class QueueFullError extends Error {
  constructor(readonly limiter: string) {
    super(`${limiter}: too many requests are waiting; try again shortly.`);
    this.name = "QueueFullError";
  }
}

export type Limiter = {
  /** Runs `task` when a slot is free; refuses at once (QueueFullError) when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Now running and waiting, for tests and health output. */
  stats(): { running: number; queued: number };
};

/**
 * At most `concurrency` tasks at a time, at most `queue` more waiting in order, and a refusal
 * beyond that: heavy work (a Chromium page, a PDF worker) cannot pile up until the server stalls.
 * In-process and in memory on purpose: the portal runs as one process (see next.config.ts).
 */
export function createLimiter(options: { name: string; concurrency: number; queue: number }): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < options.concurrency) running += 1;
      else if (waiting.length < options.queue) await new Promise<void>((resolve) => waiting.push(resolve));
      else throw new QueueFullError(options.name);
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ running, queued: waiting.length }),
  };
}
