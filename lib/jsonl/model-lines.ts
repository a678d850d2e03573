// How each transcript becomes a Bedrock input line for one model and one prompt template.
import { buildModelInput } from "@/lib/prompts/model-input";
import type { ModelFamily } from "@/lib/prompts/families";
import { PLACEHOLDER, assertValidTemplate, renderTemplate } from "@/lib/prompts/template";
import type { ConvertOptions } from "./convert";
import { compileLineTemplate, TRANSCRIPT_PLACEHOLDER } from "./line-template";

export type ModelSettings = { family: ModelFamily; maxTokens: number; temperature: number; system?: string };

/**
 * The fast compiled line template when the template names the transcript once and nothing else;
 * otherwise (the call id, or the transcript twice) a modelInput built per record.
 */
export function modelLines(model: ModelSettings, templateBody: string): Pick<ConvertOptions, "lineTemplate" | "buildModelInput"> {
  assertValidTemplate(templateBody);
  const input = (prompt: string) =>
    buildModelInput(model.family, { prompt, maxTokens: model.maxTokens, temperature: model.temperature, system: model.system });
  const placeholders = [...templateBody.matchAll(PLACEHOLDER)].map((m) => m[1]);
  if (placeholders.length === 1 && placeholders[0] === "transcript") {
    const compiled = compileLineTemplate(input(renderTemplate(templateBody, { transcript: TRANSCRIPT_PLACEHOLDER })));
    // renderTemplate makes text well-formed (a lone surrogate cannot be written as UTF-8); so must this path.
    return {
      lineTemplate: {
        buildLine: (recordId, text) => compiled.buildLine(recordId, text.toWellFormed()),
        buildLineWithBytes: (recordId, text) => compiled.buildLineWithBytes(recordId, text.toWellFormed()),
      },
    };
  }
  return { buildModelInput: (t) => input(renderTemplate(templateBody, { transcript: t.text, callId: t.callId })) };
}
