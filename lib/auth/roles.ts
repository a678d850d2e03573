// Roles are ordered: an admin may do whatever a manager may, a manager whatever a supervisor may.
// No server-only import: client components use the labels and the order to decide what to show.

export const ROLES = ["supervisor", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { supervisor: 1, manager: 2, admin: 3 };

/** Whether a user with `role` may do what `needed` may (admin > manager > supervisor). */
export function hasRole(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = { supervisor: "Supervisor", manager: "Manager", admin: "Admin" };
