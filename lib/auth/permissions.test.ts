import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { batchScope, can, ownsOrOversees, PERMISSIONS, permissionTable, roleFor, type Permission } from "./permissions";
import { hasRole, ROLES } from "./roles";

const sup = { id: "u-sup", role: "supervisor" as const };
const man = { id: "u-man", role: "manager" as const };
const adm = { id: "u-adm", role: "admin" as const };

describe("roles", () => {
  it("are ordered supervisor < manager < admin", () => {
    expect(ROLES.map((r) => ROLES.filter((n) => hasRole(r, n)).length)).toEqual([1, 2, 3]);
    expect(hasRole("supervisor", "manager")).toBe(false);
    expect(hasRole("admin", "supervisor")).toBe(true);
  });
});

describe("the permission matrix", () => {
  const expected: Record<Permission, [boolean, boolean, boolean]> = {
    "uploads.create": [true, true, true],
    "batches.submit": [true, true, true],
    "jobs.stop": [true, true, true],
    "results.view": [true, true, true],
    "results.viewAll": [false, true, true],
    "results.export": [false, true, true],
    "data.delete": [true, true, true],
    "users.manage": [false, false, true],
    "models.manage": [false, false, true],
    "templates.manage": [false, false, true],
    "serviceRoles.manage": [false, false, true],
    "storage.manage": [false, false, true],
    "audit.read": [false, false, true],
    "retention.manage": [false, false, true],
  };
  for (const [permission, [s, m, a]] of Object.entries(expected) as [Permission, [boolean, boolean, boolean]][]) {
    it(`${permission}: supervisor ${s}, manager ${m}, admin ${a}`, () => {
      expect([can(sup, permission), can(man, permission), can(adm, permission)]).toEqual([s, m, a]);
    });
  }
  it("names every permission in the test", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });
  it("refuses everything to no user", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(null, p)).toBe(false);
    expect(roleFor("results.export")).toBe("manager");
  });
});

describe("batchScope and ownership", () => {
  it("limits supervisors to their own batches and lets managers and admins see all", () => {
    expect(batchScope(sup)).toEqual({ createdById: "u-sup" });
    expect(batchScope(man)).toEqual({});
    expect(batchScope(adm)).toEqual({});
  });
  it("lets a supervisor act on their own batch only", () => {
    expect(ownsOrOversees(sup, "u-sup")).toBe(true);
    expect(ownsOrOversees(sup, "u-other")).toBe(false);
    expect(ownsOrOversees(man, "u-other")).toBe(true);
  });
});

describe("README's who-may-do-what table", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const hasSection = readme.includes("| may | supervisor | manager | admin |");
  if (!hasSection) console.warn("README.md has no who-may-do-what table yet (| may | supervisor | manager | admin |): the check is skipped");
  it.skipIf(!hasSection)("is the table generated from the matrix", () => {
    expect(readme).toContain(permissionTable());
  });
  it("generates one row per permission", () => {
    expect(permissionTable().split("\n")).toHaveLength(2 + Object.keys(PERMISSIONS).length);
    expect(permissionTable()).toContain("| Export summaries | no | yes | yes |");
    expect(permissionTable()).toContain("| Stop jobs | own | yes | yes |");
  });
});
