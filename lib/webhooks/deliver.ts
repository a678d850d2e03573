import "server-only";
import http from "node:http";
import https from "node:https";
import type { Db } from "@/lib/db";
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./sign";
import { checkWebhookUrl, guardedLookup, type UrlPolicy } from "./ssrf";

export type DeliveryDeps = UrlPolicy & {
  prisma: Db;
  owner: string;
  leaseMs?: number;
  /** first retry delay; doubles per attempt up to an hour */
  baseRetryMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  log?: (msg: string) => void;
};

const KEPT_RESPONSE = 1000;

/** Claim due deliveries with a lease (the tracker's statement), so several instances share the queue. */
export async function claimDueDeliveries(prisma: Db, owner: string, limit: number, leaseMs: number): Promise<string[]> {
  const now = new Date();
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "WebhookDelivery" SET "leaseOwner" = $1, "leaseUntil" = $2
     WHERE id IN (
       SELECT id FROM "WebhookDelivery"
       WHERE status = 'pending' AND "nextAttemptAt" <= $3 AND ("leaseUntil" IS NULL OR "leaseUntil" < $3)
       ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    owner, new Date(now.getTime() + leaseMs), now, limit,
  );
  return rows.map((r) => r.id);
}

/** The delay before attempt n+1 (n attempts made): base, 2 base, 4 base, ... at most an hour. */
export function retryDelay(attempts: number, baseMs = 30_000): number {
  return Math.min(3600_000, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** One pass of the delivery queue. */
export async function deliverDue(deps: DeliveryDeps, limit = 10): Promise<number> {
  const ids = await claimDueDeliveries(deps.prisma, deps.owner, limit, deps.leaseMs ?? 60_000);
  for (const id of ids) await deliverOne(deps, id);
  return ids.length;
}

type Answer = { status?: number; body?: string; error?: string };

/** Send one claimed delivery, signed, and record its answer; a 2xx delivers it, anything else is retried with backoff. */
export async function deliverOne(deps: DeliveryDeps, id: string): Promise<void> {
  const d = await deps.prisma.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
  if (!d) return;
  const attempts = d.attempts + 1;
  let answer: Answer;
  if (!d.endpoint.enabled) answer = { error: "the endpoint is disabled" };
  else answer = await post(deps, d.endpoint.url, d.endpoint.secret, d, deps.timeoutMs ?? 10_000);
  const delivered = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
  const giveUp = !delivered && attempts >= (deps.maxAttempts ?? 8);
  await deps.prisma.webhookDelivery.update({
    where: { id },
    data: {
      attempts, leaseOwner: null, leaseUntil: null,
      status: delivered ? "delivered" : giveUp ? "failed" : "pending",
      lastStatus: answer.status ?? null, lastResponse: answer.body?.slice(0, KEPT_RESPONSE) ?? null, lastError: answer.error ?? null,
      deliveredAt: delivered ? new Date() : null,
      nextAttemptAt: new Date(Date.now() + (delivered || giveUp ? 0 : retryDelay(attempts, deps.baseRetryMs))),
    },
  });
  if (!delivered) deps.log?.(`[webhooks] ${d.event} to ${d.endpoint.url}: attempt ${attempts} ${answer.status ?? answer.error}${giveUp ? " (giving up)" : ""}`);
}

function post(policy: UrlPolicy, rawUrl: string, secret: string, d: { id: string; event: string; body: string }, timeoutMs: number): Promise<Answer> {
  let url: URL;
  try {
    url = checkWebhookUrl(rawUrl, policy);
  } catch (e) {
    return Promise.resolve({ error: (e as Error).message });
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Recap-Webhooks/1",
    "x-recap-event": d.event,
    "x-recap-delivery": d.id,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signPayload(secret, timestamp, d.body),
  };
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = lib.request(url, { method: "POST", headers, lookup: guardedLookup(policy), timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        if (body.length < KEPT_RESPONSE) body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode, body }));
      res.on("error", (e) => resolve({ status: res.statusCode, body, error: e.message }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (e) => resolve({ error: e.message }));
    req.end(d.body);
  });
}
