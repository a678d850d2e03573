import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";

// QUOTA is 413 on the upload route (the body is too large) and 409 elsewhere (a quota is full).
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 422, CONFLICT: 409, QUOTA: 409 };

/** JSON for the polling routes; never cached, since it changes while the page is open. */
export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "cache-control": "no-store" } });
}

export function notFound(message: string): NextResponse {
  return json({ error: { code: "NOT_FOUND", message } }, 404);
}

/** AppErrors become their status and message; anything else is logged and answered 500. */
export function errorResponse(e: unknown, overrides: Partial<Record<string, number>> = {}): NextResponse {
  if (e instanceof AppError) {
    return json({ error: { code: e.code, message: e.message, field: e.field } }, overrides[e.code] ?? STATUS[e.code] ?? 400);
  }
  console.error("[api] failed", e);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on the server. Try again." } }, 500);
}
