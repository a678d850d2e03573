import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";

/** Sign-in attempts allowed per window, per client address (better-auth's limiter) and per account (ours). */
export const SIGN_IN_LIMIT = { max: 10, windowSeconds: 60 } as const;

/**
 * Counts a sign-in attempt for one email address. better-auth limits per client IP, and the IP
 * comes from X-Forwarded-For, which a client can set itself when no proxy overwrites it; this
 * second limit per account holds however the attacker varies the header. It shares better-auth's
 * rateLimit table (and its pruning, whose window is the same), keyed so the two never collide.
 */
export async function consumeSignInAttempt(
  prisma: PrismaClient | Db,
  email: string,
  now = Date.now(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return consumeRateLimit(prisma, `account|${email.trim().toLowerCase()}`, SIGN_IN_LIMIT.max, SIGN_IN_LIMIT.windowSeconds * 1000, now);
}

/**
 * Counts one request against `key` in better-auth's rateLimit table: at most `max` in a window of
 * `windowMs` that starts with the first request. One statement, so concurrent requests cannot all
 * read a stale count. Shared by sign-in (per account) and API tokens (per token).
 */
export async function consumeRateLimit(prisma: PrismaClient | Db, key: string, max: number, windowMs: number, now = Date.now()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStart = BigInt(now - windowMs);
  const rows = await prisma.$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest")
    VALUES (${crypto.randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "rateLimit"."lastRequest" <= ${windowStart} THEN 1 ELSE "rateLimit".count + 1 END,
      "lastRequest" = CASE WHEN "rateLimit"."lastRequest" <= ${windowStart} THEN ${BigInt(now)} ELSE "rateLimit"."lastRequest" END
    RETURNING count, "lastRequest"`;
  const row = rows[0]!;
  const allowed = Number(row.count) <= max;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((Number(row.lastRequest) + windowMs - now) / 1000)) };
}
