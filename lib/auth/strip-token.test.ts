import { describe, expect, it } from "vitest";
import { withoutSessionToken } from "./strip-token";

describe("withoutSessionToken", () => {
  it("drops the token from sign-in and session bodies and keeps the cookie and the rest", async () => {
    const headers = new Headers({ "content-type": "application/json", "set-cookie": "recap.session_token=abc; HttpOnly" });
    const signIn = await withoutSessionToken(new Response(JSON.stringify({ redirect: false, token: "abc", user: { email: "a@b.c" } }), { status: 200, headers }));
    expect(await signIn.json()).toEqual({ redirect: false, user: { email: "a@b.c" } });
    expect(signIn.headers.get("set-cookie")).toContain("HttpOnly");
    const session = await withoutSessionToken(new Response(JSON.stringify({ session: { token: "abc", userId: "u" }, user: {} }), { headers: { "content-type": "application/json" } }));
    expect(await session.json()).toEqual({ session: { userId: "u" }, user: {} });
  });

  it("drops every session's token from list-sessions, at any depth", async () => {
    const list = [{ id: "s1", token: "t1", userId: "u" }, { id: "s2", token: "t2", userId: "u", nested: [{ token: "t3" }] }];
    const res = await withoutSessionToken(new Response(JSON.stringify(list), { headers: { "content-type": "application/json; charset=utf-8" } }));
    expect(await res.json()).toEqual([{ id: "s1", userId: "u" }, { id: "s2", userId: "u", nested: [{}] }]);
  });

  it("passes other answers through unchanged", async () => {
    const err = await withoutSessionToken(new Response("Too many requests", { status: 429 }));
    expect(err.status).toBe(429);
    expect(await err.text()).toBe("Too many requests");
  });
});
