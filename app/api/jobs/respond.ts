import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 400, CONFLICT: 409, QUOTA: 409 };

/** JSON for the polling routes; never cached, since it changes while the page is open. */
export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "cache-control": "no-store" } });
}

export function notFound(message: string): NextResponse {
  return json({ error: { code: "NOT_FOUND", message } }, 404);
}

/** AppErrors become their status and message; anything else is logged and answered 500. */
export function errorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) return json({ error: { code: e.code, message: e.message } }, STATUS[e.code] ?? 400);
  console.error("[api/jobs] failed", e);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on the server. Try again." } }, 500);
}
