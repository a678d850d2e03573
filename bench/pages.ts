// `npm run bench:pages -- [--database-url URL] [--pglite DIR] [--runs 20] [--views all|summaries|job]`:
// server-side time of the summaries page's views (the one loader the page calls,
// lib/insights/summaries-view.ts, so every query the page makes) and of the job page's for the
// largest job (lib/results/job-view.ts), p50 / p95 / max over `runs` requests each after two
// warm-ups, for a manager and for a supervisor (scoped); and the CSV export's rows per second.
// Fill the database first with `npm run seed:scale -- --results N` (`--big-job 50000` for a job of
// 50,000 results). Results go in BENCHMARKS.md.
import os from "node:os";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { loadSummariesView } from "@/lib/insights/summaries-view";
import { encodeCursor } from "@/lib/insights/filters";
import { encodeKey } from "@/lib/keyset";
import { loadJobView } from "@/lib/results/job-view";
import { exportSummaries } from "@/lib/insights/list";
import { agentTable, risingTopics, sentimentTrend, teamTable } from "@/lib/insights/queries";
import { csvStream, type CsvValue } from "@/lib/export/csv";
import { SUMMARY_CSV_HEADER, summaryCsvCells } from "@/lib/export/summaries-csv";

type View = { name: string; user: Actor; run: () => Promise<unknown> };

const ms = (x: number) => Math.round(x * 10) / 10;
function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: ms(at(0.5)), p95: ms(at(0.95)), max: ms(s[s.length - 1]) };
}

async function main() {
  const { values } = parseArgs({ options: { "database-url": { type: "string" }, pglite: { type: "string" }, runs: { type: "string", default: "20" }, views: { type: "string", default: "all" }, "export-rows": { type: "string", default: "100000" } } });
  const url = values["database-url"];
  if (!url && !values.pglite) throw new Error("give --database-url postgresql://... or --pglite DIR (a database filled by npm run seed:scale)");
  const runs = Number(values.runs);
  if (!["all", "summaries", "job"].includes(values.views!)) throw new Error("--views is all, summaries or job");
  const summaries = values.views !== "job";
  const pglite = values.pglite ? new PGlite(values.pglite) : null;
  const prisma = new PrismaClient({ adapter: pglite ? new PrismaPGlite(pglite) : new PrismaPg({ connectionString: url! }) });
  const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Result"`;
  console.log(`# ${new Date().toISOString()} ${pglite ? "PGlite" : "PostgreSQL"}, ${Number(n).toLocaleString("en-US")} results, ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}`);

  const manager: Actor = { id: "bench-manager", role: "manager" };
  const supervisor: Actor = { id: "seed-sup-1", role: "supervisor" };
  // Realistic filter values from the data itself: the busiest agent and team, a month of calls.
  const [busy] = await prisma.$queryRaw<{ agent: string; team: string }[]>`
    SELECT agent, team FROM "RollupAgentDay" GROUP BY agent, team ORDER BY sum(calls) DESC LIMIT 1`;
  const [model] = await prisma.$queryRaw<{ id: string }[]>`SELECT "modelConfigId" AS id FROM "RollupDay" GROUP BY 1 ORDER BY sum(calls) DESC LIMIT 1`;
  const deep = async (offset: number, where = "") => {
    const rows = await prisma.$queryRawUnsafe<{ callAt: Date; id: string }[]>(
      `SELECT "callAt", id FROM "Result" WHERE ok ${where} ORDER BY "callAt" DESC, id DESC OFFSET ${offset} LIMIT 1`);
    return rows[0] ? encodeCursor(rows[0]) : undefined;
  };
  // Deep pages (the page 5,000 and "refund" page 400) as cursors, found once with OFFSET.
  const deepAll = await deep(Math.min(250_000, Math.floor(Number(n) / 2)));
  const deepRefund = await deep(Math.min(20_000, Math.floor(Number(n) / 20)), `AND search @@ websearch_to_tsquery('english', 'refund')`);
  const monthTo = new Date().toISOString().slice(0, 10);
  const monthFrom = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);

  const page = (name: string, user: Actor, searchParams: Record<string, string | undefined>): View => ({ name, user, run: () => loadSummariesView({ user, searchParams, prisma }) });
  const summaryViews: View[] = [
    page("/summaries", manager, {}),
    page("/summaries?q=refund", manager, { q: "refund" }),
    page("/summaries?q=refund&after=<row 20,000>", manager, { q: "refund", after: deepRefund }),
    page("/summaries?after=<row 250,000>", manager, { after: deepAll }),
    page("/summaries?sentiment=negative", manager, { sentiment: "negative" }),
    page(`/summaries?agent=<busiest>`, manager, { agent: busy?.agent }),
    page(`/summaries?team=<busiest>`, manager, { team: busy?.team }),
    page("/summaries?topic=refund", manager, { topic: "refund" }),
    page("/summaries?model=<busiest>", manager, { model: model?.id }),
    page("/summaries?from=<30 days>&to=today", manager, { from: monthFrom, to: monthTo }),
    page("/summaries?team&sentiment=negative&from&to (30 days)", manager, { team: busy?.team, sentiment: "negative", from: monthFrom, to: monthTo }),
    page("/summaries?q=refund&sentiment=negative&topic=billing", manager, { q: "refund", sentiment: "negative", topic: "billing" }),
    page("/summaries?bucket=week", manager, { bucket: "week" }),
    page("/summaries?count=all&q=refund", manager, { q: "refund", count: "all" }),
    { name: "sentimentTrend by week (home)", user: manager, run: () => sentimentTrend({ user: manager, bucket: "week", prisma }) },
    { name: "risingTopics 30 days (home)", user: manager, run: () => risingTopics({ user: manager, prisma }) },
    { name: "agentTable", user: manager, run: () => agentTable({ user: manager, prisma }) },
    { name: "teamTable", user: manager, run: () => teamTable({ user: manager, prisma }) },
    page("/summaries (supervisor)", supervisor, {}),
    page("/summaries?q=refund (supervisor)", supervisor, { q: "refund" }),
    page("/summaries?topic=refund (supervisor)", supervisor, { topic: "refund" }),
    page("/summaries?sentiment=negative&from&to (supervisor)", supervisor, { sentiment: "negative", from: monthFrom, to: monthTo }),
  ];

  // The job page for the largest job; deep pages are record cursors found once with OFFSET.
  const [big] = await prisma.$queryRaw<{ id: string; n: number; ownerId: string }[]>`
    SELECT r."jobId" AS id, count(*)::int AS n, min(b."createdById") AS "ownerId"
    FROM "Result" r JOIN "Job" j ON j.id = r."jobId" JOIN "Batch" b ON b.id = j."batchId" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  const record = async (offset: number, where = "", order = "ASC") => {
    const rows = await prisma.$queryRawUnsafe<{ recordId: string }[]>(
      `SELECT "recordId" FROM "Result" WHERE "jobId" = $1 ${where} ORDER BY "recordId" ${order} OFFSET ${offset} LIMIT 1`, big.id);
    return rows[0] ? encodeKey([rows[0].recordId]) : undefined;
  };
  // after the 51st row from the end: the last 50
  const last = (where = "") => record(50, where, "DESC");
  const size = big?.n ?? 0;
  const job = (name: string, user: Actor, searchParams: Record<string, string | undefined>): View => ({
    name: `/jobs/<${size.toLocaleString("en-US")} results>${name}`, user,
    run: async () => {
      if (!(await loadJobView({ user, jobId: big.id, searchParams, prisma }))) throw new Error("job not in scope");
    },
  });
  const owner: Actor = { id: big?.ownerId ?? "", role: "supervisor" };
  const half = Math.floor(size / 2);
  const jobViews: View[] = big ? [
    job("", manager, {}),
    job(`?after=<row ${half.toLocaleString("en-US")}>`, manager, { after: await record(half) }),
    job("?after=<last page>", manager, { after: await last() }),
    job("?filter=errors", manager, { filter: "errors" }),
    job("?filter=errors&after=<last page>", manager, { filter: "errors", after: await last("AND NOT ok") }),
    job("?filter=ok", manager, { filter: "ok" }),
    job(`?filter=ok&after=<row ${half.toLocaleString("en-US")}>`, manager, { filter: "ok", after: await record(half, "AND ok") }),
    job("?count=all (exact count, asked for)", manager, { count: "all" }),
    job(" (owner)", owner, {}),
    job("?after=<last page> (owner)", owner, { after: await last() }),
  ] : [];
  const views = [...(summaries ? summaryViews : []), ...(values.views !== "summaries" ? jobViews : [])];

  const table: Array<Record<string, string | number>> = [];
  for (const v of views) {
    for (let i = 0; i < 2; i++) await v.run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await v.run();
      times.push(performance.now() - start);
    }
    const row = { view: v.name, role: v.user.role, ...stats(times) };
    table.push(row);
    console.log(`| ${row.view} | ${row.role} | ${row.p50} | ${row.p95} | ${row.max} |`);
  }

  // The export: rows through the same generator and CSV writer the route streams.
  if (!summaries) return close(prisma, pglite);
  const exportRows = Number(values["export-rows"]);
  // Twice: the first pass reads pages the views above did not (as a download would); the second
  // is warm, as the views are after their two warm-up runs.
  for (const pass of ["first pass", "second pass"]) {
    const start = performance.now();
    let count = 0;
    let bytes = 0;
    // The route's own cells (lib/export/summaries-csv), so the figure is what a download costs.
    async function* cells(): AsyncIterable<CsvValue[]> {
      for await (const r of exportSummaries({ user: manager, filter: {}, prisma })) {
        yield summaryCsvCells(r);
        if (++count >= exportRows) return;
      }
    }
    const reader = csvStream(SUMMARY_CSV_HEADER, cells()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    const s = (performance.now() - start) / 1000;
    console.log(`| CSV export, ${count.toLocaleString("en-US")} rows with metadata, ${pass} | manager | ${Math.round(count / s).toLocaleString("en-US")} rows/s (${(bytes / 1e6 / s).toFixed(1)} MB/s) | | |`);
  }
  await close(prisma, pglite);
}

async function close(prisma: PrismaClient, pglite: PGlite | null) {
  await prisma.$disconnect();
  await pglite?.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
