// AWS's "Minimum number of records per batch inference job", per model, as the Service Quotas
// console lists it today: lowered from the launch figure of 1,000 to 100 for most text models.
// Recap's own per-model setting (Admin → Models) is what the planner uses; this table is only
// there to warn when that setting is below what Bedrock will accept. bedrock-local's catalog
// holds the same figures (bedrock-local/catalog.ts; a test keeps the two in step).

const LAUNCH_MINIMUM = 1000;
const CURRENT_MINIMUM = 100;

/** Models whose quota still reads 1,000 records per job. */
const STILL_AT_LAUNCH = ["amazon.titan-text-express-v1", "amazon.titan-text-lite-v1", "amazon.titan-text-premier-v1:0"];

/** The minimum Bedrock enforces for a model id (bare, ARN or inference-profile id). */
export function bedrockMinRecordsPerJob(modelId: string): number {
  const bare = modelId.replace(/^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]*:\d*:(foundation-model|inference-profile)\//, "").replace(/^(us|eu|apac|us-gov|global|jp|au|ca)\./, "");
  return STILL_AT_LAUNCH.includes(bare) ? LAUNCH_MINIMUM : CURRENT_MINIMUM;
}
