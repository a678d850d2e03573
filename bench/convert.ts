// Benchmark of the upload conversion (CSV -> redacted Bedrock JSONL), the hot path of the
// product. Builds a ~250 MB CSV of 50,000 calls from the 1,100 synthetic transcripts, then
// times convertToJsonl over a file stream beside a plain `cp` of the same file.
// Run: npx tsx bench/convert.ts
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { readZipEntries } from "../lib/transcripts/read-zip";
import { collectText, decodeText } from "../lib/transcripts/decode";
import { compileLineTemplate, convertToJsonl, type ConvertOptions } from "../lib/jsonl";

const ZIP = path.resolve(__dirname, "../../shared/data/aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip");
const CALLS = 50_000;
const PROMPT = "Summarize the following call transcript. List the customer's issue, the resolution and any follow-up.\n\n<transcript>\n";
const modelInput = (text: string) => ({
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 1024,
  messages: [{ role: "user", content: [{ type: "text", text: PROMPT + text + "\n</transcript>" }] }],
});

export type BenchResult = {
  name: string;
  inputMb: number;
  records: number;
  outputMb: number;
  seconds: number;
  mbPerSecond: number;
  peakRssMb: number;
};

async function loadTranscripts(): Promise<string[]> {
  const texts: string[] = [];
  for await (const e of readZipEntries(ZIP)) texts.push(await collectText(decodeText(e.source)));
  return texts;
}

/** Writes the benchmark CSV once (call_id,transcript; quoted, "" escaped) and returns its path. */
export async function buildBenchCsv(dir = path.join(os.tmpdir(), "recap-bench")): Promise<string> {
  const file = path.join(dir, `calls-${CALLS}.csv`);
  if (existsSync(file) && statSync(file).size > 200e6) return file;
  mkdirSync(dir, { recursive: true });
  const texts = await loadTranscripts();
  const out = createWriteStream(file);
  out.write("call_id,transcript\n");
  for (let i = 0; i < CALLS; i++) {
    const row = `call-${String(i + 1).padStart(6, "0")},"${texts[i % texts.length].replace(/"/g, '""')}"\n`;
    if (!out.write(row)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return file;
}

async function timeConvert(name: string, file: string, opts: Omit<ConvertOptions, "fileName">): Promise<BenchResult> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  // Default 64 KB reads: measured faster and leaner here than 1 MB (smaller strings, less GC).
  const { lines, summary } = convertToJsonl(createReadStream(file), { ...opts, fileName: file });
  let outBytes = 0;
  let n = 0;
  for await (const l of lines) {
    outBytes += l.bytes;
    if (++n % 2000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  if (summary.problemCount) throw new Error(`unexpected problems: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  const inputMb = statSync(file).size / 1e6;
  return {
    name, inputMb: round(inputMb), records: summary.accepted, outputMb: round(outBytes / 1e6), seconds: round(seconds),
    mbPerSecond: round(inputMb / seconds), peakRssMb: round(peak / 1e6),
  };
}

function timeCp(file: string): BenchResult {
  const copy = file + ".copy";
  const start = performance.now();
  execFileSync("cp", [file, copy]);
  const seconds = (performance.now() - start) / 1000;
  rmSync(copy);
  const inputMb = statSync(file).size / 1e6;
  return { name: "cp (same file)", inputMb: round(inputMb), records: 0, outputMb: round(inputMb), seconds: round(seconds), mbPerSecond: round(inputMb / seconds), peakRssMb: 0 };
}

const round = (x: number) => Math.round(x * 10) / 10;

export type BenchSummary = BenchResult & { cpMbPerSecond: number; variants: BenchResult[] };

/** Runs the conversion benchmark: the product path (template, redaction on), variants, and cp. */
export async function benchConvert(): Promise<BenchSummary> {
  const file = await buildBenchCsv();
  const template = compileLineTemplate(modelInput("{{transcript}}"));
  const main = await timeConvert("convertToJsonl csv -> jsonl (lineTemplate, redact on)", file, { lineTemplate: template });
  const variants = [
    main,
    await timeConvert("convertToJsonl (buildModelInput + JSON.stringify, redact on)", file, { buildModelInput: (t) => modelInput(t.text) }),
    await timeConvert("convertToJsonl (lineTemplate, redact off)", file, { lineTemplate: template, redact: false }),
  ];
  const cp = timeCp(file);
  return { ...main, cpMbPerSecond: cp.mbPerSecond, variants: [...variants, cp] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  benchConvert().then((r) => console.table(r.variants), (e) => {
    console.error(e);
    process.exit(1);
  });
}
