// Every route handler under app/api goes through guardRoute (better-auth's own excepted, which checks
// its Origin itself): found by listing the files, then called as a stranger, each role, with a NUL
// in the query and, for state changes, with a missing or foreign Origin. Sessions are real.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
// the probes would dial real endpoints; what the route shows of them is what is tested here
vi.mock("@/lib/system/status", () => ({
  systemStatus: async () => [{ name: "objectStore", label: "Object store", ok: true, where: "local S3 at http://127.0.0.1:4569", detail: "answers; bucket recap is reachable" }],
}));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import { NextRequest } from "next/server";
import type { TestDb } from "@/test/db";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import { authTestDb, cookieHeader, seedUser, signInRequest, TEST_ORIGIN, TEST_PASSWORD } from "@/lib/auth/testing/sessions";

const API = path.join(__dirname);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
// better-auth's handler checks Origin against trustedOrigins itself (lib/auth/auth.ts)
const OWN_CHECKS = new Set(["auth/[...all]"]);

// Who each handler is for. A new route must be added here, or the first test fails.
const ACCESS: Record<string, Role | "public"> = {
  "exports/summaries GET": "manager",
  "health GET": "public",
  "home/in-progress GET": "supervisor",
  "jobs GET": "supervisor",
  "jobs/[jobId] GET": "supervisor",
  "jobs/batches/[batchId] GET": "supervisor",
  "jobs/stats GET": "supervisor",
  "uploads POST": "supervisor",
  "v1/batch-options GET": "supervisor",
  "v1/batches GET": "supervisor",
  "v1/batches POST": "supervisor",
  "v1/batches/[batchId] GET": "supervisor",
  "v1/datasets POST": "supervisor",
  "v1/export GET": "manager",
  "v1/jobs GET": "supervisor",
  "v1/jobs/[jobId] GET": "supervisor",
  "v1/openapi.json GET": "public",
  "v1/results GET": "supervisor",
};
// /api/v1 answers a bad request 400, naming the field; the older routes answer 422 (uploads 400).
const badRequestStatus = (key: string) => (key === "uploads POST" || key.startsWith("v1/") ? 400 : 422);

function routeFiles(dir = API): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}
const routeName = (file: string) => path.relative(API, path.dirname(file)).split(path.sep).join("/");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handlers: { key: string; route: string; method: string; run: Handler; source: string }[] = [];

let t: TestDb;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  for (const file of routeFiles()) {
    const route = routeName(file);
    if (OWN_CHECKS.has(route)) continue;
    const mod = (await import(file)) as Record<string, unknown>;
    const source = fs.readFileSync(file, "utf8");
    for (const method of METHODS) {
      if (typeof mod[method] !== "function") continue;
      const start = source.search(new RegExp(`export (async )?function ${method}\\b`));
      const end = source.indexOf("\nexport ", start + 1);
      handlers.push({ key: `${route} ${method}`, route, method, run: mod[method] as Handler, source: source.slice(start, end < 0 ? undefined : end) });
    }
  }
  t = await authTestDb();
  for (const [i, role] of ROLES.entries()) {
    const u = await seedUser(t, role);
    cookies[role] = cookieHeader(await signInRequest(u.email, TEST_PASSWORD, `198.51.100.${i + 1}`));
  }
});
afterAll(async () => t?.close());

function call(h: (typeof handlers)[number], opts: { role?: Role; query?: string; origin?: string | null } = {}) {
  const headers = new Headers();
  if (opts.role) headers.set("cookie", cookies[opts.role]);
  const origin = opts.origin === undefined ? TEST_ORIGIN : opts.origin;
  if (origin) headers.set("origin", origin);
  if (h.method !== "GET" && h.method !== "HEAD") headers.set("content-type", "text/plain");
  const req = new NextRequest(`${TEST_ORIGIN}/api/${h.route.replace(/\[(\w+)\]/g, "missing-$1")}?${opts.query ?? ""}`, { method: h.method, headers });
  const params = Object.fromEntries([...h.route.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], `missing-${m[1]}`]));
  return h.run(req, { params: Promise.resolve(params) });
}

describe("route handlers", () => {
  it("the table names every handler, and each opens with guardRoute", () => {
    expect(handlers.map((h) => h.key).sort()).toEqual(Object.keys(ACCESS).sort());
    for (const h of handlers) expect(h.source, h.key).toMatch(/await guardRoute\(req, /);
  });

  it("each refuses a NUL in any query parameter by name (before anything reads it)", async () => {
    for (const h of handlers) {
      const res = await call(h, { role: "admin", query: "page=1&q=a%00b" });
      expect([400, 422], h.key).toContain(res.status);
      expect((await res.json()).error.message, h.key).toMatch(/"q" contains a NUL character/);
    }
  });

  it("each refuses a caller without a session or below its role, and lets its role in", async () => {
    for (const h of handlers) {
      const need = ACCESS[h.key];
      if (need === "public") continue;
      expect((await call(h)).status, `${h.key} signed out`).toBe(401);
      for (const role of ROLES) {
        const status = (await call(h, { role })).status;
        if (hasRole(role, need)) expect([200, 400, 404, 422], `${h.key} as ${role}`).toContain(status);
        else expect(status, `${h.key} as ${role}`).toBe(403);
      }
    }
  });

  it("each state change refuses a missing or foreign Origin with 403, and changes nothing", async () => {
    const changing = handlers.filter((h) => !["GET", "HEAD"].includes(h.method));
    expect(changing.map((h) => h.key)).toContain("uploads POST");
    for (const h of changing) {
      const before = await t.prisma.dataset.count();
      for (const origin of [null, "http://localhost:3001", "https://evil.example", "null"]) {
        const res = await call(h, { role: "admin", origin });
        expect(res.status, `${h.key} from ${origin}`).toBe(403);
        expect((await res.json()).error.message, `${h.key} from ${origin}`).toMatch(origin ? `Requests from ${origin} may not change anything` : "no Origin header");
      }
      // Recap's own origin gets past the check (to the body, which is missing here)
      expect((await call(h, { role: "admin" })).status, h.key).toBe(badRequestStatus(h.key));
      expect(await t.prisma.dataset.count()).toBe(before);
    }
  });

  it("/api/health says only up or down to anyone but an admin", async () => {
    const health = handlers.find((h) => h.key === "health GET")!;
    for (const role of [undefined, "supervisor", "manager"] as const) {
      const body = await (await call(health, { role })).json();
      expect(body, String(role)).toEqual({ ok: true });
    }
    const admin = await (await call(health, { role: "admin" })).json();
    expect(admin.components).toEqual([{ name: "objectStore", ok: true, detail: "answers; bucket recap is reachable" }]);
  });
});
