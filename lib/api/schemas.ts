// The shapes /api/v1 takes and answers. Routes parse requests and check answers with these, and
// lib/api/openapi.ts turns the same schemas into the OpenAPI document (z.toJSONSchema).
import { z } from "zod";
import { Sentiment } from "@/lib/results/parse-summary";
import { SubmitBatchInput } from "@/lib/jobs/submit-input";

export const ApiError = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) })
  .meta({ id: "Error", description: "code: VALIDATION (400, `field` names what is wrong), UNAUTHENTICATED (401), FORBIDDEN (403), NOT_FOUND (404), CONFLICT or QUOTA (409), RATE_LIMITED (429)" });

const id = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} is not an id Recap gave out`);
const limit = (max: number, fallback: number) => z.coerce.number({ message: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(max, `limit must be at most ${max}`).default(fallback);
const cursor = z.string().max(200, "cursor is longer than any cursor this API gives").optional().meta({ description: "nextCursor of the previous page" });

// ---------- batches ----------

/** The prepare form's schema; requestKey is optional here (one is made up when missing). */
export const CreateBatchBody = SubmitBatchInput.extend({
  requestKey: z.string().uuid("requestKey must be a UUID").optional().meta({ description: "idempotency key: the same key answers the same batch" }),
});
export type CreateBatchBody = z.infer<typeof CreateBatchBody>;

export const JobRow = z
  .object({
    id: z.string(), batchId: z.string(), batchName: z.string(), part: z.number().int(), jobName: z.string(), jobArn: z.string().nullable(),
    status: z.string().meta({ description: "Pending (not yet created), then Bedrock's statuses: Submitted … Completed, PartiallyCompleted, Failed, Stopped, Expired" }),
    message: z.string().nullable(), stopRequested: z.boolean(), recordCount: z.number().int(),
    totalRecordCount: z.number().int().nullable(), processedRecordCount: z.number().int().nullable(),
    successRecordCount: z.number().int().nullable(), errorRecordCount: z.number().int().nullable(),
    inputTokenCount: z.number().nullable(), outputTokenCount: z.number().nullable(), modelName: z.string(),
    createdAt: z.string(), submitTime: z.string().nullable(), endTime: z.string().nullable(),
    ingestedAt: z.string().nullable().meta({ description: "when every output line was stored as a result" }),
  })
  .meta({ id: "Job" });
export type JobRow = z.infer<typeof JobRow>;

export const JobDetail = JobRow.extend({
  events: z.array(z.object({ id: z.string(), status: z.string(), message: z.string().nullable(), at: z.string() })),
  costUsd: z.number().nullable(), templateLabel: z.string(), createdBy: z.string(), createdById: z.string(), datasetId: z.string(),
}).meta({ id: "JobDetail" });
export type JobDetail = z.infer<typeof JobDetail>;

export const Batch = z
  .object({
    id: z.string(), name: z.string(), status: z.string().meta({ description: "submitting (input being written), ready (jobs handed to the tracker) or failed (see message)" }),
    message: z.string().nullable(), recordCount: z.number().int(), estCostUsd: z.number(), modelName: z.string(), templateLabel: z.string(),
    datasetId: z.string(), datasetName: z.string(), createdAt: z.string(), jobs: z.array(JobRow),
    settled: z.boolean().meta({ description: "true once every job has ended and its results are stored: wait for this" }),
  })
  .meta({ id: "Batch" });
export type Batch = z.infer<typeof Batch>;

export const BatchCreated = z.object({ batchId: z.string() }).meta({ id: "BatchCreated" });
export type BatchCreated = z.infer<typeof BatchCreated>;

export const ListQuery = z.object({ limit: limit(100, 25), cursor });

export const BatchSummary = Batch.omit({ jobs: true, datasetName: true }).extend({ jobCount: z.number().int() }).meta({ id: "BatchSummary" });
export type BatchSummary = z.infer<typeof BatchSummary>;
export const BatchPage = z.object({ batches: z.array(BatchSummary), nextCursor: z.string().nullable() }).meta({ id: "BatchPage" });
export type BatchPage = z.infer<typeof BatchPage>;

export const BatchOptions = z
  .object({
    models: z.array(z.object({ id: z.string(), name: z.string(), modelId: z.string(), minRecordsPerJob: z.number().int(), maxRecordsPerJob: z.number().int() })),
    templates: z.array(z.object({ versionId: z.string(), name: z.string(), version: z.number().int() })),
    serviceRoles: z.array(z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() })),
  })
  .meta({ id: "BatchOptions", description: "what POST /api/v1/batches accepts: modelConfigId is a model's id, templateVersionId a template version's" });
export type BatchOptions = z.infer<typeof BatchOptions>;

// ---------- jobs ----------

export const JobsQuery = z.object({
  status: z.string().regex(/^[A-Za-z]{1,32}$/, "status is a job status like InProgress or Completed").optional(),
  page: z.coerce.number({ message: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(100_000, "page must be at most 100000").default(1),
});
export const JobsPage = z.object({ jobs: z.array(JobRow), total: z.number().int(), page: z.number().int(), pageCount: z.number().int(), status: z.string().optional() }).meta({ id: "JobsPage" });
export type JobsPage = z.infer<typeof JobsPage>;

// ---------- results ----------

/** The summaries page's filters (q, sentiment), plus a batch and a job. */
export const ResultFiltersQuery = z.object({
  q: z.string().trim().min(1, "q must not be empty").max(200, "q is longer than 200 characters").optional().meta({ description: "full-text search over summaries and fields (web search syntax)" }),
  sentiment: Sentiment.optional().meta({ description: "the customer's sentiment" }),
  batchId: id("batchId").optional(),
  jobId: id("jobId").optional(),
});
export type ResultFilters = z.infer<typeof ResultFiltersQuery>;

export const ResultsQuery = ResultFiltersQuery.extend({ limit: limit(500, 100), cursor });

export const ResultRow = z
  .object({
    id: z.string(), recordId: z.string(), callId: z.string().nullable(), summary: z.string().nullable(), sentiment: z.string().nullable(),
    fields: z.object({
      summary: z.string(), reason_for_call: z.string(), resolution: z.string(), customer_sentiment: z.string().nullable(),
      action_items: z.array(z.string()), topics: z.array(z.string()),
    }).nullable().meta({ description: "the fields the template asked for, when the model answered them" }),
    modelName: z.string(), batchId: z.string(), batchName: z.string(), jobId: z.string(),
    inputTokens: z.number().int().nullable(), outputTokens: z.number().int().nullable(), createdAt: z.string(),
  })
  .meta({ id: "Result" });
export type ResultRow = z.infer<typeof ResultRow>;
export const ResultPage = z.object({ results: z.array(ResultRow), nextCursor: z.string().nullable().meta({ description: "null on the last page" }) }).meta({ id: "ResultPage" });
export type ResultPage = z.infer<typeof ResultPage>;

// ---------- shared ----------

/** The first issue of a failed parse, as the field it names and its message. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || "body";
  if (!issue) return { field, message: "The request is not valid." };
  if (issue.code === "invalid_type" && /received undefined$/.test(issue.message)) return { field, message: `${field} is required` };
  const message = issue.message.includes(field) ? issue.message : `${field}: ${issue.message}`;
  return { field, message };
}
