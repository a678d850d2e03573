// bedrock-local: a Bedrock-compatible batch inference service. @aws-sdk/client-bedrock with
// only `endpoint` changed talks to it as to Amazon Bedrock. Start it with startBedrockLocal().
import http from "node:http";
import os from "node:os";
import { handleAdmin, type AdminState } from "./admin";
import { createJob, getJob, listJobs, listTags, stopJob, type JobsContext } from "./api-jobs";
import { getFoundationModel, listFoundationModels } from "./api-models";
import { converseModel, invokeModel } from "./api-runtime";
import { DEFAULT_QUOTAS, type Quotas } from "./catalog";
import { Engine } from "./engine";
import { BedrockError } from "./errors";
import { Faults } from "./faults";
import { readJsonBody, sdkAttempt, sendError, sendJson } from "./http-io";
import { JobStore } from "./job-store";
import { listenHttp1And2 } from "./listen";
import { parsePacing, type Pacing } from "./pacing";
import { createS3, type S3Options } from "./s3-io";
import { builtInModel, openAiModel, type OpenAiConfig } from "./text-model";

export type BedrockLocalOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  region?: string;
  accountId?: string;
  s3: S3Options;
  pacing?: Pacing | string;
  /** Real model text from an OpenAI-compatible endpoint instead of the built-in summarizer. */
  openai?: OpenAiConfig & { concurrency?: number };
  /** Shorthand for `openai: { baseUrl, model, apiKey }`. */
  openaiBaseUrl?: string;
  openaiModel?: string;
  openaiApiKey?: string;
  quotas?: Partial<Quotas>;
  /** Shorthand for `quotas.minRecordsPerJob`: one minimum for every model instead of each model's own (catalog.ts). */
  minRecordsPerJob?: number;
  /** Worker threads for the built-in summarizer; default: one per core beyond the first, 0 = inline. */
  summarizerWorkers?: number;
};

export type BedrockLocal = { endpoint: string; port: number; close(): Promise<void> };

type Route = { operation: string; run: (req: http.IncomingMessage, url: URL, m: RegExpExecArray) => Promise<unknown> | unknown };

export async function startBedrockLocal(opts: BedrockLocalOptions): Promise<BedrockLocal> {
  const region = opts.region ?? "us-east-1";
  const store = new JobStore(opts.dataDir);
  await store.load();
  const faults = new Faults();
  const pacing = typeof opts.pacing === "string" ? parsePacing(opts.pacing) : (opts.pacing ?? { mode: "immediate" });
  const quotas = { ...DEFAULT_QUOTAS, ...opts.quotas, ...(opts.minRecordsPerJob !== undefined ? { minRecordsPerJob: opts.minRecordsPerJob } : {}) };
  const openai = opts.openai ?? (opts.openaiBaseUrl ? { baseUrl: opts.openaiBaseUrl, model: opts.openaiModel ?? "default", apiKey: opts.openaiApiKey } : undefined);
  const state = { pacing, initialPacing: pacing, clockOffsetMs: 0, quotas, initialQuotas: quotas, faults, store } as AdminState;
  state.now = () => Date.now() + state.clockOffsetMs;
  const s3 = createS3(opts.s3, region);
  const model = openai ? openAiModel(openai, opts.openai?.concurrency) : builtInModel(opts.summarizerWorkers ?? Math.max(0, os.availableParallelism() - 1));
  const engine = new Engine({
    store,
    s3,
    quotas: () => state.quotas,
    model,
    faults,
    pacing: () => state.pacing,
    now: state.now,
  });
  state.engine = engine;
  const jobs: JobsContext = { region, accountId: opts.accountId ?? "123456789012", store, engine, quotas: () => state.quotas, now: state.now, defaultTags: () => state.faults.jobTags };

  const runtime = { model, faults };
  const routes: [string, RegExp, Route][] = [
    ["POST", /^\/model-invocation-job$/, { operation: "CreateModelInvocationJob", run: async (req) => createJob(jobs, await readJsonBody(req)) }],
    ["GET", /^\/model-invocation-job\/([^/]+)$/, { operation: "GetModelInvocationJob", run: (_r, _u, m) => getJob(jobs, decodeURIComponent(m[1]!)) }],
    ["POST", /^\/model-invocation-job\/([^/]+)\/stop$/, { operation: "StopModelInvocationJob", run: (_r, _u, m) => stopJob(jobs, decodeURIComponent(m[1]!)) }],
    ["POST", /^\/listTagsForResource$/, { operation: "ListTagsForResource", run: async (req) => listTags(jobs, await readJsonBody(req)) }],
    ["GET", /^\/model-invocation-jobs$/, { operation: "ListModelInvocationJobs", run: (_r, url) => listJobs(jobs, url.searchParams) }],
    ["POST", /^\/model\/([^/]+)\/invoke$/, { operation: "InvokeModel", run: async (req, _u, m) => invokeModel(runtime, decodeURIComponent(m[1]!), await readJsonBody(req)) }],
    ["POST", /^\/model\/([^/]+)\/converse$/, { operation: "Converse", run: async (req, _u, m) => converseModel(runtime, decodeURIComponent(m[1]!), await readJsonBody(req)) }],
    ["GET", /^\/foundation-models$/, { operation: "ListFoundationModels", run: (_r, url) => listFoundationModels(region, url.searchParams) }],
    ["GET", /^\/foundation-models\/([^/]+)$/, { operation: "GetFoundationModel", run: (_r, _u, m) => getFoundationModel(region, decodeURIComponent(m[1]!)) }],
  ];

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://bedrock-local");
    if (url.pathname.startsWith("/_local/")) {
      try {
        const body = req.method === "GET" || req.method === "DELETE" ? {} : await readJsonBody(req);
        sendJson(res, 200, handleAdmin(state, req, url, body));
      } catch (err) {
        sendError(res, err instanceof BedrockError ? err : new BedrockError("InternalServerException", (err as Error).message));
      }
      return;
    }
    const match = routes.map(([method, re, route]) => (method === req.method ? ([re.exec(url.pathname), route] as const) : undefined)).find((m) => m?.[0]);
    const operation = match?.[1].operation ?? "Unknown";
    const entry = { operation, method: req.method ?? "", path: url.pathname, ...sdkAttempt(req) };
    const fault = faults.match(operation);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.dropConnection === "before") {
      faults.logRequest({ ...entry, outcome: "dropped", faultId: fault.id });
      req.socket.destroy();
      return;
    }
    try {
      if (fault?.error) throw new BedrockError(fault.error.name, fault.error.message ?? `Injected ${fault.error.name} (bedrock-local fault ${fault.id})`, fault.error.status);
      if (!match) throw new BedrockError("UnknownOperationException", `No Bedrock operation at ${req.method} ${url.pathname}`);
      const result = (await match[1].run(req, url, match[0]!)) as Record<string, unknown>;
      const { jobId, ...body } = result;
      if (fault?.dropConnection === "after") {
        faults.logRequest({ ...entry, outcome: "dropped", faultId: fault.id, jobId: jobId as string | undefined });
        req.socket.destroy();
        return;
      }
      sendJson(res, 200, body);
      faults.logRequest({ ...entry, httpStatus: 200, outcome: "ok", faultId: fault?.id, jobId: jobId as string | undefined });
    } catch (err) {
      const e = err instanceof BedrockError ? err : new BedrockError("InternalServerException", `Internal error: ${(err as Error).message}`);
      sendError(res, e);
      faults.logRequest({ ...entry, httpStatus: e.status, outcome: "error", errorName: e.errorName, faultId: fault?.id });
    }
  };
  const server = await listenHttp1And2((req, res) => void handle(req, res), opts.port ?? 4570, opts.host ?? "127.0.0.1");
  // Jobs that were not finished when the service last stopped pick up where they were.
  for (const job of store.all()) engine.start(job);

  const port = server.port;
  return {
    endpoint: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    port,
    async close() {
      await server.close();
      await engine.close();
      await store.flush();
      s3.destroy();
      await model.close?.();
    },
  };
}
