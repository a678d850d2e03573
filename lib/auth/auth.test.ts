import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import { auth } from "./auth";
import { currentUser } from "./guards";
import { SIGN_IN_LIMIT } from "./sign-in-limit";
import { actAs, authTestDb, cookieHeader, seedUser, signInRequest, TEST_ORIGIN, TEST_PASSWORD } from "./testing/sessions";
import { setRequestHeaders } from "./testing/request-headers";

let t: TestDb;
beforeAll(async () => {
  t = await authTestDb();
});
afterAll(async () => t.close());

describe("sign-in through better-auth's HTTP handler", () => {
  it("signs in with email and password, with an httpOnly session cookie, and audits it", async () => {
    const u = await seedUser(t, "manager");
    const res = await signInRequest(u.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("recap.session_token="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // loopback public URL: plain HTTP
    expect(await t.prisma.session.count({ where: { userId: u.id } })).toBe(1);
    setRequestHeaders(new Headers({ cookie: cookieHeader(res) }));
    expect(await currentUser()).toMatchObject({ id: u.id, email: u.email, role: "manager" });
    const log = await t.prisma.auditLog.findFirst({ where: { action: "auth.sign-in", actorId: u.id } });
    expect(log).not.toBeNull();
  });

  it("refuses a wrong password with 401 and audits the failure without the password", async () => {
    const u = await seedUser(t, "supervisor");
    const res = await signInRequest(u.email, "wrong password!", "192.0.2.10");
    expect(res.status).toBe(401);
    const log = await t.prisma.auditLog.findFirst({ where: { action: "auth.sign-in-failed", actorEmail: u.email } });
    expect(JSON.stringify(log)).not.toContain("wrong password!");
  });

  it("has no open sign-up, and a user cannot set their own role", async () => {
    const res = await (await auth()).handler(
      new Request(`${TEST_ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: TEST_ORIGIN, "x-forwarded-for": "192.0.2.11" },
        body: JSON.stringify({ email: "self@recap.test", password: "password1234", name: "Self", role: "admin" }),
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await t.prisma.user.count({ where: { email: "self@recap.test" } })).toBe(0);
  });

  it("treats a disabled user as signed out and refuses their sign-in", async () => {
    const u = await seedUser(t, "supervisor");
    await actAs(u);
    expect(await currentUser()).not.toBeNull();
    await t.prisma.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect(await currentUser()).toBeNull();
    const res = await signInRequest(u.email, TEST_PASSWORD, "192.0.2.12");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("disabled");
  });
});

describe("rate limiting under a burst of wrong passwords", () => {
  it("answers 429 from one address once the limit is spent, even for the right password", async () => {
    const u = await seedUser(t, "admin");
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT.max + 3; i++) statuses.push((await signInRequest(u.email, `wrong-${i}-password`, "192.0.2.50")).status);
    expect(statuses.slice(0, SIGN_IN_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(SIGN_IN_LIMIT.max)).toEqual([429, 429, 429]);
    expect((await signInRequest(u.email, TEST_PASSWORD, "192.0.2.50")).status).toBe(429);
  });

  it("holds per account when every attempt claims a different X-Forwarded-For", async () => {
    const u = await seedUser(t, "admin");
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT.max + 2; i++) statuses.push((await signInRequest(u.email, `wrong-${i}-password`, `10.9.${i}.1`)).status);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
    expect((await signInRequest(u.email, TEST_PASSWORD, "10.9.200.1")).status).toBe(429);
    // another account from a fresh address is unaffected
    const other = await seedUser(t, "manager");
    expect((await signInRequest(other.email, TEST_PASSWORD, "10.9.201.1")).status).toBe(200);
  });

  it("survives a concurrent burst without letting more than the limit through", async () => {
    const u = await seedUser(t, "manager");
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => signInRequest(u.email, `wrong-${i}-password`, "192.0.2.99").then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGN_IN_LIMIT.max);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25 - SIGN_IN_LIMIT.max);
  });
});
