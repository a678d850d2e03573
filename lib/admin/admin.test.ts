import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import { auth } from "@/lib/auth/auth";
import { createFirstAdmin, setupOpen } from "@/lib/auth/first-admin";
import { currentUser, type SessionUser } from "@/lib/auth/guards";
import { actAs, authTestDb, seedUser, signInRequest, TEST_ORIGIN } from "@/lib/auth/testing/sessions";
import { listAuditLog } from "@/lib/audit/query";
import { changeRole, createUser, inviteUser, setDisabled } from "./users";
import { createTemplate, reviseTemplate, templateVersionLabel, templateWithHistory } from "./templates";
import { saveStorage, getStorage } from "./storage";

let t: TestDb;
let admin: SessionUser;
beforeAll(async () => {
  t = await authTestDb();
});
afterAll(async () => t.close());

describe("first admin and the setup page's rule", () => {
  it("creates exactly one first admin even when two setups race, then refuses", async () => {
    expect(await setupOpen(t.prisma)).toBe(true);
    const results = await Promise.allSettled([
      createFirstAdmin(t.prisma, { email: "first@recap.test", name: "First", password: "password-one" }, "setup-page"),
      createFirstAdmin(t.prisma, { email: "second@recap.test", name: "Second", password: "password-two" }, "setup-page"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.prisma.user.count({ where: { role: "admin" } })).toBe(1);
    expect(await setupOpen(t.prisma)).toBe(false);
    await expect(createFirstAdmin(t.prisma, { email: "late@recap.test", name: "Late", password: "password-3" }, "setup-page")).rejects.toMatchObject({ code: "CONFLICT" });
    const u = await t.prisma.user.findFirstOrThrow({ where: { role: "admin" } });
    admin = { id: u.id, email: u.email, name: u.name, role: "admin" };
  });
});

describe("users", () => {
  it("disabling a user ends their sessions at once", async () => {
    const sup = await seedUser(t, "supervisor");
    await actAs(sup);
    expect(await currentUser()).not.toBeNull();
    await setDisabled({ input: { userId: sup.id, disabled: true }, actor: admin });
    expect(await t.prisma.session.count({ where: { userId: sup.id } })).toBe(0);
    expect(await currentUser()).toBeNull();
    const log = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "user.disable", targetId: sup.id } });
    expect(log).toMatchObject({ actorEmail: admin.email, before: { disabled: false }, after: { disabled: true } });
  });

  it("keeps at least one active admin and refuses disabling yourself", async () => {
    await expect(changeRole({ input: { userId: admin.id, role: "manager" }, actor: admin })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setDisabled({ input: { userId: admin.id, disabled: true }, actor: admin })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await createUser({ input: { name: "M", email: "dup@recap.test", role: "manager", password: "password123" }, actor: admin });
    await expect(createUser({ input: { name: "M2", email: "DUP@recap.test", role: "manager", password: "password123" }, actor: admin })).rejects.toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("an invitation link sets a first password through better-auth, once", async () => {
    const { token } = await inviteUser({ input: { name: "Invited", email: "invited@recap.test", role: "manager" }, actor: admin });
    const redeem = () =>
      auth().then((a) =>
        a.handler(
          new Request(`${TEST_ORIGIN}/api/auth/reset-password`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: TEST_ORIGIN },
            body: JSON.stringify({ token, newPassword: "my own password" }),
          }),
        ),
      );
    expect((await redeem()).status).toBe(200);
    expect((await redeem()).status).toBe(400);
    expect((await signInRequest("invited@recap.test", "my own password", "192.0.2.77")).status).toBe(200);
  });
});

describe("prompt templates", () => {
  it("every edit is a new version, and the old ones stay", async () => {
    const { id, versionId } = await createTemplate({ input: { name: "Short", body: "Summarize {{transcript}}", expectsJson: false }, actor: admin });
    const v2 = await reviseTemplate({ input: { templateId: id, body: "Summarize briefly: {{transcript}}", expectsJson: false }, actor: admin });
    expect(v2.version).toBe(2);
    await expect(reviseTemplate({ input: { templateId: id, body: "Summarize briefly: {{transcript}}", expectsJson: false }, actor: admin })).rejects.toMatchObject({ code: "VALIDATION" });
    const history = await templateWithHistory(id);
    expect(history.versions.map((v) => [v.version, v.body])).toEqual([[2, "Summarize briefly: {{transcript}}"], [1, "Summarize {{transcript}}"]]);
    expect(await templateVersionLabel(versionId)).toBe("Short v1");
    const log = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "template.revise", targetId: id } });
    expect(log.before).toMatchObject({ version: 1 });
    expect(log.after).toMatchObject({ version: 2 });
  });
});

describe("storage and the audit log", () => {
  it("saves storage with before and after, and the log filters by action, actor and date", async () => {
    await saveStorage({ input: { bucket: "recap-prod", inputPrefix: "in", outputPrefix: "out", uploadPrefix: "up", kmsKeyId: "alias/recap" }, actor: admin });
    expect(await getStorage()).toMatchObject({ bucket: "recap-prod", kmsKeyId: "alias/recap", saved: true });
    const today = new Date().toISOString().slice(0, 10);
    const page = await listAuditLog({ action: "storage.", actor: admin.email.toUpperCase(), from: today, to: today, page: 1 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ action: "storage.update", before: null, after: { bucket: "recap-prod" } });
    expect((await listAuditLog({ from: "2001-01-01", to: "2001-01-02", page: 1 })).total).toBe(0);
    expect((await listAuditLog({ page: 1 })).total).toBeGreaterThan(5);
  });
});
