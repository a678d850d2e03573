import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, type TestDb } from "@/test/db";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import { emitEvent } from "./events";
import { announceEndedWork, batchOutcome } from "./batch-events";
import { deliverDue, retryDelay, type DeliveryDeps } from "./deliver";
import { newWebhookSecret, signPayload, verifySignature } from "./sign";
import { checkWebhookUrl, isPrivateAddress } from "./ssrf";

/** A receiver like a customer's: checks the signature over the raw body, answers 503 to the first `failFirst` deliveries. */
async function startReceiver(secret: string, failFirst: number) {
  const received: { ok: boolean; reason?: string; body: string; headers: http.IncomingHttpHeaders }[] = [];
  let seen = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const check = verifySignature({ secret, body, signature: req.headers["x-recap-signature"] as string, timestamp: req.headers["x-recap-timestamp"] as string });
      received.push({ ok: check.ok, reason: check.ok ? undefined : check.reason, body, headers: req.headers });
      if (!check.ok) return res.writeHead(401).end(check.reason);
      seen++;
      if (seen <= failFirst) return res.writeHead(503).end(`busy, try ${seen}`);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ received: true }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("signatures", () => {
  it("verify over timestamp.body with the endpoint's secret, and refuse tampering, other secrets and stale timestamps", () => {
    const secret = newWebhookSecret();
    const now = 1_800_000_000;
    const body = '{"event":"batch.completed"}';
    const signature = signPayload(secret, now, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature({ secret, body, signature, timestamp: String(now), now })).toEqual({ ok: true });
    expect(verifySignature({ secret, body: body + " ", signature, timestamp: String(now), now })).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifySignature({ secret: newWebhookSecret(), body, signature, timestamp: String(now), now }).ok).toBe(false);
    expect(verifySignature({ secret, body, signature, timestamp: String(now), now: now + 301 })).toEqual({ ok: false, reason: "timestamp too old or in the future (replay?)" });
    // Replaying the body with a fresh timestamp needs a new signature the attacker cannot make.
    expect(verifySignature({ secret, body, signature, timestamp: String(now + 200), now: now + 200 }).ok).toBe(false);
  });

  it("back off: 30 s, 1 min, 2 min ... at most an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(20)).toBe(3600_000);
  });
});

describe("SSRF guard", () => {
  it("knows private, loopback, link-local and metadata addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("accepts https to public hosts; refuses http, private literals and credentials unless local addresses are allowed", () => {
    const strict = { allowLocal: false };
    expect(checkWebhookUrl("https://hooks.example.com/recap", strict).host).toBe("hooks.example.com");
    expect(() => checkWebhookUrl("http://hooks.example.com/recap", strict)).toThrow(/must use https/);
    expect(() => checkWebhookUrl("https://169.254.169.254/latest/meta-data", strict)).toThrow(/private or loopback address/);
    expect(() => checkWebhookUrl("https://[::1]:8443/", strict)).toThrow(/private or loopback/);
    expect(() => checkWebhookUrl("http://127.0.0.1:9000/hook", strict)).toThrow(/RECAP_WEBHOOKS_ALLOW_LOCAL=1/);
    expect(() => checkWebhookUrl("https://user:pw@hooks.example.com/", strict)).toThrow(/no user name or password/);
    expect(() => checkWebhookUrl("ftp://hooks.example.com/", strict)).toThrow(/https/);
    expect(() => checkWebhookUrl("not a url", strict)).toThrow(/full URL/);
    expect(checkWebhookUrl("http://127.0.0.1:9000/hook", { allowLocal: true }).port).toBe("9000");
    expect(() => checkWebhookUrl("http://10.0.0.5/hook", { allowLocal: true })).toThrow(/only to 127\.0\.0\.1/);
  });
});

describe.each(await databaseTargets("webhooks"))("webhook deliveries and notifications (%s)", (_name, createDb) => {
  let database: TestDb;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const secret = newWebhookSecret();
  let endpointId: string;
  let userId: string;

  beforeAll(async () => {
    database = await createDb();
    receiver = await startReceiver(secret, 2);
    const p = database.prisma;
    userId = (await p.user.create({ data: { id: "sup-1", name: "Sam", email: "sam@example.com", role: "supervisor" } })).id;
    endpointId = (await p.webhookEndpoint.create({ data: { name: "ops", url: receiver.url, secret, events: ["batch.completed", "batch.failed", "job.completed", "source.error"] } })).id;
    await p.webhookEndpoint.create({ data: { name: "other", url: receiver.url, secret, events: ["batch.stopped"] } });
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
  });

  const deps = (owner: string): DeliveryDeps => ({ prisma: database.prisma, owner, allowLocal: true, baseRetryMs: 60_000 });
  const makeDue = () => database.prisma.webhookDelivery.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date(0) } });

  it("a batch that ends is announced once: one signed delivery, retried with backoff through two failures, logged with its answer, and a notification for its owner", async () => {
    const p = database.prisma;
    const model = await p.modelConfig.create({ data: { modelId: "m", name: "M", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 1 } });
    const tv = await p.promptTemplateVersion.create({ data: { version: 1, body: DEFAULT_TEMPLATE.body, template: { create: { name: "t" } } } });
    const ds = await p.dataset.create({ data: { name: "d", fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: "x", createdById: userId } });
    const batch = await p.batch.create({
      data: { name: "Monday calls", datasetId: ds.id, modelConfigId: model.id, templateVersionId: tv.id, createdById: userId, recordCount: 12, status: "ready" },
    });
    const job = await p.job.create({
      data: { batchId: batch.id, part: 1, jobName: "j", clientRequestToken: "tok-1", inputS3Uri: "s3://b/i/", outputS3Uri: "s3://b/o/", recordCount: 12, status: "InProgress" },
    });
    expect(await announceEndedWork(p)).toEqual({ jobs: 0, batches: 0 });
    await p.job.update({ where: { id: job.id }, data: { status: "Completed", ingestedAt: new Date(), successRecordCount: 11, errorRecordCount: 1 } });

    // Two instances announce at once: each event still lands once.
    const [a, b] = await Promise.all([announceEndedWork(p), announceEndedWork(p)]);
    expect(a.batches + b.batches).toBe(1);
    expect(a.jobs + b.jobs).toBe(1);
    expect(await announceEndedWork(p)).toEqual({ jobs: 0, batches: 0 });

    const notes = await p.notification.findMany({ where: { userId } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ event: "batch.completed", title: 'Batch "Monday calls" completed', body: "11 of 12 summaries, 1 failed records.", href: `/batches/${batch.id}` });

    const queued = await p.webhookDelivery.findMany({ where: { endpointId }, orderBy: { event: "asc" } });
    expect(queued.map((d) => d.event)).toEqual(["batch.completed", "job.completed"]);
    expect(await p.webhookDelivery.count()).toBe(2); // the "other" endpoint wants only batch.stopped

    // Attempt 1 and 2 answer 503 (the receiver counts only well-signed requests), attempt 3 answers 200.
    expect(await deliverDue(deps("A"))).toBe(2);
    let rows = await p.webhookDelivery.findMany({ where: { endpointId } });
    expect(rows.every((d) => d.status === "pending" && d.attempts === 1 && d.lastStatus === 503)).toBe(true);
    expect(rows[0].lastResponse).toMatch(/^busy, try \d$/);
    expect(rows.every((d) => d.nextAttemptAt.getTime() > Date.now() - 1000)).toBe(true);
    expect(await deliverDue(deps("A"))).toBe(0); // not due yet: backoff
    await makeDue();
    await deliverDue(deps("B"));
    await makeDue();
    await deliverDue(deps("A"));
    rows = await p.webhookDelivery.findMany({ where: { endpointId }, orderBy: { event: "asc" } });
    expect(rows.map((d) => d.attempts).sort()).toEqual([2, 2]);
    expect(rows.every((d) => d.status === "delivered" && d.lastStatus === 200 && d.lastResponse === '{"received":true}')).toBe(true);
    expect(rows.reduce((n, d) => n + d.attempts, 0)).toBe(4); // two 503s in all (the receiver fails its first two), then one 200 each

    expect(receiver.received.every((r) => r.ok)).toBe(true);
    const last = receiver.received.at(-1)!;
    expect(last.headers["x-recap-event"]).toMatch(/^(batch|job)\.completed$/);
    const body = JSON.parse(receiver.received.find((r) => r.headers["x-recap-event"] === "batch.completed")!.body);
    expect(body).toMatchObject({ id: `batch:${batch.id}:ended`, event: "batch.completed", data: { batch: { id: batch.id, outcome: "completed", succeeded: 11, failed: 1 } } });
  });

  it("gives up after the last attempt and keeps the error, and a receiver with another secret refuses the delivery", async () => {
    const p = database.prisma;
    const wrong = await p.webhookEndpoint.create({ data: { name: "wrong secret", url: receiver.url, secret: newWebhookSecret(), events: ["source.error"] } });
    await p.webhookEndpoint.update({ where: { id: endpointId }, data: { enabled: false } });
    expect(await emitEvent(p, { key: "source:s1:1", event: "source.error", data: { message: "broken.jsonl" } })).toBe(true);
    expect(await emitEvent(p, { key: "source:s1:1", event: "source.error", data: { message: "broken.jsonl" } })).toBe(false);
    const d = { ...deps("A"), maxAttempts: 2 };
    await deliverDue(d);
    await makeDue();
    await deliverDue(d);
    const row = await p.webhookDelivery.findFirstOrThrow({ where: { endpointId: wrong.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 2, lastStatus: 401, lastResponse: "signature does not match" });
  });

  it("refuses a name that resolves to a private address at connect time unless local addresses are allowed", async () => {
    const p = database.prisma;
    const ep = await p.webhookEndpoint.create({ data: { name: "rebind", url: `https://localhost:${receiver.port}/hook`, secret, events: ["batch.failed"] } });
    await emitEvent(p, { key: "rebind:1", event: "batch.failed", data: {} });
    await deliverDue({ prisma: p, owner: "A", allowLocal: false });
    const row = await p.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.id } });
    expect(row.lastError).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a private address; refused/);
    expect(row.status).toBe("pending");
  });
});

describe("batch outcome", () => {
  it("names the outcome from the jobs' final statuses", () => {
    expect(batchOutcome(["Completed", "Completed"])).toBe("completed");
    expect(batchOutcome(["Completed", "PartiallyCompleted"])).toBe("partially_completed");
    expect(batchOutcome(["Completed", "Failed"])).toBe("partially_completed");
    expect(batchOutcome(["Failed", "Expired"])).toBe("failed");
    expect(batchOutcome(["Completed", "Stopped"])).toBe("stopped");
  });
});
