// Every better-auth endpoint a browser can call, through the app's own /api/auth handler, signed in:
// no answer may carry a session token in its body (page scripts could read it; the cookie is httpOnly).
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import { auth } from "@/lib/auth/auth";
import { authTestDb, cookieHeader, seedUser, TEST_ORIGIN, TEST_PASSWORD } from "@/lib/auth/testing/sessions";
import { GET, POST } from "./route";

type Endpoint = { path?: string; options?: { method?: string | string[]; metadata?: { SERVER_ONLY?: boolean } } };

// Plausible bodies, so endpoints get past their input checks and answer what they would answer a page.
const BODIES: Record<string, unknown> = {
  "/sign-in/email": { email: "", password: TEST_PASSWORD },
  "/change-password": { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}!`, revokeOtherSessions: true },
  "/verify-password": { password: `${TEST_PASSWORD}!` },
  "/update-session": {},
  "/revoke-other-sessions": {},
};

let t: TestDb;
let email: string;
let cookie = "";

async function call(path: string, method: string, body?: unknown): Promise<Response> {
  const req = new Request(`${TEST_ORIGIN}/api/auth${path}`, {
    method,
    headers: { cookie, origin: TEST_ORIGIN, "content-type": "application/json", "x-forwarded-for": "192.0.2.44" },
    body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
  });
  const res = await (method === "GET" ? GET(req) : POST(req));
  // follow the session as a browser would (sign-in and change-password rotate it)
  const fresh = cookieHeader(res);
  if (/session_token=[^;]/.test(fresh)) cookie = fresh;
  return res;
}

async function sessionTokens(): Promise<string[]> {
  return (await t.prisma.session.findMany({ select: { token: true } })).map((s) => s.token);
}

beforeAll(async () => {
  t = await authTestDb();
  const user = await seedUser(t, "supervisor");
  email = user.email;
  BODIES["/sign-in/email"] = { email, password: TEST_PASSWORD };
  await seedUser(t, "admin"); // a second user with sessions of their own
});

describe("/api/auth answers never carry a session token", () => {
  it("holds for every endpoint better-auth serves", async () => {
    const signIn = await call("/sign-in/email", "POST", BODIES["/sign-in/email"]);
    expect(signIn.status).toBe(200);
    expect(cookie).toContain("session_token=");
    // a second session of the same user, so list-sessions has more than the caller's
    const second = await (await auth()).api.signInEmail({ body: { email, password: TEST_PASSWORD } });
    expect(second.token).toMatch(/^\w{20,}$/);

    const endpoints = Object.values((await auth()).api as unknown as Record<string, Endpoint>)
      .filter((e) => e.path && !e.options?.metadata?.SERVER_ONLY)
      .map((e) => ({ path: e.path!.replace(/:(\w+)/g, "placeholder"), method: [e.options?.method ?? "GET"].flat()[0] }))
      .sort((a, b) => Number(a.path === "/sign-out") - Number(b.path === "/sign-out")); // sign out last
    expect(endpoints.map((e) => e.path)).toEqual(expect.arrayContaining(["/get-session", "/list-sessions", "/sign-in/email", "/change-password", "/sign-out"]));

    const leaks: string[] = [];
    let answered = 0;
    for (const e of endpoints) {
      const before = await sessionTokens();
      const res = await call(e.path, e.method, BODIES[e.path]);
      const text = await res.text();
      const tokens = new Set([...before, ...(await sessionTokens())]);
      for (const token of tokens) if (text.includes(token)) leaks.push(`${e.method} ${e.path} (${res.status})`);
      if (res.status === 200) answered++;
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(6); // sign-in, get-session, list-sessions, change-password, ..., sign-out
  });

  it("list-sessions still lists the sessions, without their tokens", async () => {
    // change-password above set the password to TEST_PASSWORD + "!" and sign-out ended the session
    expect((await call("/sign-in/email", "POST", { email, password: `${TEST_PASSWORD}!` })).status).toBe(200);
    const res = await call("/list-sessions", "GET");
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const s of list) {
      expect(s).toHaveProperty("id");
      expect(s).not.toHaveProperty("token");
    }
  });
});
