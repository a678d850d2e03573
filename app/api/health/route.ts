// GET /api/health: up (200) or down (503), for anyone (e2e's webServer waits on it); which part
// answers, and where it is, only for admins: endpoints and bucket names are not for strangers.
import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/route-guard";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { systemStatus } from "@/lib/system/status";
import { errorResponse } from "@/app/api/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  let admin = false;
  try {
    const user = await guardRoute(req, "public");
    admin = !!user && hasRole(user.role, "admin");
  } catch (e) {
    // a NUL in the query is the caller's mistake; a session lookup that fails means "down" below
    if (e instanceof AppError) return errorResponse(e);
  }
  const statuses = await systemStatus();
  const ok = statuses.every((s) => s.ok);
  const body = admin ? { ok, components: statuses.map(({ name, ok, detail }) => ({ name, ok, detail })) } : { ok };
  return NextResponse.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
