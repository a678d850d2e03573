// Who is the agent and who is the customer. Transcribe labels speakers spk_0 / ch_0 and Contact
// Lens by opaque participant ids, so a model reading "spk_1: ..." cannot tell who is who. Roles come
// from the file's own participant map when it has one, else from a stated heuristic; the uploader
// can swap them per dataset (like PCA's "Swap Agent/Caller").
import type { Turn } from "./types";

export const AGENT = "Agent";
export const CUSTOMER = "Customer";

/** Where the roles came from, kept in the record's metadata. */
export type RolesFrom = "participants" | "heuristic" | "labels";

// What agents say: greetings with the company's name, offers of help, their own name, checks
// they run, the closing. Tuned on the 1,100 synthetic calls (../shared/data) with their labels hidden.
const AGENT_PHRASES = [
  /\bthank(s| you) for (calling|contacting|holding|your patience|choosing|being)\b/gi,
  /\b(welcome to|you('|’)?ve reached|you have reached)\b/gi,
  /\bhow (can|may|might) i (help|assist)\b/gi,
  /\bwhat can i (do|help)\b/gi,
  /\b(my name is|this is) \S+.{0,40}\b(from|with|at|speaking)\b/gi,
  /\bi('m| am) here to (help|assist)\b/gi,
  /\b(could|can|may) (you|i) (please )?(provide|confirm|verify|have|get)\b/gi,
  /\blet me (check|look|see|pull|verify|take a look)\b/gi,
  /\bi (apologi[sz]e|understand (your|this|that|how))\b/gi,
  /\bis there anything else\b/gi,
  /\bhave a (great|nice|good|wonderful) (day|evening|one)\b/gi,
];
// What customers say: why they are calling, what is wrong, what they did.
const CUSTOMER_PHRASES = [
  /\bi('m| am) calling (about|because|to|regarding)\b/gi,
  /\bi (have|had|got) (a|an) (problem|issue|question)\b/gi,
  /\bi('m| am) having (a|an|some|trouble|problems?|issues?)\b/gi,
  /\b(i need|i want|i'd like|i would like) (to|a|an|help)\b/gi,
  /\bmy (card|account|bill|order|router|internet|phone|package|payment|password|laptop|refund|subscription)\b/gi,
  /\bi (placed|ordered|bought|purchased|received|paid|tried)\b/gi,
  /\bi('ve| have) been (trying|waiting|on hold|charged)\b/gi,
  /\b(can|could) you (please )?help me\b/gi,
  /\bi was hoping\b/gi,
  /\b(doesn't|does not|isn't|is not|won't|can't|cannot) (work|working|connect|log)/gi,
];

const ROLE_NAMES: Record<string, string> = {
  agent: AGENT, representative: AGENT, rep: AGENT, operator: AGENT, advisor: AGENT, support: AGENT, assistant: AGENT,
  customer: CUSTOMER, caller: CUSTOMER, client: CUSTOMER, user: CUSTOMER,
};

/** "AGENT", "agent", "Caller" -> "Agent" / "Customer"; any other name is kept as it is. */
export function canonicalRole(label: string): string {
  return ROLE_NAMES[label.trim().toLowerCase()] ?? label;
}

function score(text: string, phrases: RegExp[]): number {
  return phrases.reduce((n, p) => n + (text.match(p)?.length ?? 0), 0);
}

/**
 * Roles for machine labels (spk_0, ch_1, ...): the speaker whose words sound most like an agent
 * (greets with the company's name, offers help; minus what sounds like a customer stating a problem)
 * is the Agent. With no signal at all, whoever speaks first is the Agent, since agents answer calls.
 * Of two speakers the other is the Customer; a third or later speaker keeps a "Speaker N" name.
 */
export function guessRoles(turns: Turn[]): Record<string, string> {
  const order: string[] = [];
  const said = new Map<string, string>();
  for (const t of turns) {
    if (!t.speaker) continue;
    if (!said.has(t.speaker)) order.push(t.speaker);
    // The first few thousand characters of each speaker are enough, and keep this cheap on long calls.
    const sofar = said.get(t.speaker) ?? "";
    if (sofar.length < 6000) said.set(t.speaker, `${sofar} ${t.text}`);
  }
  if (order.length === 0) return {};
  const leaning = (s: string) => score(said.get(s)!, AGENT_PHRASES) - score(said.get(s)!, CUSTOMER_PHRASES);
  let agent = order[0];
  for (const s of order) if (leaning(s) > leaning(agent)) agent = s;
  const roles: Record<string, string> = { [agent]: AGENT };
  const rest = order.filter((s) => s !== agent);
  let customer = rest[0];
  for (const s of rest) if (leaning(s) < leaning(customer)) customer = s;
  for (const s of rest) roles[s] = s === customer ? CUSTOMER : `Speaker ${order.indexOf(s) + 1}`;
  return roles;
}

/** Turns with speakers renamed by `roles` (unknown labels kept); adjacent turns of one speaker merged. */
export function applyRoles(turns: Turn[], roles: Record<string, string>): Turn[] {
  const out: Turn[] = [];
  for (const t of turns) {
    const speaker = roles[t.speaker] ?? t.speaker;
    const last = out[out.length - 1];
    if (last && last.speaker === speaker) last.text += " " + t.text;
    else out.push({ speaker, text: t.text });
  }
  return out;
}

/** Agent <-> Customer in every turn, for a dataset whose roles were read the wrong way round. */
export function swapRoles(turns: Turn[]): Turn[] {
  return turns.map((t) => {
    const role = canonicalRole(t.speaker);
    return role === AGENT ? { ...t, speaker: CUSTOMER } : role === CUSTOMER ? { ...t, speaker: AGENT } : t;
  });
}

/** True when speakers look like machine labels (spk_0, ch_1, Speaker 0, or empty) rather than roles or names. */
export function isMachineLabel(label: string): boolean {
  return /^(spk|ch|speaker|channel)[ _-]?\d+$/i.test(label.trim());
}
