// The built-in extractive summarizer: deterministic, no model download, fast enough for
// thousands of calls a second. It picks sentences, it does not paraphrase.
import { parseTurns, tidy, type Turn } from "./transcript";

export type Sentiment = "positive" | "neutral" | "negative" | "mixed";

export type CallSummary = {
  summary: string;
  reason: string;
  agentActions: string[];
  outcome: string;
  followUps: string[];
  sentiment: Sentiment;
  topics: string[];
};

type Said = { role: Turn["role"]; text: string; turn: number; skip: boolean };

const REASON = /\b(calling (about|because|to|regarding)|I'?m calling|I need|I want|I'd like|I would like|I have (a|an) (question|problem|issue|concern)|problem|issue|not working|doesn't work|isn't working|stopped working|broken|defective|damaged|wrong|charged|refund|return|cancel|can't|cannot|unable|trouble|question about|help (me )?with|never (arrived|received)|missing|late|dispute)\b/gi;
const ACTION = /\b(I'll|I will|I've|I have (processed|issued|updated|sent|escalated|applied|reset|scheduled|credited|submitted|gone ahead)|let me|I'm going to|I can (offer|process|send|issue|arrange|waive)|processed|issued|refund|replacement|escalat\w*|credit\w*|reset|scheduled|sent|applied|updated|arranged|waived|cancel\w*|generat\w*|ship\w*)\b/gi;
const OUTCOME = /\b(refund|replacement|resolved|processed|issued|credited|will be|has been|have been|should (arrive|receive)|within \d|business days|confirmation|all set|taken care|fixed|approved|waived|cancelled|canceled)\b/gi;
const FOLLOW_UP = /\b(within (\d+|a few|the next)|\d+(-\d+)? (business )?(days|hours|weeks)|will receive|you'll (receive|get|see)|(will|'ll) (send|email|call|follow up|contact|reach out)|follow[- ]up|call (you )?back|next (week|step|steps)|return label|tracking (number|information)|reference number|case number|ticket number)\b/gi;
const PRIVATE = /password|\{[A-Z_]+\}|email address|verify|confirm your identity|date of birth|security question/i;
// "Let me pull that up" is the agent looking, not doing.
const LOOKING = /\blet me (just )?(look|check|pull|see|verify|take a look|double-check|find|confirm|walk)/i;
const CLOSING = /anything else|have a (great|nice|wonderful)|thank you for (calling|contacting)|my name is|how (can|may) I (help|assist)/i;
const SKIP = new RegExp(`${PRIVATE.source}|${CLOSING.source}`, "i");

// Topics and sentiment come from one pass over the words; a stem ending in "*" matches a prefix.
const WORD_CLASSES: [string, string][] = [
  ["billing", "bill billing charge charged charges invoice payment payments overcharg* fee fees"],
  ["refund", "refund*"],
  ["return", "return returns returned returning"],
  ["shipping and delivery", "ship* deliver* tracking package packages courier"],
  ["account access", "login locked signin password"],
  ["technical issue", "error errors crash* broken defective malfunction* troubleshoot* glitch"],
  ["order", "order orders ordered"],
  ["cancellation", "cancel*"],
  ["promotion", "promo* discount discounts offer offers coupon coupons"],
  ["subscription", "subscription subscriptions membership renew* plan plans"],
  ["warranty", "warranty warranties"],
  ["fraud", "fraud* unauthorized unauthorised scam"],
  ["product inquiry", "product products model models feature features specification specifications"],
  // "Thank you" is politeness, not satisfaction; only the customer's last turn counts it.
  ["+", "great appreciate* wonderful perfect happy glad excellent helpful awesome relieved fantastic pleased"],
  ["-", "frustrat* angry upset disappoint* unacceptable terrible annoy* ridiculous confus* worried furious awful horrible complain* waste"],
];
const EXACT = new Map<string, string>();
const PREFIXES: [string, string][] = [];
for (const [cls, words] of WORD_CLASSES) {
  for (const w of words.split(" ")) {
    if (w.endsWith("*")) PREFIXES.push([w.slice(0, -1), cls]);
    else EXACT.set(w, cls);
  }
}
// One regex finds the candidate words, so only those few are looked up.
const CANDIDATE = new RegExp(`\\b(?:${[...EXACT.keys(), ...PREFIXES.map(([p]) => p)].sort((a, b) => b.length - a.length).join("|")})[a-z]*`, "gi");

function classify(word: string): string | undefined {
  return EXACT.get(word) ?? PREFIXES.find(([prefix]) => word.startsWith(prefix))?.[1];
}

function countClasses(text: string, into: Map<string, number>): void {
  for (const match of text.match(CANDIDATE) ?? []) {
    const cls = classify(match.toLowerCase());
    if (cls) into.set(cls, (into.get(cls) ?? 0) + 1);
  }
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const NOT_WORKING = /not working|doesn't work|stopped working/gi;

/** Scores every sentence of one role with a pattern, keeps the best `n`, in call order. */
function pick(said: Said[], role: Turn["role"] | "any", re: RegExp, n: number, filter: (s: Said, i: number) => boolean): string[] {
  const scored: { i: number; score: number }[] = [];
  said.forEach((s, i) => {
    if (s.skip || (role !== "any" && s.role !== role) || !filter(s, i)) return;
    const score = count(s.text, re);
    if (score > 0) scored.push({ i, score });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen = scored.slice(0, n).sort((a, b) => a.i - b.i).map((c) => said[c.i]!.text);
  return [...new Set(chosen)];
}

export function summarizeTranscript(transcript: string): CallSummary {
  const turns = parseTurns(transcript);
  const hasRoles = turns.some((t) => t.role === "customer") && turns.some((t) => t.role === "agent");
  const said: Said[] = [];
  turns.forEach((t, turn) => {
    // Without named roles, the first speaker is taken as the agent who answers the call.
    const role = hasRoles ? t.role : turn % 2 === 0 ? "agent" : "customer";
    for (const text of t.sentences) said.push({ role, text, turn, skip: SKIP.test(text) });
  });
  const notQuestion = (s: Said) => !s.text.endsWith("?");
  const half = said.length / 2;

  const reason =
    withContext(said, pick(said, "customer", REASON, 1, (s) => s.turn < 12)[0]) ??
    said.find((s) => s.role === "customer" && s.text.length > 20 && !PRIVATE.test(s.text))?.text ??
    said[0]?.text ??
    "";
  const agentActions = pick(said, "agent", ACTION, 3, (s) => notQuestion(s) && !LOOKING.test(s.text));
  const outcome =
    withContext(said, pick(said, "agent", OUTCOME, 1, (s, i) => i >= half && notQuestion(s))[0]) ??
    [...said].reverse().find((s) => s.role === "agent" && notQuestion(s) && !CLOSING.test(s.text))?.text ??
    "";
  const followUps = pick(said, "any", FOLLOW_UP, 3, notQuestion);

  const customerWords = new Map<string, number>();
  const allWords = new Map<string, number>();
  const customerText = said.filter((s) => s.role === "customer").map((s) => s.text).join(" ");
  const otherText = said.filter((s) => s.role !== "customer").map((s) => s.text).join(" ");
  countClasses(customerText, customerWords);
  countClasses(otherText, allWords);
  for (const [cls, n] of customerWords) allWords.set(cls, (allWords.get(cls) ?? 0) + n);
  const technical = count(customerText, NOT_WORKING) + count(otherText, NOT_WORKING);
  if (technical > 0) allWords.set("technical issue", (allWords.get("technical issue") ?? 0) + technical);
  const lastCustomer = said.findLast((s) => s.role === "customer");
  const closingThanks = lastCustomer && said.some((s) => s.turn === lastCustomer.turn && /\bthank/i.test(s.text)) ? 1 : 0;
  const sentiment = rateSentiment((customerWords.get("+") ?? 0) + closingThanks, customerWords.get("-") ?? 0);
  const topics = [...allWords]
    .filter(([cls]) => cls !== "+" && cls !== "-")
    .sort((a, b) => b[1] - a[1] || topicOrder(a[0]) - topicOrder(b[0]))
    .slice(0, 4)
    .map(([cls]) => cls);

  return tidyAll({ reason, agentActions, outcome, followUps, sentiment, topics });
}

function tidyAll(s: Omit<CallSummary, "summary">): CallSummary {
  const reason = tidy(s.reason);
  const agentActions = s.agentActions.map(tidy);
  const outcome = tidy(s.outcome);
  const summary = [
    reason && `The customer called because: ${reason}`,
    agentActions.length > 0 && `The agent: ${agentActions.join(" ")}`,
    outcome && !agentActions.includes(outcome) && `Outcome: ${outcome}`,
  ]
    .filter(Boolean)
    .join(" ");
  return { ...s, summary, reason, agentActions, outcome, followUps: s.followUps.map(tidy) };
}

/** A short reason ("I'd like to return it.") reads better with the sentence before it in the same turn. */
function withContext(said: Said[], sentence: string | undefined): string | undefined {
  if (sentence === undefined || sentence.length >= 60) return sentence;
  const i = said.findIndex((s) => s.text === sentence);
  const prev = said[i - 1];
  return prev && prev.turn === said[i]!.turn && !PRIVATE.test(prev.text) ? `${prev.text} ${sentence}` : sentence;
}

const topicOrder = (cls: string) => WORD_CLASSES.findIndex(([c]) => c === cls);

function rateSentiment(pos: number, neg: number): Sentiment {
  if (pos === 0 && neg === 0) return "neutral";
  if (pos >= 2 * neg + 1) return "positive";
  if (neg >= 2 * pos + 1) return "negative";
  return "mixed";
}
