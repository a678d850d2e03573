// How two arms of a comparison agree, from their results per call. Pure: the page and the tests
// hand in the rows. An arm's numbers come from what came back (manifest tokens at the arm's batch
// prices), not from the estimate.
import { estimateCost, type TokenPrices } from "@/lib/results/cost";

export const ARMS = ["A", "B"] as const;
export type Arm = (typeof ARMS)[number];

/** One arm's result for one call; undefined on the pair while the arm has not returned it. */
export type ArmResult = {
  ok: boolean;
  summary: string | null;
  sentiment: string | null;
  topics: string[];
  inputTokens: number | null;
  outputTokens: number | null;
  errorMessage: string | null;
};

export type CallPair = { recordId: string; callId: string; A?: ArmResult; B?: ArmResult };

export type ArmTotals = {
  results: number;
  succeeded: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** mean characters of the successful summaries; null with none */
  avgSummaryChars: number | null;
};

export type ComparisonTotals = {
  calls: number;
  /** calls both arms summarized: the base of the agreement figures */
  bothSucceeded: number;
  sentiment: { compared: number; agreed: number; agreement: number | null };
  topics: { compared: number; meanJaccard: number | null };
  arms: Record<Arm, ArmTotals>;
  /** B minus A */
  costDiffUsd: number;
  avgSummaryCharsDiff: number | null;
};

const label = (t: string) => t.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Jaccard overlap of two topic lists (|A ∩ B| / |A ∪ B|), case- and space-insensitive. Two empty
 * lists agree (1): both arms say the call has no topic.
 */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a.map(label).filter(Boolean));
  const y = new Set(b.map(label).filter(Boolean));
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const t of x) if (y.has(t)) both++;
  return both / (x.size + y.size - both);
}

/** Cost of one result at an arm's batch prices; null when the result has no token counts. */
export function resultCostUsd(r: Pick<ArmResult, "inputTokens" | "outputTokens">, prices: TokenPrices): number | null {
  if (r.inputTokens === null && r.outputTokens === null) return null;
  return estimateCost({ inputTokens: r.inputTokens ?? 0, outputTokens: r.outputTokens ?? 0, ...pricesOf(prices) });
}

// estimateCost checks every field it is given: hand it the two prices only.
const pricesOf = ({ inputPricePerMTok, outputPricePerMTok }: TokenPrices): TokenPrices => ({ inputPricePerMTok, outputPricePerMTok });

function armTotals(results: ArmResult[], prices: TokenPrices): ArmTotals {
  const ok = results.filter((r) => r.ok);
  const inputTokens = results.reduce((n, r) => n + (r.inputTokens ?? 0), 0);
  const outputTokens = results.reduce((n, r) => n + (r.outputTokens ?? 0), 0);
  const lengths = ok.map((r) => (r.summary ?? "").length);
  return {
    results: results.length,
    succeeded: ok.length,
    failed: results.length - ok.length,
    inputTokens,
    outputTokens,
    costUsd: estimateCost({ inputTokens, outputTokens, ...pricesOf(prices) }),
    avgSummaryChars: lengths.length ? lengths.reduce((n, l) => n + l, 0) / lengths.length : null,
  };
}

/** Agreement on sentiment and topics over the calls both arms summarized, and each arm's totals. */
export function compareArms(pairs: readonly CallPair[], prices: Record<Arm, TokenPrices>): ComparisonTotals {
  let bothSucceeded = 0;
  let sentimentCompared = 0;
  let agreed = 0;
  let jaccardSum = 0;
  for (const { A, B } of pairs) {
    if (!A?.ok || !B?.ok) continue;
    bothSucceeded++;
    jaccardSum += jaccard(A.topics, B.topics);
    if (A.sentiment && B.sentiment) {
      sentimentCompared++;
      if (A.sentiment === B.sentiment) agreed++;
    }
  }
  const arms = {
    A: armTotals(pairs.flatMap((p) => (p.A ? [p.A] : [])), prices.A),
    B: armTotals(pairs.flatMap((p) => (p.B ? [p.B] : [])), prices.B),
  };
  const { A, B } = arms;
  return {
    calls: pairs.length,
    bothSucceeded,
    sentiment: { compared: sentimentCompared, agreed, agreement: sentimentCompared ? agreed / sentimentCompared : null },
    topics: { compared: bothSucceeded, meanJaccard: bothSucceeded ? jaccardSum / bothSucceeded : null },
    arms,
    costDiffUsd: B.costUsd - A.costUsd,
    avgSummaryCharsDiff: A.avgSummaryChars !== null && B.avgSummaryChars !== null ? B.avgSummaryChars - A.avgSummaryChars : null,
  };
}

const SENTIMENT_ORDER = ["positive", "neutral", "negative", "mixed"];

/** How many of an arm's summaries carry each sentiment (the four, then "none" for the rest). */
export function sentimentCounts(pairs: readonly CallPair[], arm: Arm): { name: string; value: number }[] {
  const counts = new Map<string, number>([...SENTIMENT_ORDER, "none"].map((s) => [s, 0]));
  for (const p of pairs) {
    const r = p[arm];
    if (!r?.ok) continue;
    const key = r.sentiment && counts.has(r.sentiment) ? r.sentiment : "none";
    counts.set(key, counts.get(key)! + 1);
  }
  return [...counts].map(([name, value]) => ({ name, value }));
}
