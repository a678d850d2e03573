// Benchmark of one-row-per-turn CSVs (issue 9 item 4): the same calls as one row per call and as
// one row per turn (conversation_id,turn,speaker,text), through parseTranscripts with redaction on.
// Grouping holds one call's rows at a time, so peak RSS should stay near the per-call run's.
// Run: npx tsx bench/turns.ts
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { readZipEntries } from "../lib/transcripts/read-zip";
import { collectText, decodeText } from "../lib/transcripts/decode";
import { parseTurns } from "../lib/transcripts/parse-text";
import { parseTranscripts, type ParseOptions } from "../lib/transcripts/parse-transcripts";

const ZIP = path.resolve(__dirname, "../../shared/data/aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip");
const CALLS = 20_000;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function write(file: string, rows: AsyncIterable<string> | Iterable<string>) {
  const out = createWriteStream(file);
  for await (const r of rows) if (!out.write(r)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** Both CSVs of the same CALLS calls, written once into the temp folder. */
export async function buildTurnCsvs(dir = path.join(os.tmpdir(), "recap-bench")): Promise<{ perCall: string; perTurn: string; turns: number }> {
  mkdirSync(dir, { recursive: true });
  const perCall = path.join(dir, `calls-${CALLS}-per-call.csv`);
  const perTurn = path.join(dir, `calls-${CALLS}-per-turn.csv`);
  const texts: string[] = [];
  for await (const e of readZipEntries(ZIP)) texts.push(await collectText(decodeText(e.source)));
  const turnsOf = texts.map((t) => parseTurns(t.replace(/\r\n?/g, "\n")) ?? [{ speaker: "", text: t }]);
  let turns = 0;
  for (let i = 0; i < CALLS; i++) turns += turnsOf[i % texts.length].length;
  if (!existsSync(perTurn)) {
    await write(perCall, (function* () {
      yield "call_id,transcript\n";
      for (let i = 0; i < CALLS; i++) yield `call-${i + 1},${quote(texts[i % texts.length])}\n`;
    })());
    await write(perTurn, (function* () {
      yield "conversation_id,turn,speaker,text\n";
      for (let i = 0; i < CALLS; i++) {
        const call = turnsOf[i % texts.length];
        for (let k = 0; k < call.length; k++) yield `call-${i + 1},${k + 1},${quote(call[k].speaker)},${quote(call[k].text)}\n`;
      }
    })());
  }
  return { perCall, perTurn, turns };
}

async function time(name: string, file: string, opts: ParseOptions) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  let calls = 0;
  let problems = 0;
  for await (const r of parseTranscripts(createReadStream(file), { ...opts, fileName: file })) {
    if (r.ok) calls++;
    else problems++;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const mb = statSync(file).size / 1e6;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, inputMb: round(mb), calls, problems, seconds: round(seconds), mbPerSecond: round(mb / seconds), peakRssMb: round(peak / 1e6) };
}

/** One row per call vs one row per turn (grouped), same calls, redaction on. */
export async function benchTurns() {
  const { perCall, perTurn, turns } = await buildTurnCsvs();
  return [
    await time("one row per call", perCall, { redact: true }),
    await time(`one row per turn (${turns} rows, grouped)`, perTurn, { redact: true, grouping: "turns" }),
    await time("one row per turn, detected (grouping auto)", perTurn, { redact: true }),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  benchTurns().then((r) => console.table(r), (e) => {
    console.error(e);
    process.exit(1);
  });
}
