import type { ModelFamily } from "./families";
import { buildModelInput } from "./model-input";
import type { PromptOptions } from "./prompt-options";
import { assertValidTemplate, renderTemplate } from "./template";

/** The per-record values a JSONL input line varies by. */
export type LineSlot = "recordId" | "transcript" | "callId";

/**
 * A JSONL input line cut into fixed JSON text and per-record slots:
 * line = literals[0] + esc(slot 0) + literals[1] + ... + esc(slot n-1) + literals[n].
 * Slots, not a single before/after pair, because a template may name {{transcript}}
 * more than once and may use {{call_id}}.
 */
export type LineTemplate = { literals: string[]; slots: LineSlot[] };

export type LineValues = { recordId: string; transcript: string; callId?: string };

/** The text of a string as it appears between the quotes of a JSON string. */
export function escapeJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

// A marker is plain ASCII that JSON.stringify leaves untouched, so it can be found in the output.
function markerBase(body: string, system: string): string {
  for (let n = 0; ; n++) {
    const base = `@@recap-slot-${n}-`;
    if (!body.includes(base) && !system.includes(base)) return base;
  }
}

/**
 * Precomputes the JSON text of `{"recordId":...,"modelInput":{...}}` for one family, template and
 * settings, so writing 50,000 records costs one string escape per slot instead of a
 * JSON.stringify of the whole object each. Throws TemplateError for an unusable template.
 */
export function lineTemplateFor(
  family: ModelFamily,
  templateBody: string,
  opts: Omit<PromptOptions, "prompt">,
): LineTemplate {
  assertValidTemplate(templateBody);
  const base = markerBase(templateBody, opts.system ?? "");
  const marker = (slot: LineSlot) => `${base}${slot}@@`;
  const prompt = renderTemplate(templateBody, { transcript: marker("transcript"), callId: marker("callId") });
  const json = JSON.stringify({ recordId: marker("recordId"), modelInput: buildModelInput(family, { ...opts, prompt }) });

  const literals: string[] = [];
  const slots: LineSlot[] = [];
  const pattern = new RegExp(`${base}(recordId|transcript|callId)@@`, "g");
  let last = 0;
  for (const match of json.matchAll(pattern)) {
    literals.push(json.slice(last, match.index));
    slots.push(match[1] as LineSlot);
    last = match.index + match[0].length;
  }
  literals.push(json.slice(last));
  return { literals, slots };
}

/** One JSONL input line (without the newline), equal to JSON.stringify of the record it stands for. */
export function fillLine(template: LineTemplate, values: LineValues): string {
  const { literals, slots } = template;
  let line = literals[0];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    // renderTemplate makes transcript and call id well-formed; the line must match it exactly.
    const value =
      slot === "recordId"
        ? values.recordId
        : slot === "transcript"
          ? values.transcript.toWellFormed()
          : (values.callId ?? "").toWellFormed();
    line += escapeJsonString(value) + literals[i + 1];
  }
  return line;
}
