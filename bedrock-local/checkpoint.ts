// Finished output lines of the file being processed, on local disk. The checkpoint is the
// truth on resume: its complete lines are the records already done, a torn last line is
// cut off, so a restart neither loses nor repeats a line.
import fs from "node:fs";
import fsp from "node:fs/promises";
import type { Family } from "./families/family";
import { zeroCounts, type Counts } from "./job";
import { splitLines } from "./s3-io";

export function countLine(line: string, family: Family, counts: Counts): void {
  counts.processed++;
  const rec = JSON.parse(line) as { modelInput?: unknown; modelOutput?: unknown; error?: unknown };
  if (rec.error !== undefined) {
    counts.error++;
    return;
  }
  counts.success++;
  const u = family.usage(rec.modelOutput, rec.modelInput);
  counts.inputTokens += u.inputTokens;
  counts.outputTokens += u.outputTokens;
}

export async function recoverCheckpoint(file: string, family: Family): Promise<{ lines: number; counts: Counts }> {
  const counts = zeroCounts();
  const stat = await fsp.stat(file).catch(() => undefined);
  if (!stat) return { lines: 0, counts };
  // Only bytes up to the last newline are complete lines; scan back from the end in blocks.
  const fh = await fsp.open(file, "r+");
  try {
    let end = stat.size;
    const block = Buffer.alloc(64 * 1024);
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      await fh.read(block, 0, end - start, start);
      const nl = block.subarray(0, end - start).lastIndexOf(10);
      if (nl !== -1) {
        end = start + nl + 1;
        break;
      }
      end = start;
    }
    if (end !== stat.size) await fh.truncate(end);
  } finally {
    await fh.close();
  }
  let lines = 0;
  for await (const line of splitLines(fs.createReadStream(file), Number.MAX_SAFE_INTEGER)) {
    if (line === "") continue;
    countLine(line, family, counts);
    lines++;
  }
  return { lines, counts };
}

/** Appends lines in large writes and waits for the disk when the stream buffer is full. */
export class CheckpointWriter {
  private readonly stream: fs.WriteStream;
  private buffer: string[] = [];
  private buffered = 0;

  constructor(file: string) {
    this.stream = fs.createWriteStream(file, { flags: "a" });
  }

  async write(line: string): Promise<void> {
    this.buffer.push(line, "\n");
    this.buffered += line.length + 1;
    if (this.buffered >= 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.buffered = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
