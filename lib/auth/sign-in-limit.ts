import "server-only";
import type { Db } from "@/lib/db";
import { consumeRateLimit, type RateLimitVerdict } from "./rate-limit";

/** Sign-in attempts allowed per window, per client address (better-auth's limiter) and per account (ours). */
export const SIGN_IN_LIMIT = { max: 10, windowSeconds: 60 } as const;

/**
 * Counts a sign-in attempt for one email address. better-auth limits per client IP, and the IP
 * comes from X-Forwarded-For, which a client can set itself when no proxy overwrites it; this
 * second limit per account holds however the attacker varies the header. It shares better-auth's
 * rateLimit table (and its pruning, whose window is the same), keyed so the two never collide.
 */
export async function consumeSignInAttempt(
  prisma: Db,
  email: string,
  now = Date.now(),
): Promise<RateLimitVerdict> {
  return consumeRateLimit(prisma, `account|${email.trim().toLowerCase()}`, SIGN_IN_LIMIT.max, SIGN_IN_LIMIT.windowSeconds * 1000, now);
}
