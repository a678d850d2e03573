import "server-only";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { config } from "@/lib/config";

let client: BedrockRuntimeClient | undefined;

/** The one bedrock-runtime client (InvokeModel) for on-demand runs; bedrock-local serves it too. */
export function bedrockRuntime(): BedrockRuntimeClient {
  client ??= createBedrockRuntimeClient({ region: config().awsRegion, endpoint: config().bedrockEndpoint });
  return client;
}

export function createBedrockRuntimeClient(opts: { region: string; endpoint?: string; maxAttempts?: number }): BedrockRuntimeClient {
  // adaptive: standard retries plus a client-side rate limiter that slows down after a
  // ThrottlingException, which is what one client hammering one model's quota needs.
  return new BedrockRuntimeClient({
    region: opts.region,
    endpoint: opts.endpoint,
    retryMode: "adaptive",
    maxAttempts: opts.maxAttempts ?? 6,
  });
}
