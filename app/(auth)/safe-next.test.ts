import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeNext("/jobs")).toBe("/jobs");
    expect(safeNext("/summaries?q=router&page=2#calls")).toBe("/summaries?q=router&page=2#calls");
    expect(safeNext(["/admin/users", "/ignored"])).toBe("/admin/users");
    expect(safeNext("/jobs/../summaries")).toBe("/summaries");
  });

  // The classic open-redirect bypasses: each would send the browser to another host.
  const bypasses = [
    "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example",
    "/\r/evil.example", "/\r\nSet-Cookie:x=1", "\t//evil.example", " //evil.example", "https://evil.example", "http:evil.example",
    "http:/evil.example", "javascript:alert(1)", "data:text/html,hi", "/.//evil.example", "/..//evil.example", "/./\\evil.example",
    "evil.example", "", "/\u0000/evil.example", "/\u007f", "/ /evil.example",
  ];
  for (const b of bypasses) {
    it(`refuses ${JSON.stringify(b)}`, () => expect(safeNext(b)).toBe("/"));
  }

  it("answers a value a Location header can carry (no raw control or non-ASCII characters)", () => {
    expect(safeNext("/summaries?q=café")).toBe("/summaries?q=caf%C3%A9");
    expect(safeNext(undefined)).toBe("/");
  });
});
