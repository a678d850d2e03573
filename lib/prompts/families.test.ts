import { describe, expect, it } from "vitest";
import { familyOf, MODEL_FAMILIES } from "./families";

describe("familyOf", () => {
  it.each([
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic"],
    ["anthropic.claude-sonnet-4-20250514-v1:0", "anthropic"],
    ["us.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic"],
    ["global.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic"],
    ["us-gov.anthropic.claude-3-haiku-20240307-v1:0", "anthropic"],
    ["amazon.nova-lite-v1:0", "nova"],
    ["eu.amazon.nova-pro-v1:0", "nova"],
    ["apac.amazon.nova-micro-v1:0", "nova"],
    ["meta.llama3-1-70b-instruct-v1:0", "llama"],
    ["us.meta.llama3-2-11b-instruct-v1:0", "llama"],
    ["mistral.mistral-large-2407-v1:0", "mistral"],
    ["mistral.mixtral-8x7b-instruct-v0:1", "mistral"],
    ["amazon.titan-text-express-v1", "titan"],
    ["amazon.titan-text-premier-v1:0", "titan"],
    ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "anthropic"],
    ["arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0", "nova"],
    ["  Anthropic.Claude-3-Haiku-20240307-v1:0 ", "anthropic"],
  ])("%s -> %s", (modelId, family) => {
    expect(familyOf(modelId)).toBe(family);
  });

  it.each([
    "amazon.titan-embed-text-v2:0",
    "amazon.nova-canvas-v1:0",
    "amazon.nova-reel-v1:0",
    "amazon.nova-sonic-v1:0",
    "cohere.command-r-v1:0",
    "ai21.jamba-1-5-large-v1:0",
    "",
  ])("%j has no family Recap can prompt", (modelId) => {
    expect(familyOf(modelId)).toBeNull();
  });

  it("lists the five families", () => {
    expect(MODEL_FAMILIES).toEqual(["anthropic", "nova", "llama", "mistral", "titan"]);
  });
});
