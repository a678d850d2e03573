// The customer's sentiment from the AFINN-165 lexicon (npm `sentiment`, with its negation
// handling: "not happy" counts as negative), over customer turns only, at the start of the call,
// at its end, and overall. A few AFINN words mean something else on a support line and are
// re-weighted below; every other score is the lexicon's.
import Sentiment from "sentiment";

export type SentimentLabel = "positive" | "neutral" | "negative" | "mixed";
export type CallSentiment = { start: SentimentLabel; end: SentimentLabel; overall: SentimentLabel };

const analyzer = new Sentiment();
const CALL_CENTER = {
  // Requests and politeness, not feelings: "I'd like to return it", "please help me", "yes, sure".
  like: 0, want: 0, please: 0, help: 0, yes: 0, yeah: 0, sure: 0, no: 0, ok: 0, okay: 0, free: 0, pretty: 0, certain: 0, hello: 0,
  // Nouns and plain words here: "customer support", "reach you", "an important event", "alright, fine".
  support: 0, reach: 0, important: 0, fine: 0,
  // "Thank you" closes almost every call, satisfied or not: it counts, but less than praise.
  thank: 1, thanks: 1, interested: 1,
  // "I have a question", "a bit of an issue": the reason for calling, not anger.
  question: 0, issue: -1, problem: -1, worried: -2, confused: -2,
};

/** AFINN score of one piece of customer speech: sum, and the positive and negative mass. */
// "Thanks, I guess." is not gratitude.
const HEDGED_THANKS = /\bthanks?(?: you)?,? I (?:guess|suppose)\b/gi;

export function scoreText(text: string): { score: number; positive: number; negative: number } {
  const r = analyzer.analyze(text.replace(HEDGED_THANKS, " "), { extras: CALL_CENTER });
  let positive = 0;
  let negative = 0;
  for (const entry of r.calculation as Record<string, number>[]) {
    for (const v of Object.values(entry)) {
      if (v > 0) positive += v;
      else negative -= v;
    }
  }
  return { score: r.score, positive, negative };
}

type Score = ReturnType<typeof scoreText>;

function sum(scores: Score[]): Score {
  return scores.reduce((a, b) => ({ score: a.score + b.score, positive: a.positive + b.positive, negative: a.negative + b.negative }), { score: 0, positive: 0, negative: 0 });
}

function label(s: Score): SentimentLabel {
  // Both clearly present and neither outweighing the other by much: mixed.
  if (s.positive >= 4 && s.negative >= 4 && Math.abs(s.score) < Math.min(s.positive, s.negative) / 2) return "mixed";
  if (s.score >= 2) return "positive";
  if (s.score <= -2) return "negative";
  return "neutral";
}

/**
 * Start = the customer's first two turns that carry sentiment words, end = their last two (a bare
 * "Goodbye." carries none); overall = how the call ended.
 */
export function customerSentiment(customerTurns: string[]): CallSentiment {
  // Scored lazily from both ends: most calls need only a few turns.
  const cache = new Map<number, Score>();
  const at = (i: number): Score => {
    let s = cache.get(i);
    if (!s) cache.set(i, (s = scoreText(customerTurns[i]!)));
    return s;
  };
  const hasWords = (s: Score) => s.positive + s.negative > 0;
  const take = (from: number, step: number) => {
    const out: Score[] = [];
    for (let i = from; i >= 0 && i < customerTurns.length && out.length < 2; i += step) if (hasWords(at(i))) out.push(at(i));
    return out;
  };
  const first = take(0, 1);
  const last = take(customerTurns.length - 1, -1);
  // A short call with one or two scored turns: start and end are the same turns.
  const start = label(sum(first));
  const end = label(sum(last));
  // The seed template asks for the sentiment "by the end of the call": the end decides, unless the
  // ending is flat, when the whole call says more.
  const overall = end !== "neutral" ? end : label(sum(customerTurns.map((_, i) => at(i))));
  return { start, end, overall };
}
