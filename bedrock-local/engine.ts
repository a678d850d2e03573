// Walks each job through its statuses. Every job has one driver: it does the work of the
// current status (validate, process, flush), waits for the pacing gate, then persists the
// next status. Stop and shutdown interrupt it; a restart starts drivers for unfinished jobs.
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Quotas } from "./catalog";
import { familyByName } from "./families";
import { tagValue, TERMINAL, zeroCounts, type JobRecord, type JobStatus } from "./job";
import type { JobStore } from "./job-store";
import type { Faults } from "./faults";
import { parsePacing, type Pacing } from "./pacing";
import { flushCurrentFile, processJob, type ProcessDeps } from "./process-job";
import type { TextModel } from "./text-model";
import { validateInput } from "./validate-input";

export type EngineContext = {
  store: JobStore;
  s3: S3Client;
  quotas: () => Quotas;
  model: TextModel;
  faults: Faults;
  pacing: () => Pacing;
  now: () => number;
};

type Runtime = { job: JobRecord; abort: AbortController; tickets: number; wake: () => void; since: number; listeners: (() => void)[]; done?: Promise<void> };

const BEFORE_START: ReadonlySet<JobStatus> = new Set(["Submitted", "Validating", "Scheduled"]);
const MANUAL_GET_WAIT_MS = 10_000;

export class Engine {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly shutdown = new AbortController();

  constructor(private readonly ctx: EngineContext) {}

  start(job: JobRecord): void {
    if (TERMINAL.has(job.status) || this.runtimes.has(job.jobId)) return;
    const rt: Runtime = { job, abort: new AbortController(), tickets: 0, wake: () => {}, since: Date.now(), listeners: [] };
    this.runtimes.set(job.jobId, rt);
    rt.done = this.drive(rt)
      .catch((err: Error) => this.ctx.faults.logEvent(job.jobId, "driver-error", { message: err.message }))
      .finally(() => this.runtimes.delete(job.jobId));
  }

  /** Manual pacing: a GetModelInvocationJob call moves the job one status on. */
  async advanceOnGet(job: JobRecord): Promise<void> {
    const rt = this.runtimes.get(job.jobId);
    if (!rt || this.pacingOf(job).mode !== "manual") return;
    const moved = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, MANUAL_GET_WAIT_MS);
      rt.listeners.push(() => (clearTimeout(timer), resolve()));
    });
    rt.tickets++;
    rt.wake();
    await moved;
  }

  async stop(job: JobRecord): Promise<void> {
    const from = job.status;
    await this.transition(job, "Stopping");
    this.ctx.faults.logEvent(job.jobId, "stop-requested", { from });
    const rt = this.runtimes.get(job.jobId);
    if (rt) {
      rt.abort.abort();
      rt.wake();
    } else this.start(job);
  }

  /** Wakes waiting drivers, e.g. after the clock moved so that timeouts are re-checked. */
  wakeAll(): void {
    for (const rt of this.runtimes.values()) rt.wake();
  }

  async close(): Promise<void> {
    this.shutdown.abort();
    for (const rt of this.runtimes.values()) rt.wake();
    await Promise.allSettled([...this.runtimes.values()].map((rt) => rt.done));
  }

  private pacingOf(job: JobRecord): Pacing {
    const tag = tagValue(job, "bedrock-local:pacing");
    return tag ? parsePacing(tag) : this.ctx.pacing();
  }

  private async drive(rt: Runtime): Promise<void> {
    const job = rt.job;
    while (!TERMINAL.has(job.status) && !this.shutdown.signal.aborted) {
      const status = job.status;
      let next: { status: JobStatus; message?: string } | undefined;
      try {
        next = await this.work(rt);
      } catch (err) {
        if (this.shutdown.signal.aborted || job.status !== status) continue;
        next = { status: "Failed", message: `Internal error: ${(err as Error).message}` };
      }
      if (job.status !== status || !next) continue;
      await this.gate(rt);
      if (this.shutdown.signal.aborted || job.status !== status) continue;
      if (BEFORE_START.has(status) && next.status !== "Failed" && this.ctx.now() >= Date.parse(job.jobExpirationTime)) {
        next = { status: "Expired", message: "The job was not started before its timeout (timeoutDurationInHours)." };
      }
      await this.transition(job, next.status, next.message);
      rt.since = Date.now();
      for (const listener of rt.listeners.splice(0)) listener();
    }
  }

  private async work(rt: Runtime): Promise<{ status: JobStatus; message?: string } | undefined> {
    const job = rt.job;
    const signal = AbortSignal.any([rt.abort.signal, this.shutdown.signal]);
    switch (job.status) {
      case "Submitted":
        return { status: "Validating" };
      case "Validating": {
        const result = await validateInput(this.ctx.s3, job, this.ctx.quotas(), signal);
        if (!result.ok) return { status: "Failed", message: result.message };
        Object.assign(job, { files: result.files, totalRecords: result.totalRecords, filesDone: 0, doneCounts: zeroCounts(), counts: zeroCounts() });
        return { status: "Scheduled" };
      }
      case "Scheduled":
        return { status: "InProgress" };
      case "InProgress": {
        const failure = tagValue(job, "bedrock-local:fail-job");
        if (failure !== undefined) {
          this.ctx.faults.logEvent(job.jobId, "fault", { rule: "bedrock-local:fail-job" });
          return { status: "Failed", message: failure || "Injected job failure (bedrock-local:fail-job)." };
        }
        const outcome = await processJob(this.processDeps(job), job, signal);
        if (outcome.kind === "completed") return { status: "Completed" };
        if (outcome.kind === "partial") return { status: "PartiallyCompleted", message: outcome.message };
        return undefined; // stopped or shutting down: the loop looks at the status again
      }
      case "Stopping":
        // Records finished before the stop stay readable, as Bedrock leaves them.
        if (job.files && (job.counts.processed > 0 || job.filesDone > 0)) await flushCurrentFile(this.processDeps(job), job);
        return { status: "Stopped" };
      default:
        return undefined;
    }
  }

  private processDeps(job: JobRecord): ProcessDeps {
    return {
      s3: this.ctx.s3,
      quotas: this.ctx.quotas(),
      model: this.ctx.model,
      family: familyByName(job.family),
      workDir: path.join(this.ctx.store.workDir(job.jobId)),
      now: this.ctx.now,
      saveProgress: () => void this.ctx.store.save(job),
      logEvent: (event, detail) => this.ctx.faults.logEvent(job.jobId, event, detail),
    };
  }

  private async gate(rt: Runtime): Promise<void> {
    const status = rt.job.status;
    while (!this.shutdown.signal.aborted && rt.job.status === status) {
      const pacing = this.pacingOf(rt.job);
      let waitMs: number | undefined;
      if (pacing.mode === "immediate") return;
      if (pacing.mode === "timed") {
        const left = rt.since + pacing.secondsPerStatus * 1000 - Date.now();
        if (left <= 0) return;
        waitMs = left;
      } else if (rt.tickets > 0) {
        rt.tickets--;
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = waitMs === undefined ? undefined : setTimeout(resolve, waitMs);
        rt.wake = () => (clearTimeout(timer), resolve());
      });
    }
  }

  async transition(job: JobRecord, status: JobStatus, message?: string): Promise<void> {
    const from = job.status;
    const now = new Date(this.ctx.now()).toISOString();
    job.status = status;
    job.lastModifiedTime = now;
    if (message !== undefined) job.message = message;
    if (TERMINAL.has(status)) job.endTime = now;
    await this.ctx.store.save(job);
    this.ctx.faults.logEvent(job.jobId, "status", { from, to: status, ...(message ? { message } : {}) });
  }
}
