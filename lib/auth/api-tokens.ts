import "server-only";
// Personal API tokens for /api/v1. A token is "recap_pat_" + 43 base64url characters (256 random
// bits); only its SHA-256 is stored, so a database leak yields no usable token, and a lookup by
// hash needs no slow KDF (the token has far more entropy than any password). The prefix makes a
// leaked token recognisable to secret scanners and to its owner on the tokens page.
import crypto from "node:crypto";
import { db, type Db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { isRole } from "./roles";
import { consumeRateLimit, type RateLimitVerdict } from "./rate-limit";
import type { SessionUser } from "./guards";

export const TOKEN_PREFIX = "recap_pat_";
const TOKEN_SHAPE = /^recap_pat_[A-Za-z0-9_-]{43}$/;
/** How much of a token is kept in clear, to tell tokens apart. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;

export type ApiTokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Create a token for `user`; the answer holds the token itself, which is never readable again. */
export async function createApiToken(opts: { user: SessionUser; name: string; prisma?: Db }): Promise<{ id: string; token: string; prefix: string }> {
  const prisma = opts.prisma ?? (await db());
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const prefix = token.slice(0, SHOWN_CHARS);
  const row = await prisma.apiToken.create({ data: { userId: opts.user.id, name: opts.name, prefix, tokenHash: hashToken(token) }, select: { id: true } });
  await audit({ actor: opts.user, action: "api-token.create", targetType: "ApiToken", targetId: row.id, after: { name: opts.name, prefix } }, prisma);
  return { id: row.id, token, prefix };
}

/** The user's own tokens, newest first (never their hashes). */
export async function listApiTokens(opts: { user: { id: string }; prisma?: Db }): Promise<ApiTokenRow[]> {
  const prisma = opts.prisma ?? (await db());
  const rows = await prisma.apiToken.findMany({
    where: { userId: opts.user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt) }));
}

/** Revoke one of the user's own tokens; someone else's is "not found". Revoking twice changes nothing. */
export async function revokeApiToken(opts: { user: SessionUser; tokenId: string; prisma?: Db }): Promise<{ id: string }> {
  const prisma = opts.prisma ?? (await db());
  const token = await prisma.apiToken.findFirst({ where: { id: opts.tokenId, userId: opts.user.id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
  if (!token) throw new AppError("NOT_FOUND", "That token does not exist or is not yours.", "tokenId");
  if (!token.revokedAt) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await audit({ actor: opts.user, action: "api-token.revoke", targetType: "ApiToken", targetId: token.id, before: { name: token.name, prefix: token.prefix } }, prisma);
  }
  return { id: token.id };
}

/** Too many requests for one token; the answer is 429 with Retry-After. */
export class RateLimitedError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", message);
  }
}

export type TokenUse = { method: string; path: string };

/**
 * The user a bearer token acts for, or UNAUTHENTICATED: unknown, revoked, or its user disabled
 * (the role is read from the user now, so a changed role applies at once). Each use is counted
 * against the token's rate limit, stamped on the token and written to the audit log.
 */
export async function userFromApiToken(opts: { token: string; use: TokenUse; limitPerMinute: number; prisma?: Db; now?: number }): Promise<SessionUser> {
  const prisma = opts.prisma ?? (await db());
  const refused = new AppError("UNAUTHENTICATED", "This API token is not valid: it is unknown or was revoked, or its user is disabled. Create a new one under Settings → API tokens.");
  if (!looksLikeToken(opts.token)) throw refused;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(opts.token) },
    select: { id: true, prefix: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.user.disabled || !isRole(row.user.role)) throw refused;
  const now = opts.now ?? Date.now();
  const limit = await consumeTokenRequest(prisma, row.id, opts.limitPerMinute, now);
  if (!limit.allowed) {
    throw new RateLimitedError(`This API token made more than ${opts.limitPerMinute} requests in a minute. Wait ${limit.retryAfterSeconds} s and try again.`, limit.retryAfterSeconds);
  }
  const user: SessionUser = { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role };
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  await audit({ actor: user, action: "api-token.use", targetType: "ApiToken", targetId: row.id, after: { prefix: row.prefix, method: opts.use.method, path: opts.use.path } }, prisma);
  return user;
}

const WINDOW_MS = 60_000;

/** Counts one request for a token in a one-minute window (keyed apart from sign-in's per-account limit). */
export async function consumeTokenRequest(prisma: Db, tokenId: string, max: number, now = Date.now()): Promise<RateLimitVerdict> {
  return consumeRateLimit(prisma, `api-token|${tokenId}`, max, WINDOW_MS, now);
}
