// Turns a prompt into the built-in model's answer: prose, or the JSON object the prompt
// describes. Recap's template asks for summary, reason_for_call, resolution,
// customer_sentiment, action_items and topics; other templates name their own keys.
import { splitPrompt } from "./transcript";
import { summarizeTranscript, type CallSummary } from "./summarize";

export const RECAP_KEYS = ["summary", "reason_for_call", "resolution", "customer_sentiment", "action_items", "topics"];

const KEY_IN_TEMPLATE = /["'`]([A-Za-z][A-Za-z0-9_]{1,48})["'`]\s*:\s*(\[)?/g;
const QUOTED_NAME = /["'`]([A-Za-z][A-Za-z0-9_]{1,48})["'`]([^"'`\n]{0,24})/g;
const SNAKE_WORD = /\b([a-z]+(?:_[a-z]+)+)\b/g;
const LIST_NAME = /items|topics|steps|actions|tags|keywords|follow_?ups|issues|list|products|entities/i;
const LIST_HINT = /array|list|\[/i;

/** The keys a prompt asks for, and which of them it shows as arrays; undefined if it wants prose. */
export function requestedKeys(prompt: string, instructions: string): { keys: string[]; arrays: Set<string> } | undefined {
  const arrays = new Set<string>();
  const keys: string[] = [];
  const add = (key: string, isArray: boolean) => {
    if (!keys.includes(key)) keys.push(key);
    if (isArray) arrays.add(key);
  };
  // Keys come from the instructions only: a transcript's own `"word":` is not a key.
  const text = instructions || prompt;
  // 1. A JSON example or a key list: "key": value
  for (const m of text.matchAll(KEY_IN_TEMPLATE)) add(m[1]!, Boolean(m[2]));
  const asksJson = /\bjson\b/i.test(text);
  if (keys.length === 0 && asksJson) {
    // 2. Key names listed in prose: "summary", `topics` (array), reason_for_call
    for (const m of text.matchAll(QUOTED_NAME)) add(m[1]!, LIST_HINT.test(m[2]!));
    for (const m of text.matchAll(SNAKE_WORD)) add(m[1]!, false);
    // 3. Asked for JSON without naming keys: Recap's own.
    if (keys.length === 0) keys.push(...RECAP_KEYS);
  }
  if (keys.length === 0 || (!asksJson && keys.length < 2)) return undefined;
  for (const k of keys) if (LIST_NAME.test(k)) arrays.add(k);
  return { keys, arrays };
}

function valueFor(key: string, s: CallSummary, asArray: boolean): unknown {
  const k = key.toLowerCase();
  let v: string | string[];
  if (/^(is_|was_|call_)?resolved$/.test(k)) return asArray ? [s.resolved] : s.resolved;
  if (/sentiment|mood|tone/.test(k)) v = /start|begin|open|initial|first/.test(k) ? s.sentimentStart : /end|final|clos|last/.test(k) ? s.sentimentEnd : s.sentiment;
  else if (/reason|intent|purpose|issue|problem|why|request/.test(k)) v = s.reason;
  else if (/agent_?action|steps_taken|actions_taken/.test(k)) v = s.agentActions;
  else if (/action|follow|next|todo|task/.test(k)) v = s.followUps;
  else if (/resolution|outcome|result|resolved|status/.test(k)) v = s.outcome;
  else if (/topic|tag|categor|keyword|theme|subject/.test(k)) v = s.topics;
  else v = s.summary;
  if (asArray) return Array.isArray(v) ? v : v ? [v] : [];
  return Array.isArray(v) ? v.join(" ") : v;
}

export function builtInAnswer(prompt: string): string {
  const { transcript, instructions } = splitPrompt(prompt);
  const summary = summarizeTranscript(transcript);
  const wanted = requestedKeys(prompt, instructions);
  if (wanted) {
    const obj: Record<string, unknown> = {};
    for (const key of wanted.keys) obj[key] = valueFor(key, summary, wanted.arrays.has(key));
    return JSON.stringify(obj, null, 2);
  }
  const lines = [
    `Summary: ${summary.summary}`,
    `Reason for call: ${summary.reason}`,
    `Agent actions: ${summary.agentActions.join(" ") || "none recorded"}`,
    `Outcome: ${summary.outcome || "not stated"}`,
    `Follow-ups: ${summary.followUps.join(" ") || "none"}`,
    `Customer sentiment: ${summary.sentiment} (start ${summary.sentimentStart}, end ${summary.sentimentEnd})`,
  ];
  if (summary.topics.length > 0) lines.push(`Topics: ${summary.topics.join(", ")}`);
  return lines.join("\n");
}
