// Peak memory of reading a large JSON array upload: Recap's streamed parser against the
// whole-document way it used before (all text collected, one JSON.parse, then each item).
//   node --expose-gc --import tsx bench/json-memory.ts stream|whole [MB]
// Each mode runs in its own process so the peaks do not mix; see BENCHMARKS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { collectText, decodeText } from "../lib/transcripts/decode";
import { guessObjectKeys, recordFromObject } from "../lib/transcripts/parse-object";
import { parseTranscripts } from "../lib/transcripts/parse-transcripts";
import { TranscriptValidator } from "../lib/transcripts/validate";

const MB = 1024 * 1024;

function makeFile(sizeMb: number): string {
  const file = path.join(os.tmpdir(), `recap-bench-json-${sizeMb}.json`);
  if (fs.existsSync(file)) return file;
  const out = fs.openSync(file, "w");
  const turn = "Agent: Thank you for calling, how can I help you today?\nCustomer: My order has not arrived and I would like to know why. ";
  let size = 0;
  fs.writeSync(out, "[");
  for (let i = 0; size < sizeMb * MB; i++) {
    const s = (i ? ",\n" : "") + JSON.stringify({ call_id: `call-${i}`, agent: "Ann", transcript: turn.repeat(8) });
    fs.writeSync(out, s);
    size += s.length;
  }
  fs.writeSync(out, "]\n");
  fs.closeSync(out);
  return file;
}

async function main() {
  const mode = process.argv[2] === "whole" ? "whole" : "stream";
  const file = makeFile(Number(process.argv[3] ?? 200));
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  global.gc?.();
  const base = process.memoryUsage().rss;
  const start = Date.now();
  let records = 0;
  const source = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  if (mode === "stream") {
    for await (const r of parseTranscripts(source, { fileName: "calls.json", redact: true })) if (r.ok) records++;
  } else {
    // what parse-transcripts did before: the whole text, one JSON.parse, then every item
    const items = JSON.parse(await collectText(decodeText(source))) as Record<string, unknown>[];
    const keys = guessObjectKeys(items[0]);
    const validator = new TranscriptValidator({ redact: true });
    for (let k = 0; k < items.length; k++) {
      const r = recordFromObject(items[k], { line: k + 1, fileName: "calls.json", where: `Item ${k + 1}`, fallbackId: `item-${k + 1}` }, keys);
      if (r.ok && validator.check(r.value).ok) records++;
    }
  }
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  const sizeMb = fs.statSync(file).size / MB;
  console.log(JSON.stringify({ mode, fileMb: Math.round(sizeMb), records, seconds: (Date.now() - start) / 1000, baseRssMb: Math.round(base / MB), peakRssMb: Math.round(peak / MB) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
