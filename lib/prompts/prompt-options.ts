/** What every family needs to build one request: the rendered prompt and the model settings. */
export type PromptOptions = {
  prompt: string;
  maxTokens: number;
  temperature: number;
  /** Optional system prompt; blank counts as absent. */
  system?: string;
};

/** The system prompt if it has any content; families omit the field otherwise. */
export function systemOf(opts: PromptOptions): string | undefined {
  return opts.system !== undefined && opts.system.trim() !== "" ? opts.system : undefined;
}
