// The built-in extractive summarizer: deterministic, no model download, fast enough for
// thousands of calls a second. With roles known (see roles.ts for opaque labels):
// - reason: the customer's first statement of the problem;
// - outcome: what the agent last did or committed to;
// - followUps (action items): the agent's commitments ("I'll", "we will", "within 48 hours");
// - sentiment: AFINN over the customer's turns (sentiment.ts), at the start and end of the call;
// - topics: a vocabulary matched against the call (topics.ts);
// - summary: who called about what, what the agent did, how it ended (compose.ts).
import { composeSummary } from "./compose";
import { customerSentiment, type SentimentLabel } from "./sentiment";
import { topicsOf } from "./topics";
import { parseTurns, tidy, type Role } from "./transcript";

export type Sentiment = SentimentLabel;

export type CallSummary = {
  summary: string;
  reason: string;
  agentActions: string[];
  outcome: string;
  followUps: string[];
  sentiment: Sentiment;
  sentimentStart: Sentiment;
  sentimentEnd: Sentiment;
  topics: string[];
  resolved: boolean;
};

export type Said = { role: Role; text: string; turn: number };

// Why the customer called: a stated problem counts most, then the call's subject.
const CALLING_ABOUT = /\b(calling (about|because|regarding|to)|I'm calling|question about|issue with|problem with|update on)\b/gi;
const PROBLEM =
  /\b(wasn't|didn't|doesn't|isn't|hasn't|haven't|won't|can't(?! believe)|cannot|never|not (working|applied|arrived|received)|stopped working|wrong|damaged|broken|cracked|defective|missing|declined|charged|late|delay\w*|doesn't fit|don't fit|dispute|locked|invalid)\b/gi;
// Asking for news is a reason too: "I was wondering if you could give me an update on the status".
const ASKING = /\b(wondering|update on|status of|how long|when will|what is the)\b/i;
const SUBJECT = /\b(return|refund|cancel\w*|exchange|replace\w*|discount|promo\w*|offer|status|order|payment|deliver\w*)\b/gi;
const reasonScore = (t: string) => 3 * count(t, CALLING_ABOUT) + 2 * count(t, PROBLEM) + count(t, SUBJECT);
// Stating a need without saying what it is.
const GENERIC_NEED = /^(?:[\w,' ]{0,30})?(I (really )?need (your|some) help|can you (please )?help( me)?|I'?m (really |so )?(worried|frustrated|upset|confused))[.!?]?$/i;
// Done on the call, or promised: the agent's resolution and action items.
const DONE =
  /\b(I've|I have|we've|we have) (also |just |now |already |successfully |gone ahead and )?(processed|issued|applied|placed|sent|emailed|updated|submitted|resubmitted|removed|escalated|scheduled|credited|cancell?ed|generated|reset|arranged|added|set up|expedited|initiated|started|refunded|waived|made a note|reinstated)\b|\b(has|have) been (applied|processed|issued|shipped|sent|placed|resolved|cancell?ed|credited|refunded|updated|approved|waived)\b|\bwent through\b/gi;
const COMMIT =
  /\b(I'll|I will|we'll|we will|I'm going to|I am going to|let me go ahead and|I can (offer|send|issue|arrange|expedite|process|waive|provide)|I'?d like to offer)\b(?! (be (happy|glad|here|waiting)|need|just|check|look|see|pull|verify|do (my|our) best|talk|let you|try|have to|make sure I))|\bscheduled\b|\bwithin (the next )?(\d+|a few|two|three|five|seven)(-\d+)? (business )?(hours|days|weeks)\b|\byou (should|will) (receive|see|get)\b|\byou'll (receive|see|get)\b/gi;
// Asking for identity details or looking something up is not doing anything yet.
const PRIVATE = /password|\{[A-Z_]+\}|\[[a-z ]+\]|email address|verify|confirm your identity|date of birth|security question|last four digits/i;
const LOOKING = /\blet me (just )?(look|check|pull|see|verify|take a (closer )?look|double-check|find|confirm|walk)/i;
const CLOSING = /anything else|have a (great|nice|wonderful)|thank you for (calling|contacting|your patience)|my name is|how (can|may) I (help|assist)|don't hesitate|reach out|my pleasure|you're (very )?welcome|take care|goodbye|(glad|happy) (that )?I could|enjoy the rest|rest of your day|please hold|hold on/i;
// Said near the end when it worked out: "it went through", "that's all I needed".
const RESOLVED = /\b(resolved|sorted (it |this |that )?out|taken care of|went through|all set|that's (all|exactly what) I (needed|wanted)|good news|that works|that covers it|makes sense now)\b/i;
// The agent could not fix it on the call: a workaround, or a referral elsewhere.
const UNRESOLVED = /\b(recommend (contacting|calling|reaching)|contact your (bank|card issuer|provider)|unfortunately,? (there'?s nothing|we (can'?t|cannot|are unable)|I (can'?t|cannot|am unable|'m unable))|still (not|hasn't|haven't|isn't|don't)|not resolved|no longer available|try (using )?(a )?different)\b/i;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
// One test per agent sentence instead of three.
const NOT_AN_ACTION = new RegExp(`${LOOKING.source}|${CLOSING.source}|${PRIVATE.source}`, "i");
const DONE_OR_PROMISED = new RegExp(`(${DONE.source})|${COMMIT.source}`, "gi");

export function summarizeTranscript(transcript: string): CallSummary {
  const turns = parseTurns(transcript);
  const said: Said[] = [];
  turns.forEach((t, turn) => {
    for (const text of t.sentences) said.push({ role: t.role, text, turn });
  });
  // No roles at all (one paragraph of text): every sentence may be either speaker's.
  const rolesKnown = said.some((s) => s.role === "customer") || said.some((s) => s.role === "agent");
  const by = (role: "customer" | "agent") => (s: Said) => !rolesKnown || s.role === role;
  const customer = said.filter(by("customer"));
  const agent = said.filter(by("agent"));

  const reason = pickReason(customer);
  const agentSays = agent.filter((s) => !s.text.endsWith("?") && !NOT_AN_ACTION.test(s.text));
  // Each agent sentence is scanned once: what it says was done (group 1), and what it promises.
  const scored = agentSays.map((s) => {
    let done = 0;
    let promised = 0;
    for (const m of s.text.matchAll(DONE_OR_PROMISED)) {
      if (m[1] !== undefined) done++;
      else promised++;
    }
    return { s, done, promised };
  });
  const commitments = scored.filter((c) => c.done + c.promised > 0);
  // The last thing done, and the last promise if one came after it.
  const lastDone = scored.findLast((c) => c.done > 0);
  const lastPromise = commitments.at(-1);
  const outcomeSaid = (lastDone && lastPromise && lastPromise !== lastDone ? [lastDone, lastPromise] : lastPromise ? [lastPromise] : scored.slice(-1)).map((c) => c.s);
  const followUps = best(scored.filter((c) => c.promised > 0), (c) => c.promised, 4);
  const agentActions = best(commitments, (c) => c.done * 2 + c.promised, 3);

  const customerTurns = new Map<number, string>();
  for (const s of customer) customerTurns.set(s.turn, customerTurns.has(s.turn) ? `${customerTurns.get(s.turn)} ${s.text}` : s.text);
  const mood = customerSentiment([...customerTurns.values()]);

  // The last third of the call says whether it ended fixed or open.
  const tail = said.slice(Math.floor((said.length * 2) / 3));
  const resolved = (commitments.length > 0 || tail.some((s) => RESOLVED.test(s.text))) && !tail.some((s) => UNRESOLVED.test(s.text));
  const topics = topicsOf(said.map((s) => ({ role: s.role, text: s.text })));

  const outcome = outcomeSaid.length > 0 ? outcomeSaid.map((s) => tidy(s.text)).join(" ") : "Not stated";
  const summary = composeSummary({ reason, topics, agentSentences: agentSays.map((s) => s.text), outcome, resolved, endSentiment: mood.end });
  return {
    summary,
    reason: reason || "Not stated",
    agentActions: agentActions.map(tidy),
    outcome: `${resolved ? "Resolved" : "Still open"}: ${outcome}`,
    followUps: followUps.map(tidy),
    sentiment: mood.overall,
    sentimentStart: mood.start,
    sentimentEnd: mood.end,
    topics,
    resolved,
  };
}

/** The customer's first turn that states a problem; its best sentence, with the one before if it leans on it. */
function pickReason(customer: Said[]): string {
  const candidates = customer.map((s) => ({ ...s, text: afterPrivate(s.text) })).filter((s) => !PRIVATE.test(s.text) && s.text.length > 12);
  const first = candidates.find((s) => reasonScore(s.text) > 0 && !GENERIC_NEED.test(tidy(s.text)));
  if (!first) return candidates[0] ? tidy(candidates[0].text) : "";
  const inTurn = candidates.filter((s) => s.turn === first.turn);
  const top = inTurn.reduce((a, b) => (reasonScore(b.text) > reasonScore(a.text) ? b : a));
  const i = inTurn.indexOf(top);
  const prev = inTurn[i - 1];
  const leans = /^(but|and|so|because|which|it|that|this)\b/i.test(top.text) || top.text.length < 50;
  const parts = [prev && leans && !GENERIC_NEED.test(tidy(prev.text)) ? prev : undefined, top].filter((p) => p !== undefined);
  // "... it's not working properly. I'd like to return it.": the request completes the reason.
  const next = inTurn[i + 1];
  if (next && next.text.length < 60 && count(next.text, SUBJECT) > 0 && !next.text.endsWith("?")) parts.push(next);
  // "I'm calling about a return." says what, not what went wrong: add the customer's next problem statement.
  if (!parts.some((p) => count(p.text, PROBLEM) > 0)) {
    const from = candidates.indexOf(parts.at(-1)!);
    const detail = candidates.slice(from + 1).find((s) => s.turn <= first.turn + 6 && (count(s.text, PROBLEM) > 0 || ASKING.test(s.text)) && !s.text.endsWith("?"));
    if (detail) parts.push(detail);
  }
  return parts.map((p) => tidy(p.text)).join(" ");
}

// "Yes, it's [email protected] I placed an order last week and it still hasn't arrived.": the part after the details.
const PRIVATE_TOKEN = /\[email protected\]|\{[A-Z_]+\}|\[[a-z ]+\]/g;
function afterPrivate(text: string): string {
  if (!PRIVATE.test(text)) return text;
  let end = -1;
  for (const m of text.matchAll(PRIVATE_TOKEN)) end = m.index + m[0].length;
  const rest = end >= 0 ? text.slice(end).replace(/^[\s,.;:]+/, "") : "";
  return rest.length > 30 && !PRIVATE.test(rest) ? rest[0]!.toUpperCase() + rest.slice(1) : text;
}

/** The `n` highest-scoring sentences, in call order, without repeats (nor near repeats). */
function best<T extends { s: Said }>(items: T[], score: (c: T) => number, n: number): string[] {
  const ranked = items.map((c, i) => ({ c, i, score: score(c) })).sort((a, b) => b.score - a.score || b.i - a.i);
  const seen = new Set<string>();
  const chosen: { c: T; i: number }[] = [];
  for (const r of ranked) {
    const key = r.c.s.text.toLowerCase().replace(/[^a-z ]/g, "").slice(0, 48);
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(r);
    if (chosen.length === n) break;
  }
  return chosen.sort((a, b) => a.i - b.i).map((r) => r.c.s.text);
}
