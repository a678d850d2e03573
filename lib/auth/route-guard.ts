import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { requireRole, type SessionUser } from "./guards";
import type { Role } from "./roles";

/**
 * Route handlers: the signed-in user with at least `role`, or a JSON 401/403 response to return.
 * `const g = await guardRoute("manager"); if (g instanceof Response) return g;`
 */
export async function guardRoute(role: Role): Promise<SessionUser | Response> {
  try {
    return await requireRole(role);
  } catch (e) {
    if (e instanceof AppError && (e.code === "UNAUTHENTICATED" || e.code === "FORBIDDEN")) {
      return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.code === "UNAUTHENTICATED" ? 401 : 403 });
    }
    throw e;
  }
}
