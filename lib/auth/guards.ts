import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { hasRole, isRole, type Role } from "./roles";

export { hasRole, type Role } from "./roles";
export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The user a request's session cookie belongs to; null when signed out, expired or disabled. */
export async function userFromHeaders(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await (await auth()).api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: unknown; disabled?: unknown };
  // A disabled user is signed out, whatever session they still hold.
  if (u.disabled === true || !isRole(u.role)) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

/** The signed-in user, or null. Read once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => userFromHeaders(await headers()));

/** The signed-in user with at least `role`; throws UNAUTHENTICATED / FORBIDDEN otherwise. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!hasRole(user.role, role)) throw new AppError("FORBIDDEN", `This needs the ${role} role.`);
  return user;
}

/**
 * For pages: the signed-in user with at least `role`. Signed out goes to /sign-in (and back to
 * `from` afterwards); a missing role goes to /forbidden, which says which role the page needs.
 */
export async function requirePageRole(role: Role, from?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(from ? `/sign-in?next=${encodeURIComponent(from)}` : "/sign-in");
  if (!hasRole(user.role, role)) redirect(`/forbidden?need=${role}`);
  return user;
}
