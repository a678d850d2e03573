// Evaluation of bedrock-local's built-in summarizer against hand labels (labels.json): the
// labelled synthetic calls go through Recap's own prompt building (the seed template, Claude
// Messages) into a real batch job on bedrock-local (with s3rver), and the answers are compared
// field by field with the labels.
import fs from "node:fs";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { startStack } from "../../bedrock-local/test-harness";
import { buildModelInput } from "../../lib/prompts/model-input";
import { DEFAULT_TEMPLATE, renderTemplate } from "../../lib/prompts/template";
import { syntheticCalls } from "../../test/synthetic";

type Label = "positive" | "neutral" | "negative" | "mixed";
export type CallLabel = { call: number; set?: "holdout"; reason: string[]; topics: string[]; resolved: boolean; sentiment: { start: Label; end: Label; overall: Label } };
type Answer = { summary: string; reason_for_call: string; resolution: string; customer_sentiment: Label; action_items: string[]; topics: string[]; sentiment_at_start: Label; sentiment_at_end: Label; resolved: boolean };

export const LABELS: CallLabel[] = (JSON.parse(fs.readFileSync(path.join(__dirname, "labels.json"), "utf8")) as { calls: CallLabel[] }).calls;

/** The seed template, asking also for what the labels hold beyond its six keys. */
export const EVAL_TEMPLATE = DEFAULT_TEMPLATE.body.replace(
  /(- "customer_sentiment":[^\n]*\n)/,
  `$1- "sentiment_at_start": the customer's sentiment in their first statements, one of the same four.\n- "sentiment_at_end": the customer's sentiment in their last turns, one of the same four.\n- "resolved": true if the customer's issue was resolved (or a fix committed to) on the call, else false.\n`,
);

export type EvalReport = {
  calls: number;
  sentimentStart: number;
  sentimentEnd: number;
  sentimentOverall: number;
  resolved: number;
  topicPrecision: number;
  topicRecall: number;
  reasonKeywordHitRate: number;
  summaryKeywordHitRate: number;
  templateLeaks: number;
};

const hits = (text: string, stems: string[]) => stems.filter((s) => text.toLowerCase().includes(s.toLowerCase())).length;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Runs the labelled calls as one batch job on bedrock-local and scores the answers. */
export async function evaluateSummarizer(labels: CallLabel[] = LABELS): Promise<{ all: EvalReport; tuning: EvalReport; holdout: EvalReport; answers: Map<number, Answer> }> {
  const maxCall = Math.max(...labels.map((l) => l.call));
  const calls = new Map((await syntheticCalls(maxCall + 1)).map((c) => [Number(c.callId.slice(5)), c.text]));
  const stack = await startStack({ summarizerWorkers: 0 });
  try {
    const lines = labels.map((l) => {
      const prompt = renderTemplate(EVAL_TEMPLATE, { transcript: calls.get(l.call)!, callId: `call-${l.call}` });
      const modelInput = buildModelInput("anthropic", { prompt, maxTokens: 2048, temperature: 0 });
      return JSON.stringify({ recordId: `CALL${String(l.call).padStart(7, "0")}`, modelInput });
    });
    await stack.s3.send(new PutObjectCommand({ Bucket: "recap", Key: "input/eval.jsonl", Body: lines.join("\n") + "\n" }));
    const jobArn = await stack.create({ jobName: "recap-eval" });
    const job = await stack.waitFor(jobArn, ["Completed", "PartiallyCompleted", "Failed"], 120_000);
    if (job.status !== "Completed") throw new Error(`eval job ended ${String(job.status)}: ${String(job.message)}`);
    const jobId = jobArn.split("/").pop()!;
    const out = await stack.text(`output/${jobId}/eval.jsonl.out`);
    const answers = new Map<number, Answer>();
    for (const line of out.split("\n").filter(Boolean)) {
      const rec = JSON.parse(line) as { recordId: string; modelOutput: { content: { text: string }[] } };
      answers.set(Number(rec.recordId.slice(4)), JSON.parse(rec.modelOutput.content[0]!.text) as Answer);
    }
    return { all: score(labels, answers), tuning: score(labels.filter((l) => l.set !== "holdout"), answers), holdout: score(labels.filter((l) => l.set === "holdout"), answers), answers };
  } finally {
    await stack.close();
  }
}

/** What always answering the most common label would score: the bar each agreement must clear. */
export function majorityBaseline(labels: CallLabel[]): Pick<EvalReport, "sentimentStart" | "sentimentEnd" | "sentimentOverall" | "resolved"> {
  const share = (values: unknown[]) => {
    const counts = new Map<unknown, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return round(Math.max(...counts.values()) / values.length);
  };
  return {
    sentimentStart: share(labels.map((l) => l.sentiment.start)),
    sentimentEnd: share(labels.map((l) => l.sentiment.end)),
    sentimentOverall: share(labels.map((l) => l.sentiment.overall)),
    resolved: share(labels.map((l) => l.resolved)),
  };
}

function score(labels: CallLabel[], answers: Map<number, Answer>): EvalReport {
  let start = 0, end = 0, overall = 0, resolved = 0, tp = 0, predicted = 0, wanted = 0, reasonHits = 0, summaryHits = 0, keywords = 0, leaks = 0;
  const templateLines = EVAL_TEMPLATE.split("\n").map((l) => l.trim()).filter((l) => l.length > 20 && !l.includes("{{"));
  for (const l of labels) {
    const a = answers.get(l.call);
    if (!a) throw new Error(`no answer for call ${l.call}`);
    start += Number(a.sentiment_at_start === l.sentiment.start);
    end += Number(a.sentiment_at_end === l.sentiment.end);
    overall += Number(a.customer_sentiment === l.sentiment.overall);
    resolved += Number(a.resolved === l.resolved);
    tp += a.topics.filter((t) => l.topics.includes(t)).length;
    predicted += a.topics.length;
    wanted += l.topics.length;
    reasonHits += hits(a.reason_for_call, l.reason);
    summaryHits += hits(a.summary, l.reason);
    keywords += l.reason.length;
    const text = JSON.stringify(a);
    leaks += Number(templateLines.some((t) => text.includes(t.slice(0, 40))));
  }
  const n = labels.length;
  return {
    calls: n,
    sentimentStart: round(start / n),
    sentimentEnd: round(end / n),
    sentimentOverall: round(overall / n),
    resolved: round(resolved / n),
    topicPrecision: round(tp / Math.max(1, predicted)),
    topicRecall: round(tp / Math.max(1, wanted)),
    reasonKeywordHitRate: round(reasonHits / keywords),
    summaryKeywordHitRate: round(summaryHits / keywords),
    templateLeaks: leaks,
  };
}
