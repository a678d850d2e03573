// Which family answers a job: the model id's provider, or Converse when the job asks for it.
import { anthropic } from "./anthropic";
import type { Family } from "./family";
import { converse, nova } from "./nova";
import { llama, mistral, titan } from "./text-prompt";

export const FAMILIES: Record<Family["name"], Family> = { anthropic, nova, converse, llama, mistral, titan };

export function familyByName(name: Family["name"]): Family {
  return FAMILIES[name];
}
