// On-demand runs (lib/ondemand) through bedrock-local's InvokeModel route with the real
// bedrock-runtime SDK: calls per second by concurrency, and with a share of calls throttled.
// bedrock-local runs in this process with its summarizer inline, so the figures are the
// runner's overhead plus the built-in summarizer, not a real model's latency.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { startAppStack } from "@/test/app-stack";
import { syntheticCalls, toCsv } from "@/test/synthetic";
import { createBedrockRuntimeClient } from "@/lib/bedrock/runtime-client";
import { ingestUpload } from "@/lib/datasets/ingest";
import { createOnDemandBatch } from "@/lib/ondemand/create";
import { runOnDemandSlice } from "@/lib/ondemand/run";

const CALLS = 99;

export async function benchOnDemand() {
  const stack = await startAppStack();
  const runtime = createBedrockRuntimeClient({ region: "us-east-1", endpoint: stack.engine.endpoint, maxAttempts: 6 });
  try {
    const csv = toCsv(await syntheticCalls(CALLS));
    const file = stack.writeFile("calls.csv", csv);
    const { datasetId } = await ingestUpload({
      prisma: stack.prisma, storage: stack.storage, filePath: file, fileName: "calls.csv",
      sizeBytes: fs.statSync(file).size, sha256: createHash("sha256").update(csv).digest("hex"), userId: stack.user.id,
    });
    await stack.prisma.modelConfig.update({ where: { id: stack.modelId }, data: { minRecordsPerJob: 100 } });
    const rows = [];
    let n = 0;
    for (const [concurrency, throttleShare] of [[1, 0], [4, 0], [8, 0], [4, 0.2]] as const) {
      await stack.admin("DELETE", "faults");
      await stack.admin("DELETE", "requests");
      if (throttleShare > 0) await stack.admin("POST", "faults", { operation: "InvokeModel", probability: throttleShare, error: { name: "ThrottlingException" } });
      const { jobId } = await createOnDemandBatch({
        prisma: stack.prisma, user: stack.user, datasetId, modelConfigId: stack.modelId, templateVersionId: stack.templateVersionId, requestKey: `bench-${n++}`,
      });
      await stack.prisma.job.update({ where: { id: jobId }, data: { leaseOwner: "bench" } });
      const start = performance.now();
      for (;;) {
        await runOnDemandSlice({ prisma: stack.prisma, runtime, owner: "bench", leaseMs: 60_000, concurrency }, jobId);
        const job = await stack.prisma.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
        if (job.status !== "InProgress" && job.status !== "Pending") break;
      }
      const seconds = (performance.now() - start) / 1000;
      const { requests } = (await stack.admin("GET", "requests?operation=InvokeModel")) as { requests: { httpStatus?: number }[] };
      const results = await stack.prisma.result.count({ where: { jobId, ok: true } });
      rows.push({
        concurrency, throttled: `${throttleShare * 100}%`, calls: CALLS, results, seconds: Math.round(seconds * 10) / 10,
        "calls/s": Math.round((CALLS / seconds) * 10) / 10, "429 answers": requests.filter((r) => r.httpStatus === 429).length,
      });
    }
    return rows;
  } finally {
    runtime.destroy();
    await stack.close();
  }
}

if (process.argv[1]?.endsWith("ondemand.ts")) {
  benchOnDemand().then((rows) => console.table(rows), (e) => (console.error(e), process.exit(1)));
}
