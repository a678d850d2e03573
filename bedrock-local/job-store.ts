// Jobs on disk: one JSON file per job and one token -> jobId map, each replaced atomically
// (write a temp file, then rename) so a crash leaves the old or the new version, never half.
import fs from "node:fs/promises";
import path from "node:path";
import type { JobRecord } from "./job";

export class JobStore {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly tokens = new Map<string, string>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(readonly dataDir: string) {}

  private get jobsDir() {
    return path.join(this.dataDir, "jobs");
  }

  workDir(jobId: string): string {
    return path.join(this.dataDir, "work", jobId);
  }

  async load(): Promise<void> {
    await fs.mkdir(this.jobsDir, { recursive: true });
    for (const name of await fs.readdir(this.jobsDir)) {
      if (!name.endsWith(".json")) continue; // leftovers of an interrupted write are *.tmp
      const job = JSON.parse(await fs.readFile(path.join(this.jobsDir, name), "utf8")) as JobRecord;
      this.jobs.set(job.jobId, job);
    }
    const tokenFile = path.join(this.dataDir, "tokens.json");
    const raw = await fs.readFile(tokenFile, "utf8").catch(() => "{}");
    for (const [token, jobId] of Object.entries(JSON.parse(raw) as Record<string, string>)) this.tokens.set(token, jobId);
    // A job written before its token (crash between the two writes) still owns its token.
    for (const job of this.jobs.values()) if (!this.tokens.has(job.clientRequestToken)) this.tokens.set(job.clientRequestToken, job.jobId);
  }

  all(): JobRecord[] {
    return [...this.jobs.values()];
  }

  get(jobId: string): JobRecord | undefined {
    return this.jobs.get(jobId);
  }

  jobIdForToken(token: string): string | undefined {
    return this.tokens.get(token);
  }

  /** Registers the job in memory at once (so a concurrent duplicate sees it) and persists it. */
  async create(job: JobRecord): Promise<void> {
    this.jobs.set(job.jobId, job);
    this.tokens.set(job.clientRequestToken, job.jobId);
    await this.save(job);
    await this.serialize("tokens", () =>
      atomicWrite(path.join(this.dataDir, "tokens.json"), JSON.stringify(Object.fromEntries(this.tokens))),
    );
  }

  /** Writes the job's state as it is when the write starts; writes of one job never reorder. */
  save(job: JobRecord): Promise<void> {
    return this.serialize(job.jobId, () => atomicWrite(path.join(this.jobsDir, `${job.jobId}.json`), JSON.stringify(job, null, 1)));
  }

  private serialize(key: string, write: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(write, write);
    this.chains.set(key, next);
    return next;
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
  }
}

let tmpCounter = 0;
export async function atomicWrite(file: string, data: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}
