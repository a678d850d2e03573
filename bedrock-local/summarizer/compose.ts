// The summary a supervisor reads first: three sentences, who called about what (the customer's
// own words), what the agent did (named from the agent's words), and how the call ended.
import type { SentimentLabel } from "./sentiment";

// What an agent can do on a call, recognised in what the agent said, most telling first.
const DEEDS: [deed: string, pattern: RegExp][] = [
  ["arranged a refund", /\b(full refund|refund (the|it|your)|(issu|process)\w* (a|the|your) refund|refund (has been|will be)|refunded)\b/i],
  ["arranged a replacement", /\breplacement\b/i],
  ["started a return", /\b(return (shipping )?label|prepaid (return )?label|initiat\w* (the |a |your )?return|return (process|request))\b/i],
  ["applied a discount", /\b(discount|promo(tional)? code|coupon|credit to your account)\b.*\b(appl\w+|add\w*|offer\w*|code is)\b|\b(appl\w+|add\w*|offer\w*)\b.*\b(discount|coupon|credit)\b/i],
  ["expedited the shipping", /\b(expedit\w*|overnight|rush|priority (shipping|delivery))\b/i],
  ["sorted out the payment", /\b(reprocess\w*|payment (method|information) (has been |was )?updated|updated your payment|resubmitted|went through)\b/i],
  ["escalated the case", /\bescalat\w*/i],
  ["cancelled as asked", /\b(cancell?ed (your|the)|removed your|opted you out)\b/i],
  ["placed the order", /\b(placed (your|the) order|order (has been|is) placed)\b/i],
  ["troubleshot the problem", /\b(troubleshoot\w*|restart\w*|reset (the|your)|update the (software|firmware|app))\b/i],
  ["gave a delivery update", /\b(tracking (number|information)|on its way|scheduled to (be delivered|arrive)|estimated delivery|out for delivery)\b/i],
  ["explained the details", /\b(explain\w*|walk(ed)? you through|the (offer|promotion|policy) (is|was)|valid (for|until))\b/i],
  ["checked the order", /\b(pulled up|located|I (can )?see (here )?(that )?(your|the) order|looked into)\b/i],
];

const ANY_DEED = new RegExp(DEEDS.map(([, p]) => p.source).join("|"), "i");

const FEELING: Record<SentimentLabel, string> = {
  positive: "satisfied",
  neutral: "calm",
  negative: "still unhappy",
  mixed: "partly satisfied",
};

/** At most `max` characters, cut at a word. */
function shorten(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[,;:]$/, "") + "…";
}

const listOf = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

export type SummaryParts = {
  reason: string;
  topics: string[];
  agentSentences: string[];
  outcome: string;
  resolved: boolean;
  endSentiment: SentimentLabel;
};

export function composeSummary(p: SummaryParts): string {
  const about = p.topics.length > 0 ? listOf(p.topics.slice(0, 2)) : "their account";
  const first = p.reason ? `The customer called about ${about}: "${shorten(p.reason).replace(/"/g, "'")}"` : `The customer called about ${about}.`;
  // Each sentence is scanned once by a quick pre-check; only the sentences it passes are tested deed by deed.
  const deeds: { deed: string; at: number }[] = [];
  const found = new Set<string>();
  p.agentSentences.forEach((sentence, at) => {
    if (!ANY_DEED.test(sentence)) return;
    for (const [deed, pattern] of DEEDS) {
      if (!found.has(deed) && pattern.test(sentence)) {
        found.add(deed);
        deeds.push({ deed, at });
      }
    }
  });
  deeds.sort((a, b) => DEEDS.findIndex(([d]) => d === a.deed) - DEEDS.findIndex(([d]) => d === b.deed));
  // The three that matter most (DEEDS is in that order), told in call order.
  const did = deeds.slice(0, 3).sort((a, b) => a.at - b.at).map((d) => d.deed);
  const second = did.length > 0 ? `The agent ${listOf(did)}.` : p.outcome !== "Not stated" ? `The agent said: "${shorten(p.outcome, 160).replace(/"/g, "'")}"` : "";
  const third = p.resolved
    ? `The call ended with the issue resolved and the customer ${FEELING[p.endSentiment]}.`
    : `The call ended with the issue still open and the customer ${FEELING[p.endSentiment]}.`;
  return [first.endsWith(".") || first.endsWith('"') ? first : `${first}.`, second, third].filter(Boolean).join(" ");
}
