// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes parse with
// (zod 4's z.toJSONSchema, draft 2020-12, which OpenAPI 3.1 uses as is). Nothing here is hand-written
// JSON Schema: a schema change shows up in the document.
import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { DatasetUploaded, UploadQuery } from "@/lib/datasets/upload-request";
import {
  ApiError, Batch, BatchCreated, BatchOptions, BatchPage, CreateBatchBody, JobDetail, JobsPage, JobsQuery, ListQuery, ResultFiltersQuery, ResultPage, ResultsQuery,
} from "./schemas";

type Operation = {
  method: "get" | "post";
  path: string;
  summary: string;
  /** the least role; "public" needs no sign-in */
  role: Role | "public";
  query?: z.ZodObject;
  pathParams?: string[];
  /** a JSON body, or "file" for a raw streamed upload */
  body?: z.ZodType | "file";
  ok: { status: number; schema?: z.ZodType; contentType?: string; description: string };
  errors: number[];
};

/** Every /api/v1 operation; app/api/v1's route files are tested against this list. */
export const OPERATIONS: Operation[] = [
  {
    method: "post", path: "/api/v1/datasets", summary: "Upload a transcript file (CSV, TXT, JSON, JSONL, Transcribe JSON, or a .zip), streamed as the raw body", role: "supervisor",
    query: UploadQuery, body: "file", ok: { status: 201, schema: DatasetUploaded, description: "the dataset and its validation report" }, errors: [400, 401, 403, 413, 429],
  },
  {
    method: "get", path: "/api/v1/batch-options", summary: "The models, prompt template versions and service roles a batch can use", role: "supervisor",
    ok: { status: 200, schema: BatchOptions, description: "choices for POST /api/v1/batches" }, errors: [401, 429],
  },
  {
    method: "post", path: "/api/v1/batches", summary: "Create a batch of a dataset with a model and a template version; the tracker submits its jobs", role: "supervisor",
    body: CreateBatchBody, ok: { status: 201, schema: BatchCreated, description: "the batch (the same one again for a repeated requestKey)" }, errors: [400, 401, 403, 404, 409, 429],
  },
  {
    method: "get", path: "/api/v1/batches", summary: "The caller's batches (everyone's for managers), newest first", role: "supervisor",
    query: ListQuery, ok: { status: 200, schema: BatchPage, description: "one page; pass nextCursor for the next" }, errors: [400, 401, 429],
  },
  {
    method: "get", path: "/api/v1/batches/{batchId}", summary: "One batch with its jobs; settled is true once all of them ended and their results are stored", role: "supervisor",
    pathParams: ["batchId"], ok: { status: 200, schema: Batch, description: "the batch" }, errors: [401, 404, 429],
  },
  {
    method: "get", path: "/api/v1/jobs", summary: "The caller's Bedrock jobs, newest first", role: "supervisor",
    query: JobsQuery, ok: { status: 200, schema: JobsPage, description: "one page" }, errors: [400, 401, 429],
  },
  {
    method: "get", path: "/api/v1/jobs/{jobId}", summary: "One job with its status history and cost", role: "supervisor",
    pathParams: ["jobId"], ok: { status: 200, schema: JobDetail, description: "the job" }, errors: [401, 404, 429],
  },
  {
    method: "get", path: "/api/v1/results", summary: "Summaries, filtered like the summaries page, in keyset pages", role: "supervisor",
    query: ResultsQuery, ok: { status: 200, schema: ResultPage, description: "one page; pass nextCursor for the next" }, errors: [400, 401, 429],
  },
  {
    method: "get", path: "/api/v1/export", summary: "The matching summaries as CSV (formula-injection safe), streamed", role: "manager",
    query: ResultFiltersQuery, ok: { status: 200, contentType: "text/csv", description: "CSV with a header row, UTF-8 with BOM" }, errors: [400, 401, 403, 429],
  },
  {
    method: "get", path: "/api/v1/openapi.json", summary: "This document", role: "public",
    ok: { status: 200, contentType: "application/json", description: "OpenAPI 3.1" }, errors: [],
  },
];

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "bad request: error.field names the parameter, header or body field", 401: "no valid session or API token", 403: "the role does not allow it (or a foreign Origin)",
  404: "not found, or not yours", 409: "conflict or quota (a dataset below the model's minimum records per job)", 413: "the file is larger than the upload limit",
  429: "too many requests for this token: see Retry-After",
};

/** Builds the document; named schemas (`.meta({ id })`) land in components.schemas and are referenced. */
export function openApiDocument(opts: { serverUrl?: string } = {}) {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const json = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$schema;
    delete json.$defs;
    const fix = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(fix);
      if (!v || typeof v !== "object") return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? x.replace("#/$defs/", "#/components/schemas/") : fix(x)]));
    };
    for (const [name, def] of Object.entries(defs)) components[name] = fix(def) as JsonSchema;
    return fix(json) as JsonSchema;
  };
  const errorRef = convert(ApiError, "output");

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, field]) => {
        const schema = convert(field as z.ZodType, "input");
        const { description, ...rest } = schema;
        return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
      }),
      ...(op.body === "file" ? [
        { name: "X-Recap-Size", in: "header", required: true, description: "the file's size in bytes", schema: { type: "integer" } },
        { name: "X-Recap-Sha256", in: "header", required: true, description: "the file's SHA-256, 64 hex digits", schema: { type: "string", pattern: "^[0-9a-fA-F]{64}$" } },
      ] : []),
    ];
    const requestBody = op.body === "file"
      ? { required: true, content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } }
      : op.body ? { required: true, content: { "application/json": { schema: convert(op.body, "input") } } } : undefined;
    const okContent = op.ok.schema ? { "application/json": { schema: convert(op.ok.schema, "output") } } : { [op.ok.contentType ?? "application/json"]: {} };
    const responses: Record<string, unknown> = { [op.ok.status]: { description: op.ok.description, content: okContent } };
    for (const status of op.errors) responses[status] = { description: ERROR_TEXT[status], content: { "application/json": { schema: errorRef } } };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: `${op.method}${op.path.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
      summary: op.summary,
      ...(op.role === "public" ? { security: [] } : { "x-recap-role": op.role }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Recap API", version: "1",
      description: "Upload call transcripts, summarize them with Amazon Bedrock batch inference, read the summaries. Authenticate with a personal API token (Settings → API tokens) as `Authorization: Bearer recap_pat_…`; a signed-in browser session works too (state changes then need Recap's Origin).",
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    security: [{ bearerToken: [] }, { session: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "a personal API token: recap_pat_ followed by 43 characters" },
        session: { type: "apiKey", in: "cookie", name: "recap.session_token", description: "the browser's session" },
      },
    },
  };
}
