// The labelled redaction fixture (redact-fixture.json) and how the redactor is scored on it:
// recall = PII values removed / PII values; precision = PII values removed / everything the
// labels say was removed (PII plus kept values lost); typed = removed with the right placeholder.
import fs from "node:fs";
import path from "node:path";
import { PLACEHOLDERS } from "./redact";

export type RedactionCase = { text: string; pii: { value: string; type: keyof typeof PLACEHOLDERS }[]; keep: string[] };
export type RedactionScore = { strings: number; pii: number; kept: number; recall: number; precision: number; typed: number; misses: string[]; falsePositives: string[] };

export function loadRedactionFixture(): RedactionCase[] {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, "redact-fixture.json"), "utf8")) as { items: RedactionCase[] }).items;
}

export function scoreRedaction(redact: (text: string) => string, cases: RedactionCase[] = loadRedactionFixture()): RedactionScore {
  let removed = 0;
  let typed = 0;
  let pii = 0;
  let kept = 0;
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const c of cases) {
    const out = redact(c.text);
    for (const p of c.pii) {
      pii++;
      if (out.includes(p.value)) misses.push(`${p.type} ${JSON.stringify(p.value)} in ${JSON.stringify(out)}`);
      else {
        removed++;
        if (out.includes(PLACEHOLDERS[p.type])) typed++;
      }
    }
    for (const k of c.keep) {
      kept++;
      if (!out.includes(k)) falsePositives.push(`${JSON.stringify(k)} in ${JSON.stringify(out)}`);
    }
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    strings: cases.length,
    pii,
    kept,
    recall: round(removed / pii),
    precision: round(removed / (removed + falsePositives.length)),
    typed: round(typed / Math.max(1, removed)),
    misses,
    falsePositives,
  };
}
