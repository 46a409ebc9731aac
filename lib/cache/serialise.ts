/**
 * Next's data cache stores results as JSON, which would hand back dates as strings on a cache hit
 * and as Date objects on a miss. Cached reads go through this pair instead, so both paths return
 * the same types. Maps, Sets and bigints are refused loudly rather than silently mangled.
 */
const DATE_KEY = "$date";

export function serialise(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE_KEY]: raw.toISOString() };
    if (raw instanceof Map || raw instanceof Set || typeof raw === "bigint") {
      throw new TypeError(`Cannot cache ${key || "the result"}: plain objects, arrays and dates only.`);
    }
    return encoded;
  });
}

export function deserialise<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const date = (value as Record<string, unknown>)[DATE_KEY];
      if (keys.length === 1 && typeof date === "string") return new Date(date);
    }
    return value;
  }) as T;
}
