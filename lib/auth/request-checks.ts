// Checks on a request before anything reads it: shared by the proxy, route handlers, pages and
// server actions. Pure: unit-tested in request-checks.test.ts.

/** The first query parameter whose name or value holds a NUL byte (PostgreSQL text cannot store it). */
export function nulParameter(params: URLSearchParams | Iterable<[string, string]>): string | null {
  for (const [k, v] of params) if (k.includes("\0") || v.includes("\0")) return k.replace(/\0/g, "\\0");
  return null;
}

export function nulMessage(field: string, where = "query parameter"): string {
  return `The ${where} "${field}" contains a NUL character (\\0, %00), which Recap cannot store or search. Remove it and try again.`;
}

/** The first string in `input` (nested objects and arrays too) holding a NUL byte, as a dotted path. */
export function nulField(input: unknown, path: string[] = []): string | null {
  if (typeof input === "string") return input.includes("\0") ? path.join(".") || "_" : null;
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const hit = nulField(input[i], [...path, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  if (input && typeof input === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(input))) {
    for (const [k, v] of Object.entries(input)) {
      if (k.includes("\0")) return [...path, k.replace(/\0/g, "\\0")].join(".");
      const hit = nulField(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Why a state-changing request must be refused (no Origin, or one that is not Recap's own), or
 * null when its Origin is trusted. Browsers send Origin on every POST, so only a forgery lacks it.
 */
export function originProblem(origin: string | null, trusted: readonly string[]): string | null {
  if (!origin) {
    return `This request has no Origin header, so Recap cannot tell it comes from its own pages. Send it from Recap (${trusted[0]}), or set Origin: ${trusted[0]}.`;
  }
  if (!trusted.includes(origin)) {
    return `Requests from ${origin} may not change anything here: only Recap's own pages (${trusted[0]}) may. Open Recap at that address and try again.`;
  }
  return null;
}
