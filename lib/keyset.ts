// Keyset pages, for every list that must not slow down with its length (no OFFSET: the last page
// costs what the first does). A list query reads one row more than a page, past a cursor in the
// list's order (`after`) or before one in the reverse order (`before`); keysetPage turns those rows
// into the page, in list order, and the opaque cursors of its two ends. Used by the summaries list
// (lib/insights/list.ts) and a job's results (lib/results/queries.ts).

/** Totals above this are shown as "10,000+" until someone asks for the exact number. */
export const COUNT_CAP = 10_000;

/** Which way a page was asked for: the start of the list, past a cursor, or back from one. */
export type KeysetDirection = "first" | "after" | "before";

export type KeysetPage<T> = { rows: T[]; next: string | null; previous: string | null };

/** The direction of a request that decoded `after` or `before` (after wins, as the lists read it). */
export function keysetDirection(after: unknown, before: unknown): KeysetDirection {
  return after ? "after" : before ? "before" : "first";
}

/** A count read with LIMIT COUNT_CAP + 1 (or in full when `exact`), as the lists show it: "10,000+" past the cap. */
export function cappedCount(n: number, exact = false): { count: number; capped: boolean } {
  return n > COUNT_CAP && !exact ? { count: COUNT_CAP, capped: true } : { count: n, capped: false };
}

/** The page of `rows` (read with a limit of size + 1, reversed when `before`) and the cursors of its ends. */
export function keysetPage<T>(rows: T[], size: number, direction: KeysetDirection, cursorOf: (row: T) => string): KeysetPage<T> {
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (direction === "before") page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  // Going back from a cursor, the rows after this page exist (the cursor's own row is one).
  const hasNext = direction === "before" ? true : more;
  const hasPrevious = direction === "before" ? more : direction === "after";
  return {
    rows: page,
    next: hasNext && last !== undefined ? cursorOf(last) : null,
    previous: hasPrevious && first !== undefined ? cursorOf(first) : null,
  };
}

/** A cursor for the URL: the key's parts, opaque (base64url). */
export function encodeKey(parts: string[]): string {
  return Buffer.from(parts.join("|")).toString("base64url");
}

/** The `count` parts of a cursor made by encodeKey, or null when it is not one (any part empty or not a plain word). */
export function decodeKey(s: string, count: number): string[] | null {
  const parts = Buffer.from(s, "base64url").toString("utf8").split("|");
  if (parts.length !== count || parts.some((p) => !p || p.length > 64 || !/^[\w.:-]+$/.test(p))) return null;
  return parts;
}
