// Topics: a fixed vocabulary of support topics, each recognised by its words in what the
// agent and the customer said. Only the transcript is read (never the instructions or the
// template's examples), and identity checks ("the one-time password", "the email on your
// account") are left out, since every call has them.

export const TOPIC_VOCABULARY: readonly [topic: string, pattern: RegExp][] = [
  ["return", /\b(return(s|ed|ing)?|send (it|them) back)\b/gi],
  ["refund", /\brefund\w*|money back\b/gi],
  ["replacement", /\breplac(e|ed|ement|ing)\b/gi],
  ["exchange", /\bexchang\w*/gi],
  ["damaged item", /\b(damaged|cracked|broken|defective|smashed|crushed|dented|smoking|faulty)\b/gi],
  ["wrong item", /\b(wrong|incorrect) (item|model|product|size|color|colour|order)\b|\bnot (what|the one) I ordered\b/gi],
  // Not "it arrived damaged" nor "I'll expedite the replacement": where a parcel is, or that it is late.
  ["delivery", /\b(deliver(y|ed|ies)?|shipment|tracking|in transit|(hasn't|has not|never|not|still|yet to) (yet )?(arrived|received|come)|late|delay(ed|s)?|courier)\b/gi],
  ["promotion", /\b(promo(tion|tional)?s?|discount(s|ed)?|coupons?|vouchers?|sale|deal)\b/gi],
  // Not "refunded to your original payment method".
  ["payment", /\b(declined|billing|bill(ed)?|charged?|charges|invoices?|overcharg\w*|payment (was |got |keeps )?(declined|issue|problem|failed|error)|(make|made|process|processing) (a |the |my )?payment)\b/gi],
  ["membership", /\b(membership|loyalty|subscription|subscribed|premium|rewards?)\b/gi],
  ["cancellation", /\bcancel\w*/gi],
  ["technical issue", /\b(glitch\w*|errors?|bugs?|crash\w*|malfunction\w*|not working|stopped working|doesn't work|troubleshoot\w*)\b/gi],
  ["account access", /\b(locked out|log ?in|sign ?in|reset (my|your|the) password|access (to )?(my|your) account)\b/gi],
  ["fraud", /\b(fraud\w*|unauthori[sz]ed|scam\w*|stolen)\b/gi],
  ["warranty", /\bwarrant(y|ies)\b/gi],
  ["feedback", /\b(feedback|complain\w*|review|survey)\b/gi],
  ["order", /\border(s|ed)?\b/gi],
];

// Sentences about checking who is calling, which every call has.
const IDENTITY = /password|one-time|verify|verification|confirm your identity|email address|\{[A-Z_]+\}/i;

// The customer names what the call is about; the agent's words count half.
const CUSTOMER_WEIGHT = 2;
const AGENT_WEIGHT = 1;
// A topic needs at least this weight: one passing mention by the agent is not a topic.
const MIN_WEIGHT = 3;
// "order" is in nearly every call.
const GENERIC = new Set(["order"]);

// All patterns as one alternation, one capture group per topic, so a text is scanned once.
const ALL_TOPICS = new RegExp(TOPIC_VOCABULARY.map(([, p]) => `(${p.source.replace(/(?<!\\)\((?!\?)/g, "(?:")})`).join("|"), "gi");

function weigh(text: string, weight: number, into: number[]): void {
  for (const m of text.matchAll(ALL_TOPICS)) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        into[g - 1]! += weight;
        break;
      }
    }
  }
}

export type Spoken = { role: "customer" | "agent" | "other"; text: string };

/** Up to `max` topics, heaviest first, from the vocabulary above. */
export function topicsOf(said: Spoken[], max = 4): string[] {
  // Two texts, not one scan per sentence or per topic.
  const customer: string[] = [];
  const agent: string[] = [];
  for (const s of said) if (!IDENTITY.test(s.text)) (s.role === "customer" ? customer : agent).push(s.text);
  const customerText = customer.join("\n");
  const agentText = agent.join("\n");
  const counts = TOPIC_VOCABULARY.map(() => 0);
  weigh(customerText, CUSTOMER_WEIGHT, counts);
  weigh(agentText, AGENT_WEIGHT, counts);
  const weights = new Map<string, number>();
  counts.forEach((w, i) => w > 0 && weights.set(TOPIC_VOCABULARY[i]![0], w));
  const order = (t: string) => TOPIC_VOCABULARY.findIndex(([name]) => name === t);
  const ranked = [...weights].filter(([, w]) => w >= MIN_WEIGHT).sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  // A generic topic comes after the specific ones, and only when few are found.
  const specific = ranked.filter(([t]) => !GENERIC.has(t));
  const generic = specific.length < 2 ? ranked.filter(([t]) => GENERIC.has(t)) : [];
  return [...specific, ...generic].slice(0, max).map(([t]) => t);
}
