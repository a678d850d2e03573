import "server-only";
// Requests in and answers out for /api/v1: query and JSON bodies parsed with the zod schemas of
// lib/api/schemas.ts (a bad one is a 400 naming its field), answers checked against theirs.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { RateLimitedError } from "@/lib/auth/api-tokens";
import { nulField, nulMessage } from "@/lib/auth/request-checks";
import { firstIssue } from "./schemas";

const STATUS: Record<string, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, QUOTA: 409, RATE_LIMITED: 429, UPSTREAM: 502 };

const NO_STORE = { "cache-control": "no-store" };

function invalid(error: z.ZodError): AppError {
  const { field, message } = firstIssue(error);
  return new AppError("VALIDATION", message, field);
}

/** The query string, parsed by `schema`; a bad parameter is VALIDATION naming it. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** The JSON body, parsed by `schema`; not JSON, a NUL in a string or a bad field is VALIDATION naming it. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("VALIDATION", "Send the body as JSON, with Content-Type: application/json.", "content-type");
  }
  let body: unknown;
  try {
    body = JSON.parse(await req.text());
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON.", "body");
  }
  const nul = nulField(body);
  if (nul !== null) throw new AppError("VALIDATION", nulMessage(nul, "field"), nul);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** A JSON answer, checked against its schema first (a mismatch is our bug: thrown, answered 500). */
export function answer<S extends z.ZodType>(schema: S, data: z.input<S>, status = 200): Response {
  return Response.json(schema.parse(data), { status, headers: NO_STORE });
}

/** AppErrors become their status and {error: {code, message, field}}; anything else is logged and a 500. */
export function apiError(e: unknown, overrides: Partial<Record<string, number>> = {}): Response {
  if (e instanceof AppError) {
    const headers: Record<string, string> = { ...NO_STORE };
    if (e instanceof RateLimitedError) headers["retry-after"] = String(e.retryAfterSeconds);
    return Response.json({ error: { code: e.code, message: e.message, field: e.field } }, { status: overrides[e.code] ?? STATUS[e.code] ?? 400, headers });
  }
  console.error("[api/v1] failed", e);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on the server. Try again." } }, { status: 500, headers: NO_STORE });
}
