// Who may do what: the one permission matrix. Server actions name a permission (lib/action.ts),
// pages and route handlers check it, and README's "Who may do what" table is tested against it.
import { hasRole, type Role } from "./roles";

type Rule = { role: Role; scope: "own" | "all"; label: string };

export const PERMISSIONS = {
  "uploads.create": { role: "supervisor", scope: "own", label: "Upload transcripts" },
  "batches.submit": { role: "supervisor", scope: "own", label: "Create and submit batches" },
  "jobs.stop": { role: "supervisor", scope: "own", label: "Stop jobs" },
  "results.view": { role: "supervisor", scope: "own", label: "See batches, jobs and summaries" },
  "results.viewAll": { role: "manager", scope: "all", label: "See everyone's batches, jobs and summaries" },
  "results.export": { role: "manager", scope: "all", label: "Export summaries" },
  "data.delete": { role: "supervisor", scope: "own", label: "Delete datasets, batches and calls (with their S3 files)" },
  "users.manage": { role: "admin", scope: "all", label: "Create, invite, change role of and disable users" },
  "models.manage": { role: "admin", scope: "all", label: "Enable models, set prices, quotas and defaults" },
  "templates.manage": { role: "admin", scope: "all", label: "Create and edit prompt templates" },
  "serviceRoles.manage": { role: "admin", scope: "all", label: "Add and check IAM service roles" },
  "storage.manage": { role: "admin", scope: "all", label: "Set bucket, prefixes and KMS key" },
  "audit.read": { role: "admin", scope: "all", label: "Read the audit log" },
  "retention.manage": { role: "admin", scope: "all", label: "Set how long transcripts and results are kept" },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = { id: string; role: Role };

/** The least role that holds a permission. */
export function roleFor(permission: Permission): Role {
  return PERMISSIONS[permission].role;
}

/** Whether `user` holds `permission`. "own" permissions still need batchScope on every read and write. */
export function can(user: Actor | null | undefined, permission: Permission): boolean {
  return !!user && hasRole(user.role, PERMISSIONS[permission].role);
}

/**
 * The Prisma where-fragment limiting batches (and datasets) to what `user` may see:
 * supervisors their own, managers and admins everyone's. Spread it into every query.
 */
export function batchScope(user: Actor): { createdById?: string } {
  return hasRole(user.role, "manager") ? {} : { createdById: user.id };
}

/** Whether `user` may act on a batch created by `createdById` (stop its jobs, read its results). */
export function ownsOrOversees(user: Actor, createdById: string): boolean {
  return hasRole(user.role, "manager") || user.id === createdById;
}

/** README's table, generated from the matrix: one row per permission, a column per role. */
export function permissionTable(): string {
  const head = "| may | supervisor | manager | admin |\n|---|---|---|---|";
  const rows = Object.values(PERMISSIONS).map((rule) => {
    const cells = (["supervisor", "manager", "admin"] as const).map((r) => {
      if (!hasRole(r, rule.role)) return "no";
      return rule.scope === "own" && r === "supervisor" ? "own" : "yes";
    });
    return `| ${rule.label} | ${cells.join(" | ")} |`;
  });
  return [head, ...rows].join("\n");
}
