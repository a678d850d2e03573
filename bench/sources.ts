// Watched sources and webhooks, measured: (1) a first scan of 100 JSONL objects (10 calls each, from the 1,100 synthetic calls) on
// s3rver into PGlite and PostgreSQL, gathering all 1,000 calls into one batch, and a rescan that
// finds nothing new; (2) 200 signed webhook deliveries to a local receiver.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createPgliteTestDb, createPostgresTestDb, postgresTestUrl, type TestDb } from "@/test/db";
import { startTestS3 } from "@/test/stack";
import { syntheticCalls } from "@/test/synthetic";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import { runSourcesOnce } from "@/lib/sources/scheduler";
import { emitEvent } from "@/lib/webhooks/events";
import { deliverDue } from "@/lib/webhooks/deliver";

const OBJECTS = 100;
const PER_OBJECT = 10;
const DELIVERIES = 200;
const ms = (t: number) => Math.round(performance.now() - t);

export async function benchSources(kind: "pglite" | "postgres") {
  let database: TestDb;
  if (kind === "postgres") {
    const pg = await postgresTestUrl();
    if (!pg.url) return { database: kind, skipped: pg.reason };
    database = await createPostgresTestDb(pg.url);
  } else database = await createPgliteTestDb();
  const s3 = await startTestS3();
  const p = database.prisma;
  try {
    const user = await p.user.create({ data: { id: "admin", name: "A", email: "a@example.com", role: "admin" } });
    const model = await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: OBJECTS * PER_OBJECT } });
    const tpl = await p.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body } } }, include: { versions: true } });
    await p.serviceRole.create({ data: { name: "r", roleArn: "arn:aws:iam::123456789012:role/R", isDefault: true } });
    const calls = await syntheticCalls(OBJECTS * PER_OBJECT);
    for (let i = 0; i < OBJECTS; i++) {
      const body = calls.slice(i * PER_OBJECT, (i + 1) * PER_OBJECT).map((c) => JSON.stringify({ call_id: c.callId, transcript: c.text })).join("\n");
      await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `drop/${String(i).padStart(4, "0")}.jsonl`, Body: body }));
    }
    const source = await p.source.create({ data: { name: "bench", bucket: s3.bucket, prefix: "drop/", format: "jsonl", modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: user.id, scanIntervalSec: 0 } });
    const storage = { client: s3.client, bucket: s3.bucket, inputPrefix: "in", outputPrefix: "out", uploadPrefix: "up" };
    const deps = { prisma: p, storage, s3: s3.client, owner: "bench", objectsPerPass: OBJECTS };
    let t = performance.now();
    const [first] = await runSourcesOnce(deps);
    const firstMs = ms(t);
    await p.source.update({ where: { id: source.id }, data: { nextScanAt: new Date(0) } });
    t = performance.now();
    const [again] = await runSourcesOnce(deps);
    const rescanMs = ms(t);
    if (!first.batchId || first.ingested !== OBJECTS || again.discovered !== 0) throw new Error(`unexpected scan: ${JSON.stringify({ first, again })}`);

    const received = { n: 0 };
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => (received.n++, res.writeHead(204).end()));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    await p.webhookEndpoint.create({ data: { name: "bench", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: "s", events: ["batch.completed"] } });
    for (let i = 0; i < DELIVERIES; i++) await emitEvent(p, { key: `bench:${i}`, event: "batch.completed", data: { i } });
    t = performance.now();
    while ((await deliverDue({ prisma: p, owner: "bench", allowLocal: true }, 50)) > 0);
    const deliverMs = ms(t);
    server.close();
    if (received.n !== DELIVERIES) throw new Error(`receiver got ${received.n} of ${DELIVERIES}`);
    return {
      database: kind, objects: OBJECTS, calls: OBJECTS * PER_OBJECT, "first scan + batch ms": firstMs,
      "objects/s": Math.round((OBJECTS / firstMs) * 1000), "rescan ms": rescanMs, deliveries: DELIVERIES,
      "deliveries/s": Math.round((DELIVERIES / deliverMs) * 1000),
    };
  } finally {
    await s3.close();
    await database.close();
  }
}

if (process.argv[1]?.endsWith("sources.ts")) {
  (async () => console.table([await benchSources("pglite"), await benchSources("postgres")]))().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
