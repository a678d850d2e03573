import "server-only";
import { ListModelInvocationJobsCommand } from "@aws-sdk/client-bedrock";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { config } from "@/lib/config";
import { db, describeDb } from "@/lib/db";
import { bedrock } from "@/lib/bedrock/client";
import { s3 } from "@/lib/storage/s3-client";

export type ComponentStatus = {
  name: "database" | "objectStore" | "batchEngine";
  label: string;
  ok: boolean;
  /** where it is: an endpoint, a region or a folder; never a secret */
  where: string;
  detail: string;
  latencyMs?: number;
};

async function probe(run: () => Promise<string>): Promise<{ ok: boolean; detail: string; latencyMs: number }> {
  const start = Date.now();
  try {
    const detail = await withTimeout(run(), 5000);
    return { ok: true, detail, latencyMs: Date.now() - start };
  } catch (e) {
    return { ok: false, detail: describeError(e), latencyMs: Date.now() - start };
  }
}

/** Ask each part of the stack whether it answers. */
export async function systemStatus(): Promise<ComponentStatus[]> {
  const c = config();
  const [database, objectStore, batchEngine] = await Promise.all([
    probe(async () => {
      const prisma = await db();
      // a query on an app table, so "answers" also means the migrations are applied
      await prisma.modelConfig.findFirst({ select: { id: true } });
      return "answers; schema is migrated";
    }),
    probe(async () => {
      await s3().send(new HeadBucketCommand({ Bucket: c.bucket }));
      return `answers; bucket ${c.bucket} is reachable`;
    }),
    probe(async () => {
      const out = await bedrock().send(new ListModelInvocationJobsCommand({ maxResults: 1 }));
      return `answers; ${out.invocationJobSummaries?.length ? "has jobs" : "no jobs yet"}`;
    }),
  ]);
  return [
    { name: "database", label: "Database", where: await describeDb().catch(() => "unknown"), ...database },
    {
      name: "objectStore",
      label: "Object store",
      where: c.s3Endpoint ? `local S3 at ${c.s3Endpoint}` : `Amazon S3 in ${c.awsRegion}`,
      ...objectStore,
    },
    {
      name: "batchEngine",
      label: "Batch engine",
      where: c.bedrockEndpoint ? `bedrock-local at ${c.bedrockEndpoint}` : `Amazon Bedrock in ${c.awsRegion}`,
      ...batchEngine,
    },
  ];
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

function describeError(e: unknown): string {
  const err = e as { name?: string; message?: string; code?: string };
  const name = err.name && err.name !== "Error" ? `${err.name}: ` : "";
  return `${name}${err.message ?? String(e)}`.slice(0, 300);
}
