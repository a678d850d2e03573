// Fault injection and the request log, after LocalStack's Chaos API: rules of
// {operation, probability | count, error {name, status}, latency, dropped connection}.
import { z } from "zod";
import { ERROR_STATUS } from "./errors";

export const FaultRuleInput = z.object({
  operation: z.string().min(1).default("*"),
  probability: z.number().min(0).max(1).optional(),
  /** Applies to the next `count` matching calls, then retires. */
  count: z.number().int().positive().optional(),
  error: z.object({ name: z.string().min(1), status: z.number().int().min(400).max(599).optional(), message: z.string().optional() }).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** "before": reset the connection without handling the call; "after": handle it, then reset instead of answering. */
  dropConnection: z.enum(["before", "after"]).optional(),
});
export type FaultRuleInput = z.infer<typeof FaultRuleInput>;
export type FaultRule = FaultRuleInput & { id: number; hits: number };

export type RequestLogEntry = {
  seq: number;
  time: string;
  operation: string;
  method: string;
  path: string;
  invocationId?: string;
  attempt?: number;
  maxAttempts?: number;
  httpStatus?: number;
  outcome: "ok" | "error" | "dropped";
  errorName?: string;
  faultId?: number;
  jobId?: string;
};

export type JobEvent = { seq: number; time: string; jobId: string; event: string; detail?: Record<string, unknown> };

const LOG_LIMIT = 10_000;

export class Faults {
  private rules: FaultRule[] = [];
  /** Tags added to every new job that does not set them itself, e.g. a share of failing records for an e2e run. */
  jobTags: { key: string; value: string }[] = [];
  private nextId = 1;
  readonly requests: RequestLogEntry[] = [];
  readonly events: JobEvent[] = [];
  private seq = 0;

  add(input: FaultRuleInput): FaultRule {
    const rule = { ...input, id: this.nextId++, hits: 0 };
    if (rule.error) rule.error.status ??= ERROR_STATUS[rule.error.name] ?? 400;
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
    this.jobTags = [];
  }

  /** The first rule that fires for this call; count-limited rules retire when used up. */
  match(operation: string): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.operation !== "*" && rule.operation !== operation) continue;
      if (rule.probability !== undefined && Math.random() >= rule.probability) continue;
      rule.hits++;
      if (rule.count !== undefined && rule.hits >= rule.count) this.rules = this.rules.filter((r) => r !== rule);
      return rule;
    }
    return undefined;
  }

  logRequest(entry: Omit<RequestLogEntry, "seq" | "time">): void {
    push(this.requests, { seq: ++this.seq, time: new Date().toISOString(), ...entry });
  }

  logEvent(jobId: string, event: string, detail?: Record<string, unknown>): void {
    push(this.events, { seq: ++this.seq, time: new Date().toISOString(), jobId, event, ...(detail ? { detail } : {}) });
  }
}

function push<T>(log: T[], entry: T): void {
  log.push(entry);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}
