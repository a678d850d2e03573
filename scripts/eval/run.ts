// `npm run eval`: the PII redactor on its labelled fixture, and the built-in summarizer against
// hand labels through a real bedrock-local job.
// `npm run eval -- --calls` also prints each call's answer beside its labels.
import os from "node:os";
import { redactPii } from "../../lib/transcripts/redact";
import { loadRedactionFixture, scoreRedaction } from "../../lib/transcripts/redact-fixture";
import { evaluateSummarizer, LABELS, majorityBaseline } from "./summarizer-eval";

/** Precision and recall of the PII redactor on lib/transcripts/redact-fixture.json, per item set and overall. */
function printRedaction(): void {
  const cases = loadRedactionFixture() as (ReturnType<typeof loadRedactionFixture>[number] & { set?: string })[];
  const rows = ["tuning", "holdout", "all"].map((set) => {
    const { misses, falsePositives, ...score } = scoreRedaction(redactPii, set === "all" ? cases : cases.filter((c) => c.set === set));
    return { set, ...score, missed: misses.length, falsePositives: falsePositives.length };
  });
  console.log("\nPII redaction (lib/transcripts/redact.ts) on the labelled fixture:");
  console.table(rows);
}

async function main() {
  console.log(`# ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}`);
  printRedaction();
  const { answers, ...reports } = await evaluateSummarizer();
  console.log(`\nBuilt-in summarizer, ${reports.all.calls} labelled synthetic calls (scripts/eval/labels.json; agreement 0-1):`);
  console.table({ ...reports, "majority label (all)": { calls: LABELS.length, ...majorityBaseline(LABELS) } });
  if (process.argv.includes("--calls")) {
    for (const l of LABELS.filter((c) => c.set !== "holdout" || process.argv.includes("--holdout"))) {
      const a = answers.get(l.call)!;
      console.log(`\n--- call ${l.call}: labels ${JSON.stringify({ ...l.sentiment, resolved: l.resolved, topics: l.topics, reason: l.reason })}`);
      console.log(JSON.stringify({ start: a.sentiment_at_start, end: a.sentiment_at_end, overall: a.customer_sentiment, resolved: a.resolved, topics: a.topics }));
      console.log(`summary: ${a.summary}\nreason: ${a.reason_for_call}\nresolution: ${a.resolution}\nactions: ${a.action_items.join(" | ")}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
