// `npm run eval`: the built-in summarizer against hand labels, through a real bedrock-local job.
// `npm run eval -- --calls` also prints each call's answer beside its labels.
import os from "node:os";
import { evaluateSummarizer, LABELS } from "./summarizer-eval";

async function main() {
  console.log(`# ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}`);
  const report = await evaluateSummarizer();
  const { answers, ...numbers } = report;
  console.log(`\nBuilt-in summarizer, ${report.calls} labelled synthetic calls (scripts/eval/labels.json):`);
  console.table(numbers);
  if (process.argv.includes("--calls")) {
    for (const l of LABELS) {
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
