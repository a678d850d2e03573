// Test and operator endpoints under /_local/, a prefix Bedrock never uses: pacing, faults,
// request log, job events, clock, quotas. JSON in, JSON out; no auth (loopback only).
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { MODELS, minRecordsFor, type Quotas } from "./catalog";
import { BedrockError } from "./errors";
import { FaultRuleInput, type Faults } from "./faults";
import type { Engine } from "./engine";
import type { JobStore } from "./job-store";
import { Pacing, parsePacing } from "./pacing";

export type AdminState = {
  pacing: Pacing;
  readonly initialPacing: Pacing;
  clockOffsetMs: number;
  quotas: Quotas;
  readonly initialQuotas: Quotas;
  now: () => number;
  faults: Faults;
  store: JobStore;
  engine: Engine;
};

const PacingBody = z.union([Pacing, z.object({ pacing: z.string() }).transform((b) => parsePacing(b.pacing))]);
const FaultsBody = z.union([z.object({ rules: z.array(FaultRuleInput) }), FaultRuleInput.transform((r) => ({ rules: [r] }))]);
const JobTagsBody = z.object({ tags: z.array(z.object({ key: z.string().min(1), value: z.string() })) });
const ClockBody = z.object({ advanceSeconds: z.number().min(0) });
const QuotasBody = z
  .object({
    /** null: back to each model's own minimum from the catalog */
    minRecordsPerJob: z.number().int().min(0).nullable(),
    maxRecordsPerFile: z.number().int().positive(),
    maxRecordsPerJob: z.number().int().positive(),
    maxFileBytes: z.number().int().positive(),
    maxJobBytes: z.number().int().positive(),
    maxConcurrentJobsPerModel: z.number().int().positive(),
    maxLineBytes: z.number().int().positive(),
  })
  .partial();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new BedrockError("ValidationException", z.prettifyError(result.error));
  return result.data;
}

export function handleAdmin(state: AdminState, req: IncomingMessage, url: URL, body: Record<string, unknown>): unknown {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  const q = url.searchParams;
  switch (route) {
    case "GET /_local/health":
      return { ok: true, jobs: state.store.all().length, now: new Date(state.now()).toISOString() };
    case "GET /_local/pacing":
      return state.pacing;
    case "PUT /_local/pacing":
    case "POST /_local/pacing":
      state.pacing = parse(PacingBody, body);
      state.engine.wakeAll();
      return state.pacing;
    case "GET /_local/faults":
      return { rules: state.faults.list() };
    case "POST /_local/faults":
      return { rules: parse(FaultsBody, body).rules.map((r) => state.faults.add(r)) };
    case "DELETE /_local/faults":
      state.faults.clear();
      return { rules: [] };
    case "GET /_local/job-tags":
      return { tags: state.faults.jobTags };
    case "PUT /_local/job-tags":
    case "POST /_local/job-tags":
      state.faults.jobTags = parse(JobTagsBody, body).tags;
      return { tags: state.faults.jobTags };
    case "GET /_local/requests":
      return {
        requests: state.faults.requests.filter(
          (r) => (!q.get("operation") || r.operation === q.get("operation")) && (!q.get("invocationId") || r.invocationId === q.get("invocationId")),
        ),
      };
    case "DELETE /_local/requests":
      state.faults.requests.length = 0;
      return { requests: [] };
    case "GET /_local/events":
      return { events: state.faults.events.filter((e) => !q.get("jobId") || e.jobId === q.get("jobId")) };
    case "GET /_local/clock":
      return { now: new Date(state.now()).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 };
    case "POST /_local/clock":
      state.clockOffsetMs += parse(ClockBody, body).advanceSeconds * 1000;
      state.engine.wakeAll();
      return { now: new Date(state.now()).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 };
    case "GET /_local/quotas":
      return state.quotas;
    case "GET /_local/models":
      return { models: MODELS.map((m) => ({ modelId: m.modelId, family: m.family, minRecordsPerJob: minRecordsFor(state.quotas, m.modelId) })) };
    case "PUT /_local/quotas":
    case "POST /_local/quotas":
    {
      const { minRecordsPerJob, ...rest } = parse(QuotasBody, body);
      state.quotas = { ...state.quotas, ...rest };
      if (minRecordsPerJob === null) delete state.quotas.minRecordsPerJob;
      else if (minRecordsPerJob !== undefined) state.quotas.minRecordsPerJob = minRecordsPerJob;
      return state.quotas;
    }
    case "POST /_local/reset":
      state.faults.clear();
      state.faults.requests.length = 0;
      state.faults.events.length = 0;
      state.pacing = state.initialPacing;
      state.quotas = state.initialQuotas;
      state.clockOffsetMs = 0;
      state.engine.wakeAll();
      return { ok: true };
  }
  const job = /^GET \/_local\/jobs\/([a-z0-9]{12})$/.exec(route);
  if (job) {
    const record = state.store.get(job[1]!);
    if (!record) throw new BedrockError("ResourceNotFoundException", `No job ${job[1]}`);
    return record;
  }
  throw new BedrockError("UnknownOperationException", `No admin route ${route}`);
}
