import { describe, expect, it } from "vitest";
import { changesState, nulField, nulParameter, originProblem } from "./request-checks";
import { trustedOrigins } from "./origins";

describe("nulParameter", () => {
  it("names the first query parameter with a NUL in its value or name", () => {
    expect(nulParameter(new URLSearchParams("q=router&page=2"))).toBeNull();
    expect(nulParameter(new URLSearchParams("page=2&q=%00"))).toBe("q");
    expect(nulParameter(new URLSearchParams("a%00b=1"))).toBe("a\\0b");
  });
});

describe("nulField", () => {
  it("finds NUL in nested strings and names the path", () => {
    expect(nulField({ name: "October calls", n: 3, ok: true, file: null })).toBeNull();
    expect(nulField({ name: "Oct\0ober" })).toBe("name");
    expect(nulField({ filters: { tags: ["a", "b\0"] } })).toBe("filters.tags.1");
    expect(nulField("\0")).toBe("_");
    expect(nulField(Object.assign(Object.create(null), { q: "\0" }))).toBe("q");
  });
});

describe("originProblem", () => {
  const trusted = trustedOrigins("http://localhost:3000");
  it("accepts Recap's own origins, loopback twins included", () => {
    for (const o of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) expect(originProblem(o, trusted)).toBeNull();
  });
  it("refuses a missing Origin, another port of the same host, and another site, saying what to do", () => {
    expect(originProblem(null, trusted)).toMatch(/no Origin header.*http:\/\/localhost:3000/);
    expect(originProblem("http://localhost:3001", trusted)).toMatch(/Requests from http:\/\/localhost:3001 may not change anything here/);
    expect(originProblem("https://evil.example", trusted)).toMatch(/evil\.example/);
    expect(originProblem("null", trusted)).toMatch(/Requests from null/);
  });
  it("only state changes need it", () => {
    expect(["GET", "HEAD", "OPTIONS"].map(changesState)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].map(changesState)).toEqual([true, true, true, true, true]);
  });
});
