// The watched-source, webhook and notification server actions, called as each role and signed out:
// who is refused, that a refusal changes nothing, and what the admin's calls do.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import type { GuardedAction } from "@/lib/action";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/guards";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import * as sourceActions from "./sources/actions";
import * as webhookActions from "./webhooks/actions";
import * as notificationActions from "../notifications/actions";

let t: TestDb;
const users = {} as Record<Role, SessionUser>;
let n = 0;
const uniq = () => `${Date.now().toString(36)}${n++}`;
let choice: { modelConfigId: string; templateVersionId: string };

const sourceInput = () => ({ name: `S ${uniq()}`, bucket: "recap", prefix: "drop/", format: "transcribe", ...choice, serviceRoleId: "", scanIntervalSec: "60", maxWaitSec: "3600" });
async function newSource() {
  return (await t.prisma.source.create({ data: { ...sourceInput(), scanIntervalSec: 60, maxWaitSec: 3600, serviceRoleId: null, createdById: users.admin.id } })).id;
}
async function newWebhook() {
  return (await t.prisma.webhookEndpoint.create({ data: { name: "w", url: "https://hooks.example.com/x", secret: "s", events: ["batch.completed"] } })).id;
}

const cases: Record<string, { run: GuardedAction<unknown>; input: () => Promise<unknown> }> = {
  createSource: { run: sourceActions.createSource, input: async () => sourceInput() },
  deleteSource: { run: sourceActions.deleteSource, input: async () => ({ id: await newSource() }) },
  scanSourceNow: { run: sourceActions.scanSourceNow, input: async () => ({ id: await newSource() }) },
  createWebhook: { run: webhookActions.createWebhook, input: async () => ({ name: `W ${uniq()}`, url: "https://hooks.example.com/recap", events: "batch.completed,source.error" }) },
  deleteWebhook: { run: webhookActions.deleteWebhook, input: async () => ({ id: await newWebhook() }) },
};

beforeAll(async () => {
  t = await authTestDb();
  for (const role of ROLES) users[role] = await seedUser(t, role);
  const model = await t.prisma.modelConfig.create({ data: { modelId: "anthropic.claude-x", name: "X", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 1 } });
  const tpl = await t.prisma.promptTemplate.create({ data: { name: "T", versions: { create: { version: 1, body: "Summarize {{transcript}}" } } }, include: { versions: true } });
  choice = { modelConfigId: model.id, templateVersionId: tpl.versions[0].id };
});
afterAll(async () => t.close());

describe("source and webhook actions", () => {
  it("the table covers every exported action, each for admins only", () => {
    expect([sourceActions, webhookActions].flatMap((m) => Object.keys(m)).sort()).toEqual(Object.keys(cases).sort());
    for (const c of Object.values(cases)) expect(c.run.requiredRole).toBe("admin");
  });

  for (const [name, c] of Object.entries(cases)) {
    describe(name, () => {
      it("refuses a signed-out caller and changes nothing", async () => {
        const input = await c.input();
        await actAs(null);
        const before = await t.prisma.auditLog.count();
        expect(await c.run(input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
        expect(await t.prisma.auditLog.count()).toBe(before);
      });
      for (const role of ROLES) {
        const allowed = hasRole(role, c.run.requiredRole);
        it(`${allowed ? "lets" : "refuses"} a ${role}`, async () => {
          const input = await c.input();
          await actAs(users[role]);
          const before = await t.prisma.auditLog.count();
          const result = await c.run(input);
          if (allowed) {
            expect(result).toMatchObject({ ok: true });
            expect(await t.prisma.auditLog.count()).toBeGreaterThan(before);
          } else {
            expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "This needs the admin role." } });
            expect(await t.prisma.auditLog.count()).toBe(before);
          }
        });
      }
    });
  }

  it("a new webhook's secret is answered once and never listed; an http or private URL is refused by field", async () => {
    await actAs(users.admin);
    const created = await webhookActions.createWebhook({ name: "ops", url: "https://hooks.example.com/ops", events: "batch.failed" });
    expect(created).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_[\w-]{43}$/) } });
    const { listWebhooks } = await import("@/lib/webhooks/endpoints");
    expect(JSON.stringify(await listWebhooks())).not.toContain((created as { data: { secret: string } }).data.secret);
    expect(await webhookActions.createWebhook({ name: "x", url: "http://hooks.example.com/", events: "batch.failed" }))
      .toMatchObject({ ok: false, error: { code: "VALIDATION", field: "url", message: expect.stringMatching(/must use https/) } });
    expect(await webhookActions.createWebhook({ name: "x", url: "https://10.0.0.8/hook", events: "batch.failed" }))
      .toMatchObject({ ok: false, error: { field: "url", message: expect.stringMatching(/private or loopback/) } });
    expect(await webhookActions.createWebhook({ name: "x", url: "https://hooks.example.com/", events: "" }))
      .toMatchObject({ ok: false, error: { field: "events", message: "Pick at least one event." } });
    expect(await webhookActions.createWebhook({ name: "x", url: "https://hooks.example.com/", events: "batch.exploded" }))
      .toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("a source with a scan interval under 10 s or a bad bucket is refused beside the field", async () => {
    await actAs(users.admin);
    expect(await sourceActions.createSource({ ...sourceInput(), scanIntervalSec: "1" })).toMatchObject({ ok: false, error: { field: "scanIntervalSec", message: "At least 10." } });
    expect(await sourceActions.createSource({ ...sourceInput(), bucket: "Not_A_Bucket" })).toMatchObject({ ok: false, error: { field: "bucket" } });
    expect(await sourceActions.createSource({ ...sourceInput(), format: "xml" })).toMatchObject({ ok: false, error: { field: "format" } });
  });

  it("notifications: each user marks only their own read", async () => {
    for (const u of [users.supervisor, users.manager]) {
      await t.prisma.notification.create({ data: { userId: u.id, eventKey: `k-${u.id}`, event: "batch.completed", title: "done" } });
    }
    await actAs(null);
    expect(await notificationActions.markNotificationsRead({})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await actAs(users.supervisor);
    expect(await notificationActions.markNotificationsRead({})).toEqual({ ok: true, data: { marked: 1 } });
    expect(await t.prisma.notification.count({ where: { userId: users.manager.id, readAt: null } })).toBe(1);
  });
});
