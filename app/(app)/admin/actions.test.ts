// Every admin server action, called as each role and signed out: who is refused, and that a
// refusal changes nothing. Sessions are real (better-auth's HTTP handler); next/headers is the seam.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
vi.mock("@/lib/admin/role-probe", async (orig) => ({
  ...(await orig<typeof import("@/lib/admin/role-probe")>()),
  probeServiceRole: async () => ({ ok: true, message: "accepted (stubbed engine)" }),
}));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import type { GuardedAction } from "@/lib/action";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/guards";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import * as userActions from "./users/actions";
import * as modelActions from "./models/actions";
import * as templateActions from "./templates/actions";
import * as roleActions from "./service-roles/actions";
import * as storageActions from "./storage/actions";

let t: TestDb;
const users = {} as Record<Role, SessionUser>;
let n = 0;
const uniq = () => `${Date.now().toString(36)}${n++}`;

const modelSettings = { name: "Claude Haiku", inputPricePerMTok: "0.125", outputPricePerMTok: "0.625", minRecordsPerJob: "100", maxRecordsPerJob: "50000", maxFileMb: "200", maxJobMb: "1024", maxConcurrentJobs: "3", maxTokens: "1024", temperature: "0.2", enabled: "true" };

// One row per exported action: how to make a valid input for it.
const cases: Record<string, { run: GuardedAction<unknown>; input: () => Promise<unknown> }> = {
  createUser: { run: userActions.createUser, input: async () => ({ name: "New", email: `new-${uniq()}@recap.test`, role: "supervisor", password: "password123" }) },
  inviteUser: { run: userActions.inviteUser, input: async () => ({ name: "Inv", email: `inv-${uniq()}@recap.test`, role: "manager" }) },
  changeRole: { run: userActions.changeRole, input: async () => ({ userId: (await seedUser(t, "supervisor")).id, role: "manager" }) },
  setUserDisabled: { run: userActions.setUserDisabled, input: async () => ({ userId: (await seedUser(t, "supervisor")).id, disabled: "true" }) },
  addModel: { run: modelActions.addModel, input: async () => ({ modelId: `anthropic.claude-test-${uniq()}`, ...modelSettings }) },
  updateModel: { run: modelActions.updateModel, input: async () => ({ id: (await newModel()).id, ...modelSettings, maxTokens: "2048" }) },
  setModelEnabled: { run: modelActions.setModelEnabled, input: async () => ({ id: (await newModel()).id, enabled: "false" }) },
  createTemplate: { run: templateActions.createTemplate, input: async () => ({ name: `T ${uniq()}`, body: "Summarize: {{transcript}}", expectsJson: "true" }) },
  reviseTemplate: { run: templateActions.reviseTemplate, input: async () => ({ templateId: await newTemplate(), body: `Shorter ${uniq()}: {{transcript}}` }) },
  saveServiceRole: { run: roleActions.saveServiceRole, input: async () => ({ name: `R ${uniq()}`, roleArn: "arn:aws:iam::123456789012:role/Recap", isDefault: "true" }) },
  deleteServiceRole: { run: roleActions.deleteServiceRole, input: async () => ({ id: await newRole() }) },
  checkServiceRole: { run: roleActions.checkServiceRole, input: async () => ({ id: await newRole() }) },
  saveStorage: { run: storageActions.saveStorage, input: async () => ({ bucket: "recap", inputPrefix: "in", outputPrefix: "out", uploadPrefix: "up", kmsKeyId: "" }) },
};

async function newModel() {
  return t.prisma.modelConfig.create({ data: { modelId: `anthropic.claude-seed-${uniq()}`, name: "Seed", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 2 } });
}
async function newTemplate() {
  const tpl = await t.prisma.promptTemplate.create({ data: { name: `Seed ${uniq()}`, versions: { create: { version: 1, body: "Seed {{transcript}}" } } } });
  return tpl.id;
}
async function newRole() {
  return (await t.prisma.serviceRole.create({ data: { name: `Seed ${uniq()}`, roleArn: "arn:aws:iam::123456789012:role/Seed" } })).id;
}

beforeAll(async () => {
  t = await authTestDb();
  for (const role of ROLES) users[role] = await seedUser(t, role);
});
afterAll(async () => t.close());

describe("admin server actions", () => {
  it("the table covers every exported action", () => {
    const exported = [userActions, modelActions, templateActions, roleActions, storageActions].flatMap((m) => Object.keys(m));
    expect(exported.sort()).toEqual(Object.keys(cases).sort());
    for (const c of Object.values(cases)) expect(c.run.requiredRole).toBe("admin");
  });

  for (const [name, c] of Object.entries(cases)) {
    describe(name, () => {
      it("refuses a signed-out caller with UNAUTHENTICATED and changes nothing", async () => {
        const input = await c.input();
        await actAs(null);
        const before = await t.prisma.auditLog.count();
        const result = await c.run(input);
        expect(result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
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
            expect(await t.prisma.auditLog.count()).toBeGreaterThan(before); // the change is audited
          } else {
            expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: `This needs the ${c.run.requiredRole} role.` } });
            expect(await t.prisma.auditLog.count()).toBe(before);
          }
        });
      }
    });
  }

  it("checks the role before parsing input, so a forbidden caller learns nothing about the schema", async () => {
    await actAs(users.supervisor);
    expect(await userActions.createUser({ nonsense: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAs(users.admin);
    expect(await userActions.createUser({ nonsense: true })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});
