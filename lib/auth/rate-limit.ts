import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db";

export type RateLimitVerdict = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one request against `key` in better-auth's rateLimit table: at most `max` in a window of
 * `windowMs` that starts with the first request. One statement, so concurrent requests cannot all
 * read a stale count. Callers key their own namespace (`account|…`, `api-token|…`) so they never collide.
 */
export async function consumeRateLimit(prisma: Db, key: string, max: number, windowMs: number, now = Date.now()): Promise<RateLimitVerdict> {
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
