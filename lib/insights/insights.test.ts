// Result ingestion keeps the rollups (idempotently), and the insight reads agree with the rows:
// trend, counts, rising topics, agent and team tables, keyset pages, a supervisor's scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { type TestDb, databaseTargets, postgresTestUrl } from "@/test/db";
import { startTestS3 } from "@/test/stack";
import { uploadStream } from "@/lib/storage/objects";
import { ingestJobResults } from "@/lib/results/ingest";
import type { Actor } from "@/lib/auth/permissions";
import { agentTable, callCount, risingTopics, sentimentTrend, teamTable, topicsOverTime, topTopics } from "./queries";
import { countSummaries, exportSummaries, listSummaries } from "./list";

const targets = await databaseTargets("insights.test");

// Two supervisors' batches. Calls: [owner, agent, team, day, sentiment, topics, durationSec]
type Call = [string, string, string, string, string, string[], number | null];
const CALLS: Call[] = [
  ["sup1", "Ana", "Billing", "2026-11-02", "negative", ["refund", "late fee"], 300],
  ["sup1", "Ana", "Billing", "2026-11-02", "positive", ["refund"], 100],
  ["sup1", "Ben", "Billing", "2026-11-03", "neutral", ["router"], null],
  ["sup1", "Ana", "Billing", "2026-11-20", "negative", ["refund", "Refund "], 200],
  ["sup1", "Cy", "Tech", "2026-11-25", "mixed", ["router", "outage"], 600],
  ["sup2", "Dee", "Tech", "2026-11-26", "negative", ["outage"], 400],
  ["sup2", "Dee", "Tech", "2026-11-27", "positive", ["outage"], 200],
];

describe.each(targets)("on %s", (_name, createDb) => {
  let db: TestDb;
  let s3: Awaited<ReturnType<typeof startTestS3>>;
  const jobIds: string[] = [];
  const manager: Actor = { id: "mgr", role: "manager" };
  const sup1: Actor = { id: "sup1", role: "supervisor" };
  const sup2: Actor = { id: "sup2", role: "supervisor" };
  const storage = () => ({ client: s3.client, bucket: s3.bucket });

  beforeAll(async () => {
    db = await createDb();
    s3 = await startTestS3();
    const p = db.prisma;
    for (const id of ["sup1", "sup2", "mgr"]) await p.user.create({ data: { id, name: id, email: `${id}@example.com`, role: id === "mgr" ? "manager" : "supervisor" } });
    const model = await p.modelConfig.create({ data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Haiku", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 10 } });
    const tpl = await p.promptTemplate.create({ data: { name: "t", versions: { create: { version: 1, body: "{{transcript}}" } } }, include: { versions: true } });
    for (const owner of ["sup1", "sup2"]) {
      const mine = CALLS.map((c, i) => ({ c, i })).filter(({ c }) => c[0] === owner);
      const ds = await p.dataset.create({
        data: {
          name: owner, fileName: "d.csv", format: "csv", sizeBytes: 1n, sha256: owner, createdById: owner, recordCount: mine.length,
          transcripts: {
            create: mine.map(({ c, i }) => ({
              callId: `call-${i}`, recordId: `RC${String(i).padStart(9, "0")}`, text: "Customer: hi", charCount: 12,
              agent: c[1], team: c[2], callStartAt: new Date(`${c[3]}T${10 + i}:00:00Z`), durationSec: c[6],
            })),
          },
        },
      });
      const batch = await p.batch.create({ data: { name: owner, datasetId: ds.id, modelConfigId: model.id, templateVersionId: tpl.versions[0].id, createdById: owner, recordCount: mine.length } });
      const jobId = `abcdefghij${owner === "sup1" ? "k1" : "k2"}`;
      const job = await p.job.create({
        data: {
          batchId: batch.id, part: 1, jobName: owner, clientRequestToken: owner, status: "Completed", recordCount: mine.length,
          jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/${jobId}`, inputS3Uri: "s3://recap/in/", outputS3Uri: `s3://recap/out/${owner}/`,
        },
      });
      jobIds.push(job.id);
      const lines = mine.map(({ c, i }) => {
        const text = JSON.stringify({ summary: `Call ${i} about ${c[5].join(" and ")}.`, reason_for_call: "x", resolution: "y", customer_sentiment: c[4], action_items: [], topics: c[5] });
        return JSON.stringify({
          modelInput: {}, recordId: `RC${String(i).padStart(9, "0")}`,
          modelOutput: { id: "msg_bdrk_01", type: "message", role: "assistant", content: [{ type: "text", text }], usage: { input_tokens: 1000, output_tokens: 100 } },
        });
      });
      await uploadStream({ ...storage(), key: `out/${owner}/${jobId}/records.jsonl.out`, body: lines.join("\n") + "\n" });
      await ingestJobResults({ prisma: p, storage: storage(), jobId: job.id });
    }
  });
  afterAll(async () => {
    await s3?.close();
    await db?.close();
  });

  it("stores the call's time, agent, team, owner and cost on each result, and its topics once each, lower-cased", async () => {
    const r = await db.prisma.result.findFirstOrThrow({ where: { recordId: "RC000000003" }, include: { topics: true } });
    expect(r).toMatchObject({ ownerId: "sup1", agent: "Ana", team: "Billing", durationSec: 200, callAt: new Date("2026-11-20T13:00:00Z") });
    expect(r.costUsd).toBeCloseTo((1000 * 1 + 100 * 10) / 1e6, 9);
    expect(r.topics.map((t) => t.topic)).toEqual(["refund"]);
  });

  it("keeps the rollups equal to the rows, and a re-ingest adds nothing to either", async () => {
    const before = await db.prisma.rollupDay.aggregate({ _sum: { calls: true, negative: true } });
    for (const jobId of jobIds) expect((await ingestJobResults({ prisma: db.prisma, storage: storage(), jobId })).inserted).toBe(0);
    const after = await db.prisma.rollupDay.aggregate({ _sum: { calls: true, negative: true } });
    expect(after).toEqual(before);
    expect(before._sum).toEqual({ calls: 7, negative: 3 });
    expect(await db.prisma.rollupTopicDay.aggregate({ _sum: { calls: true } })).toEqual({ _sum: { calls: await db.prisma.resultTopic.count() } });
  });

  it("trends sentiment by call day and week, scoped to a supervisor's own batches", async () => {
    const days = await sentimentTrend({ user: manager, prisma: db.prisma });
    expect(days.points[0]).toEqual({ period: "2026-11-02", calls: 2, positive: 1, neutral: 0, negative: 1, mixed: 0, unknown: 0 });
    expect(days.points.map((p) => p.period)).toEqual(["2026-11-02", "2026-11-03", "2026-11-20", "2026-11-25", "2026-11-26", "2026-11-27"]);
    const weeks = await sentimentTrend({ user: manager, bucket: "week", prisma: db.prisma });
    expect(weeks.points.map((p) => [p.period, p.calls])).toEqual([["2026-11-02", 3], ["2026-11-16", 1], ["2026-11-23", 3]]);
    const mine = await sentimentTrend({ user: sup2, prisma: db.prisma });
    expect(mine.points.map((p) => p.period)).toEqual(["2026-11-26", "2026-11-27"]);
    const negative = await sentimentTrend({ user: manager, filter: { sentiment: "negative", team: "Tech" }, prisma: db.prisma });
    expect(negative.points.map((p) => [p.period, p.calls])).toEqual([["2026-11-25", 0], ["2026-11-26", 1], ["2026-11-27", 0]]);
  });

  it("counts calls exactly from the rollups, and says when a filter needs the rows", async () => {
    expect(await callCount({ user: manager, filter: { from: "2026-11-03", to: "2026-11-26" }, prisma: db.prisma })).toBe(4);
    expect(await callCount({ user: sup1, prisma: db.prisma })).toBe(5);
    expect(await callCount({ user: manager, filter: { agent: "Ana", sentiment: "negative" }, prisma: db.prisma })).toBe(2);
    expect(await callCount({ user: manager, filter: { topic: "outage" }, prisma: db.prisma })).toBe(3);
    expect(await callCount({ user: manager, filter: { q: "refund" }, prisma: db.prisma })).toBeNull();
    expect(await countSummaries({ user: manager, filter: { q: "refund" }, prisma: db.prisma })).toEqual({ count: 3, capped: false });
    expect(await countSummaries({ user: sup2, filter: { q: "refund" }, prisma: db.prisma })).toEqual({ count: 0, capped: false });
  });

  it("finds rising topics (this period against the one before) and topics over time", async () => {
    const rising = await risingTopics({ user: manager, filter: { from: "2026-11-15", to: "2026-11-28" }, prisma: db.prisma });
    expect(rising).toMatchObject({ previousFrom: "2026-11-01", previousTo: "2026-11-14" });
    expect(rising.topics).toEqual([
      { topic: "outage", calls: 3, previous: 0, change: Infinity },
      { topic: "router", calls: 1, previous: 1, change: 0 },
    ].filter((t) => t.calls > t.previous));
    expect((await risingTopics({ user: sup2, days: 7, now: new Date("2026-11-28"), prisma: db.prisma })).topics.map((t) => t.topic)).toEqual(["outage"]);
    expect((await topTopics({ user: manager, limit: 3, prisma: db.prisma })).topics).toEqual([{ topic: "outage", calls: 3 }, { topic: "refund", calls: 3 }, { topic: "router", calls: 2 }]);
    const series = await topicsOverTime({ user: manager, limit: 2, bucket: "week", prisma: db.prisma });
    expect(series.topics).toEqual(["outage", "refund"]);
    expect(series.points.find((p) => p.period === "2026-11-23")?.counts).toEqual({ outage: 3, refund: 0 });
  });

  it("tables agents and teams: calls, share negative, handle time where known, cost, top topics", async () => {
    const agents = await agentTable({ user: manager, prisma: db.prisma });
    const ana = agents.rows.find((r) => r.agent === "Ana")!;
    expect(ana).toMatchObject({ team: "Billing", calls: 3, negative: 2, avgHandleSec: 200, topTopics: ["refund", "late fee"] });
    expect(ana.negativeShare).toBeCloseTo(2 / 3);
    expect(agents.rows.find((r) => r.agent === "Ben")?.avgHandleSec).toBeNull();
    expect((await agentTable({ user: sup2, prisma: db.prisma })).rows.map((r) => r.agent)).toEqual(["Dee"]);
    const teams = await teamTable({ user: manager, prisma: db.prisma });
    expect(teams.rows.map((r) => [r.team, r.calls, r.negative])).toEqual([["Billing", 4, 2], ["Tech", 3, 1]]);
    expect(teams.rows[1].topTopics[0]).toBe("outage");
  });

  it("pages summaries by keyset, newest call first, next and previous, with every filter", async () => {
    const first = await listSummaries({ user: manager, filter: {}, pageSize: 3, prisma: db.prisma });
    expect(first.rows.map((r) => r.callId)).toEqual(["call-6", "call-5", "call-4"]);
    expect(first.previous).toBeNull();
    const second = await listSummaries({ user: manager, filter: {}, pageSize: 3, after: first.next!, prisma: db.prisma });
    expect(second.rows.map((r) => r.callId)).toEqual(["call-3", "call-2", "call-1"]);
    const back = await listSummaries({ user: manager, filter: {}, pageSize: 3, before: second.previous!, prisma: db.prisma });
    expect(back.rows.map((r) => r.callId)).toEqual(["call-6", "call-5", "call-4"]);
    expect(back.previous).toBeNull();
    const last = await listSummaries({ user: manager, filter: {}, pageSize: 3, after: second.next!, prisma: db.prisma });
    expect([last.rows.map((r) => r.callId), last.next]).toEqual([["call-0"], null]);

    const ids = async (user: Actor, filter: object) => (await listSummaries({ user, filter, prisma: db.prisma })).rows.map((r) => r.callId);
    expect(await ids(manager, { topic: "refund" })).toEqual(["call-3", "call-1", "call-0"]);
    expect(await ids(manager, { agent: "Ana", sentiment: "negative" })).toEqual(["call-3", "call-0"]);
    expect(await ids(manager, { team: "Tech", from: "2026-11-26", to: "2026-11-26" })).toEqual(["call-5"]);
    expect(await ids(sup1, { topic: "outage" })).toEqual(["call-4"]);
    expect(await ids(sup2, { q: "outage" })).toEqual(["call-6", "call-5"]);
    expect(await ids(manager, { q: `x'; drop table "Result"; --` })).toEqual([]);
    expect(await ids(manager, {})).toHaveLength(7);
  });

  it("exports every matching summary with the call's metadata, a page at a time", async () => {
    const rows = [];
    for await (const r of exportSummaries({ user: manager, filter: { team: "Billing" }, pageSize: 2, prisma: db.prisma })) rows.push(r);
    expect(rows.map((r) => [r.callId, r.agent])).toEqual([["call-3", "Ana"], ["call-2", "Ben"], ["call-1", "Ana"], ["call-0", "Ana"]]);
    expect(rows[0].callStartAt).toEqual(new Date("2026-11-20T13:00:00Z"));
  });

  it("gives up a count that takes longer than its budget, and still counts when asked (PostgreSQL)", async () => {
    if (db.kind !== "postgres") return; // PGlite has no statement timer: its counts always finish
    const filter = { q: "refund", topic: "refund" };
    expect(await countSummaries({ user: manager, filter, prisma: db.prisma })).toEqual({ count: 3, capped: false });
    // Another session holds the topic table: the count waits on it, and the budget ends the wait.
    const [{ schema }] = await db.prisma.$queryRaw<{ schema: string }[]>`SELECT current_schema()::text AS schema`;
    const holder = new pg.Client({ connectionString: (await postgresTestUrl()).url });
    await holder.connect();
    try {
      await holder.query(`BEGIN; LOCK TABLE "${schema}"."ResultTopic" IN ACCESS EXCLUSIVE MODE`);
      expect(await countSummaries({ user: manager, filter, budgetMs: 100, prisma: db.prisma })).toEqual({ count: null, capped: true });
      // The setting was LOCAL to the count's transaction: the next statements on the pool have no timeout.
      const exact = countSummaries({ user: manager, filter, exact: true, prisma: db.prisma });
      await new Promise((r) => setTimeout(r, 300));
      await holder.query("COMMIT");
      expect(await exact).toEqual({ count: 3, capped: false });
    } finally {
      await holder.end();
    }
  });
});
