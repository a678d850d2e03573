// The four batch-inference operations at Bedrock's REST paths.
import { randomBytes, randomUUID } from "node:crypto";
import { findModel, type Quotas } from "./catalog";
import { BedrockError, validation } from "./errors";
import type { Engine } from "./engine";
import { ACTIVE, JOB_STATUSES, TERMINAL, toApiJob, zeroCounts, type JobRecord, type JobStatus } from "./job";
import type { JobStore } from "./job-store";
import { validateCreate } from "./validate-create";

export type JobsContext = {
  region: string;
  accountId: string;
  store: JobStore;
  engine: Engine;
  quotas: () => Quotas;
  now: () => number;
  /** service-wide tags (PUT /_local/job-tags) for jobs that do not set them */
  defaultTags?: () => { key: string; value: string }[];
};

const JOB_IDENTIFIER = /^((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job\/)?[a-z0-9]{12})$/;

// A Create still persisting: a concurrent call with its token waits for it instead of racing.
const inFlight = new WeakMap<JobStore, Map<string, Promise<string>>>();

export async function createJob(ctx: JobsContext, body: Record<string, unknown>): Promise<{ jobArn: string; jobId: string }> {
  const input = validateCreate(body);
  // The SDK always fills a token (idempotencyToken trait); a hand-written call may not.
  const token = input.clientRequestToken ?? randomUUID();
  const known = ctx.store.jobIdForToken(token);
  if (known) return { jobArn: ctx.store.get(known)!.jobArn, jobId: known };
  const pending = inFlight.get(ctx.store) ?? new Map<string, Promise<string>>();
  inFlight.set(ctx.store, pending);
  const racing = pending.get(token);
  if (racing) {
    const jobId = await racing;
    return { jobArn: ctx.store.get(jobId)!.jobArn, jobId };
  }

  const max = ctx.quotas().maxConcurrentJobsPerModel;
  const running = ctx.store.all().filter((j) => ACTIVE.has(j.status) && sameModel(j, input.model.modelId)).length;
  if (running >= max) {
    throw new BedrockError(
      "ServiceQuotaExceededException",
      `You have reached the quota of ${max} batch inference jobs in progress or queued for ${input.model.modelId}. Wait for a job to finish or stop one, then try again.`,
    );
  }

  const jobId = newJobId(ctx.store);
  const now = ctx.now();
  const job: JobRecord = {
    jobId,
    jobArn: `arn:aws:bedrock:${ctx.region}:${ctx.accountId}:model-invocation-job/${jobId}`,
    jobName: input.jobName,
    modelId: input.modelId,
    family: input.modelInvocationType === "Converse" ? "converse" : input.model.family,
    roleArn: input.roleArn,
    clientRequestToken: token,
    status: "Submitted",
    submitTime: new Date(now).toISOString(),
    lastModifiedTime: new Date(now).toISOString(),
    jobExpirationTime: new Date(now + input.timeoutDurationInHours * 3600_000).toISOString(),
    timeoutDurationInHours: input.timeoutDurationInHours,
    modelInvocationType: input.modelInvocationType,
    inputDataConfig: input.inputDataConfig,
    outputDataConfig: input.outputDataConfig,
    vpcConfig: input.vpcConfig,
    tags: [...(input.tags ?? []), ...(ctx.defaultTags?.() ?? []).filter((d) => !input.tags?.some((t) => t.key === d.key))],
    filesDone: 0,
    doneCounts: zeroCounts(),
    counts: zeroCounts(),
  };
  const persisted = ctx.store.create(job).then(() => jobId);
  pending.set(token, persisted);
  try {
    await persisted;
  } finally {
    pending.delete(token);
  }
  ctx.engine.start(job);
  return { jobArn: job.jobArn, jobId };
}

// A job may name its model by id, ARN or inference profile; the quota is per served model.
const sameModel = (job: JobRecord, modelId: string) => findModel(job.modelId)?.modelId === modelId;

function newJobId(store: JobStore): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (;;) {
    const bytes = randomBytes(12);
    const id = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    if (!store.get(id)) return id;
  }
}

export function findJob(ctx: JobsContext, identifier: string): JobRecord {
  if (!JOB_IDENTIFIER.test(identifier)) {
    throw validation(`1 validation error detected: Value '${identifier}' at 'jobIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${JOB_IDENTIFIER.source.slice(1, -1)}`);
  }
  const job = ctx.store.get(identifier.slice(-12));
  if (!job || (identifier.startsWith("arn:") && job.jobArn !== identifier)) {
    throw new BedrockError("ResourceNotFoundException", `The specified batch inference job ${identifier} could not be found.`);
  }
  return job;
}

export async function getJob(ctx: JobsContext, identifier: string): Promise<Record<string, unknown>> {
  const job = findJob(ctx, identifier);
  await ctx.engine.advanceOnGet(job);
  return toApiJob(job);
}

/** ListTagsForResource (POST /listTagsForResource {resourceARN}): the tags a job was created with. */
export function listTags(ctx: JobsContext, body: Record<string, unknown>): { tags: { key: string; value: string }[] } {
  const arn = body.resourceARN;
  if (typeof arn !== "string" || !/^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:[a-z-]+\/[a-z0-9]{12}$/.test(arn)) {
    throw validation(`Value '${String(arn)}' at 'resourceARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:bedrock:.*`);
  }
  const job = ctx.store.all().find((j) => j.jobArn === arn);
  if (!job) throw new BedrockError("ResourceNotFoundException", `The resource ${arn} was not found.`);
  return { tags: job.tags.map(({ key, value }) => ({ key, value })) };
}

export async function stopJob(ctx: JobsContext, identifier: string): Promise<Record<string, unknown>> {
  const job = findJob(ctx, identifier);
  if (job.status === "Stopping") return {};
  if (TERMINAL.has(job.status)) throw validation(`The batch inference job ${job.jobArn} is ${job.status} and cannot be stopped.`);
  await ctx.engine.stop(job);
  return {};
}

export function listJobs(ctx: JobsContext, query: URLSearchParams): Record<string, unknown> {
  const time = (name: string) => {
    const v = query.get(name);
    if (v === null) return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw validation(`1 validation error detected: Value '${v}' at '${name}' failed to satisfy constraint: Member must be a timestamp`);
    return t;
  };
  const after = time("submitTimeAfter");
  const before = time("submitTimeBefore");
  const status = query.get("statusEquals");
  if (status !== null && !JOB_STATUSES.includes(status as JobStatus)) {
    throw validation(`1 validation error detected: Value '${status}' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum value set: [${JOB_STATUSES.join(", ")}]`);
  }
  const sortBy = query.get("sortBy") ?? "CreationTime";
  if (sortBy !== "CreationTime") throw validation(`1 validation error detected: Value '${sortBy}' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [CreationTime]`);
  const order = query.get("sortOrder") ?? "Descending";
  if (order !== "Ascending" && order !== "Descending") throw validation(`1 validation error detected: Value '${order}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]`);
  const maxResults = Number(query.get("maxResults") ?? 100);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) throw validation(`1 validation error detected: Value '${query.get("maxResults")}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000`);
  const nameContains = query.get("nameContains");

  const sortKey = (j: JobRecord) => `${j.submitTime}|${j.jobId}`;
  const cursor = decodeToken(query.get("nextToken"));
  const sign = order === "Ascending" ? 1 : -1;
  const matching = ctx.store
    .all()
    .filter((j) => (status === null || j.status === status) && (nameContains === null || j.jobName.includes(nameContains)))
    .filter((j) => (after === undefined || Date.parse(j.submitTime) > after) && (before === undefined || Date.parse(j.submitTime) < before))
    .filter((j) => cursor === undefined || (sortKey(j) > cursor ? 1 : -1) === sign)
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -sign : sortKey(a) > sortKey(b) ? sign : 0));
  const page = matching.slice(0, maxResults);
  return {
    invocationJobSummaries: page.map(toApiJob),
    ...(matching.length > maxResults ? { nextToken: Buffer.from(sortKey(page[page.length - 1]!)).toString("base64url") } : {}),
  };
}

function decodeToken(token: string | null): string | undefined {
  if (token === null) return undefined;
  const key = Buffer.from(token, "base64url").toString("utf8");
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[a-z0-9]{12}$/.test(key)) throw validation("The nextToken is not valid.");
  return key;
}
