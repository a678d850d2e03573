import fs from "node:fs";
import { redactPii as now } from "./lib/transcripts/redact";
import { redactPii as before } from "./redact-old-tmp";
const texts = fs.readdirSync("/tmp/calls/textual").map((f) => fs.readFileSync(`/tmp/calls/textual/${f}`, "utf8"));
// Add numbers as a CSV export would have them, so the number path is exercised too.
const withNumbers = texts.map((t, i) => t.replace(/\{PHONE\}/g, `(415) 555-0${String(i % 1000).padStart(3, "0")}`).replace(/order number is \d+/gi, `order number is 33489${String(i).padStart(5, "0")}`));
const mb = withNumbers.reduce((a, t) => a + t.length, 0) / 1e6;
for (let round = 0; round < 5; round++) {
  for (const [name, f] of [["before", before], ["after", now]] as const) {
    const t0 = performance.now();
    let n = 0;
    for (let k = 0; k < 4; k++) for (const t of withNumbers) n += f(t).length;
    const s = (performance.now() - t0) / 1000;
    console.log(round, name, (4 * mb / s).toFixed(0), "MB/s", n);
  }
}
