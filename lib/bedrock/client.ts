import "server-only";
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { config } from "@/lib/config";

let client: BedrockClient | undefined;

/** The one Bedrock client; in the embedded stack only its endpoint differs (bedrock-local). */
export function bedrock(): BedrockClient {
  client ??= createBedrockClient({ region: config().awsRegion, endpoint: config().bedrockEndpoint });
  return client;
}

export function createBedrockClient(opts: { region: string; endpoint?: string; maxAttempts?: number }): BedrockClient {
  // standard retry: backoff with jitter for throttling, 5xx and dropped connections; the create
  // call is safe to retry because it always carries our deterministic clientRequestToken.
  return new BedrockClient({
    region: opts.region,
    endpoint: opts.endpoint,
    retryMode: "standard",
    maxAttempts: opts.maxAttempts ?? 5,
  });
}
