import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-recap-signature";
export const TIMESTAMP_HEADER = "x-recap-timestamp";
/** A receiver should refuse a delivery whose timestamp is further than this from its clock (replays). */
export const REPLAY_TOLERANCE_SEC = 300;

/** A new endpoint secret: 32 random bytes, shown to the admin once. */
export function newWebhookSecret(): string {
  return "whsec_" + randomBytes(32).toString("base64url");
}

/** HMAC-SHA256 over `timestamp.body` with the endpoint's secret, as the X-Recap-Signature value. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * What a receiver does (and the tests' receiver does): recompute the signature over the raw body
 * and the timestamp header, compare in constant time, and refuse stale timestamps.
 */
export function verifySignature(opts: { secret: string; body: string; signature: string | null; timestamp: string | null; now?: number }):
  { ok: true } | { ok: false; reason: string } {
  if (!opts.signature || !opts.timestamp) return { ok: false, reason: "missing signature or timestamp header" };
  const ts = Number(opts.timestamp);
  if (!Number.isInteger(ts)) return { ok: false, reason: "timestamp is not a whole number of seconds" };
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > REPLAY_TOLERANCE_SEC) return { ok: false, reason: "timestamp too old or in the future (replay?)" };
  const expected = Buffer.from(signPayload(opts.secret, ts, opts.body));
  const given = Buffer.from(opts.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "signature does not match" };
  return { ok: true };
}
