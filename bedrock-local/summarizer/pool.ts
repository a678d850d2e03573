// The built-in summarizer on worker threads, so a job uses every core: the main thread
// streams S3 and JSON while the workers pick sentences. Answers are the same as inline.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { builtInAnswer } from "./answer";

// Plain CommonJS that registers tsx itself, so the worker starts the same under tsx,
// vitest or plain node, whatever loader the parent thread uses.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
require(workerData.tsxCjs);
const { builtInAnswer } = require(workerData.answerModule);
parentPort.on("message", (m) => {
  let answer, error;
  try { answer = builtInAnswer(m.prompt); } catch (e) { error = String(e && e.message || e); }
  parentPort.postMessage({ id: m.id, answer, error });
});
`;

type Pending = { prompt: string; resolve: (answer: string) => void; reject: (err: Error) => void };

export class SummarizerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private broken = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { tsxCjs: require.resolve("tsx/cjs"), answerModule: path.join(__dirname, "answer.ts") },
      });
      worker.on("message", (m: { id: number; answer?: string; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.answer!);
      });
      // A worker that cannot start (no tsx, say) must not lose records: answer them here.
      worker.on("error", () => this.fallBack());
      worker.unref();
      this.workers.push(worker);
    }
  }

  /** False once a worker failed and answers are computed on the calling thread. */
  get usingWorkers(): boolean {
    return !this.broken && this.workers.length > 0;
  }

  answer(prompt: string): Promise<string> {
    if (this.broken || this.workers.length === 0) return Promise.resolve(builtInAnswer(prompt));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { prompt, resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, prompt });
    });
  }

  private fallBack(): void {
    this.broken = true;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      try {
        p.resolve(builtInAnswer(p.prompt));
      } catch (err) {
        p.reject(err as Error);
      }
    }
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
