// Cuts a stream of JSONL lines into job parts (one file per part) within the quotas. When the
// record count is known in advance (the app converts once for the database before it submits),
// parts are balanced, so 50,001 records become 25,001 + 25,000 rather than 50,000 + 1.
import { partByteLimit, planJobs, type Quotas } from "./plan-jobs";
import { utf8Length } from "./byte-length";

export type PartStats = { part: number; records: number; bytes: number };

/** Assigns consecutive lines to parts (1-based); call assign() once per line, in order. */
export class PartAssigner {
  readonly parts: PartStats[] = [];
  private readonly plannedParts: number;
  private readonly byteLimit: number;
  private seen = 0;

  constructor(
    private readonly quotas: Quotas,
    private readonly expected?: { records: number; bytes: number },
  ) {
    this.byteLimit = partByteLimit(quotas);
    const plan = expected ? planJobs(expected.records, expected.bytes, quotas) : undefined;
    this.plannedParts = plan?.ok ? plan.parts.length : 0;
  }

  /** The part of the next line, whose size (newline included) is `bytes`. */
  assign(bytes: number): number {
    let current = this.parts[this.parts.length - 1];
    if (!current || current.records >= this.target() || current.bytes + bytes > this.byteLimit) {
      current = { part: this.parts.length + 1, records: 0, bytes: 0 };
      this.parts.push(current);
    }
    current.records++;
    current.bytes += bytes;
    this.seen++;
    return current.part;
  }

  // Records the open part may take: an even share of what is left, or the quota maximum.
  private target(): number {
    const left = this.plannedParts - this.parts.length + 1;
    if (!this.expected || left < 1) return this.quotas.maxRecordsPerJob;
    const current = this.parts[this.parts.length - 1];
    const remaining = this.expected.records - (this.seen - current.records);
    return Math.min(this.quotas.maxRecordsPerJob, Math.ceil(remaining / left));
  }
}

/** Tags each line with its part; lines come without newline. */
export async function* splitIntoParts(
  lines: AsyncIterable<string> | Iterable<string>,
  quotas: Quotas,
  expected?: { records: number; bytes: number },
): AsyncIterable<{ part: number; line: string }> {
  const assigner = new PartAssigner(quotas, expected);
  for await (const line of lines) yield { part: assigner.assign(utf8Length(line) + 1), line };
}
