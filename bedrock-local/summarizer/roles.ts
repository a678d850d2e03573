// Who is the agent and who the customer. Named labels decide ("Agent", "Customer Service
// Agent", "CUSTOMER", "caller"); opaque ones (Amazon Transcribe's spk_0 / ch_1, names, no labels
// at all) are decided by how each speaker talks: the agent greets with company phrasing
// ("thank you for calling", "how can I help", "my name is"), asks for account details and
// apologises; the customer states a problem in the first person ("I'm calling about", "my order").

export type Role = "customer" | "agent" | "other";

const AGENT = /agent|representative|\brep\b|advisor|supervisor|manager|specialist|associate|operator|technician|support|service|assistant|banker|officer/i;
const CUSTOMER = /customer|caller|client|consumer|patient|member|guest|user|buyer|account holder/i;

export function roleOf(speaker: string): Role {
  if (AGENT.test(speaker)) return "agent";
  if (CUSTOMER.test(speaker)) return "customer";
  return "other";
}

const AGENT_TALK =
  /\b(thank you for (calling|contacting|choosing|reaching|holding|your patience)|how (can|may|might) I (help|assist)|what can I do for you|my name is|this is \w+(?: \w+)? (from|with|at|speaking)|speaking\b|(can|could|may) I (have|get|ask for) your|could you (please )?(provide|confirm|verify|tell me)|account number|date of birth|for (security|verification)|verify|is there anything else|I apologi[sz]e|bear with me|one moment|let me (check|pull|look|see)|I'?ll (go ahead|be happy)|happy to help|I can help)\b/gi;
const CUSTOMER_TALK =
  /\b(I'?m calling|I am calling|I('ve| have)? called|I was (charged|billed|told)|my (order|account|card|bill|package|payment|refund|subscription|device|phone|internet|service)|I (need|want|would like|'d like|received|bought|ordered|can't|cannot)|I have (a|an) (problem|issue|question|concern))\b/gi;

export function agentScore(sentences: string[]): number {
  let score = 0;
  for (const s of sentences) score += (s.match(AGENT_TALK)?.length ?? 0) - (s.match(CUSTOMER_TALK)?.length ?? 0);
  return score;
}

type Spoken = { speaker: string; sentences: string[] };

/** One role per turn. */
export function assignRoles(turns: Spoken[]): Role[] {
  if (turns.length === 0) return [];
  if (turns.every((t) => t.speaker === "")) return unlabelled(turns);
  const named = new Map<string, Role>();
  const opaque: string[] = [];
  for (const t of turns) {
    if (named.has(t.speaker) || opaque.includes(t.speaker)) continue;
    const role = roleOf(t.speaker);
    if (role === "other") opaque.push(t.speaker);
    else named.set(t.speaker, role);
  }
  const roles = new Set(named.values());
  // Both roles named: anyone else ("Neighbor") is neither.
  if (opaque.length > 0 && !(roles.has("agent") && roles.has("customer"))) {
    const scores = new Map(opaque.map((s) => [s, agentScore(turns.filter((t) => t.speaker === s).flatMap((t) => t.sentences))]));
    // Highest agent score first; on a tie, the first to speak answered the call.
    const ranked = [...opaque].sort((a, b) => scores.get(b)! - scores.get(a)!);
    if (roles.has("agent")) for (const s of opaque) named.set(s, "customer");
    else if (roles.has("customer")) named.set(ranked[0]!, "agent");
    else ranked.forEach((s, i) => named.set(s, i === 0 ? "agent" : "customer"));
  }
  return turns.map((t) => named.get(t.speaker) ?? "other");
}

/** Paragraphs without labels: alternate, starting with whichever parity talks like the agent. */
function unlabelled(turns: Spoken[]): Role[] {
  if (turns.length === 1) return ["other"];
  let even = 0;
  let odd = 0;
  turns.forEach((t, i) => (i % 2 === 0 ? (even += agentScore(t.sentences)) : (odd += agentScore(t.sentences))));
  const agentParity = odd > even ? 1 : 0;
  return turns.map((_, i) => (i % 2 === agentParity ? "agent" : "customer"));
}
