// Runs bedrock-local on its own: `npm run bedrock-local`.
//
// Environment (all optional):
//   BEDROCK_LOCAL_PORT            port to listen on (default 4570; 0 = any free port)
//   BEDROCK_LOCAL_HOST            address to bind (default 127.0.0.1)
//   BEDROCK_LOCAL_DATA_DIR        where jobs, tokens and checkpoints live (default .data/bedrock-local)
//   BEDROCK_LOCAL_S3_ENDPOINT     S3 endpoint to read input / write output (default RECAP_S3_ENDPOINT;
//                                 unset = Amazon S3 with the default credential chain)
//   AWS_REGION                    region in job ARNs and for S3 (default us-east-1)
//   BEDROCK_LOCAL_ACCOUNT_ID      account id in job ARNs (default 123456789012)
//   BEDROCK_LOCAL_PACING          immediate | manual | timed:<seconds per status> (default immediate)
//   BEDROCK_LOCAL_MIN_RECORDS     one minimum records per job for every model (default: each model's
//                                 own AWS figure from catalog.ts, 100 for most, 1000 for Titan Text)
//   BEDROCK_LOCAL_MAX_CONCURRENT_JOBS  jobs per model in progress or queued (default 3)
//   BEDROCK_LOCAL_OPENAI_BASE_URL OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1 (Ollama);
//                                 unset = the built-in extractive summarizer
//   BEDROCK_LOCAL_OPENAI_MODEL    model name sent to that endpoint (required with the URL)
//   BEDROCK_LOCAL_OPENAI_API_KEY  bearer token for that endpoint, if it wants one
//   BEDROCK_LOCAL_CONCURRENCY     records in flight per job against that endpoint (default 4)
//   AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY  S3 credentials (default S3RVER/S3RVER when an endpoint is set)
import { z } from "zod";
import { parsePacing } from "./pacing";
import { startBedrockLocal } from "./server";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const Env = z.object({
  BEDROCK_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(4570),
  BEDROCK_LOCAL_HOST: z.string().default("127.0.0.1"),
  BEDROCK_LOCAL_DATA_DIR: z.string().min(1).default(".data/bedrock-local"),
  BEDROCK_LOCAL_S3_ENDPOINT: z.preprocess(blankToUndefined, z.url().optional()),
  RECAP_S3_ENDPOINT: z.preprocess(blankToUndefined, z.url().optional()),
  AWS_REGION: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "must be an AWS region like us-east-1").default("us-east-1"),
  BEDROCK_LOCAL_ACCOUNT_ID: z.string().regex(/^\d{12}$/, "must be 12 digits").default("123456789012"),
  BEDROCK_LOCAL_PACING: z.string().default("immediate").transform((v, ctx) => {
    try {
      return parsePacing(v);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  }),
  BEDROCK_LOCAL_MIN_RECORDS: z.coerce.number().int().min(0).optional(),
  BEDROCK_LOCAL_MAX_CONCURRENT_JOBS: z.coerce.number().int().positive().optional(),
  BEDROCK_LOCAL_OPENAI_BASE_URL: z.preprocess(blankToUndefined, z.url().optional()),
  BEDROCK_LOCAL_OPENAI_MODEL: z.preprocess(blankToUndefined, z.string().optional()),
  BEDROCK_LOCAL_OPENAI_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  BEDROCK_LOCAL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  AWS_ACCESS_KEY_ID: z.preprocess(blankToUndefined, z.string().optional()),
  AWS_SECRET_ACCESS_KEY: z.preprocess(blankToUndefined, z.string().optional()),
});

async function main() {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    console.error(`bedrock-local cannot start, the environment is not valid:\n${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  const env = parsed.data;
  if (env.BEDROCK_LOCAL_OPENAI_BASE_URL && !env.BEDROCK_LOCAL_OPENAI_MODEL) {
    console.error("bedrock-local cannot start: BEDROCK_LOCAL_OPENAI_MODEL must name a model when BEDROCK_LOCAL_OPENAI_BASE_URL is set");
    process.exit(1);
  }
  const service = await startBedrockLocal({
    port: env.BEDROCK_LOCAL_PORT,
    host: env.BEDROCK_LOCAL_HOST,
    dataDir: env.BEDROCK_LOCAL_DATA_DIR,
    region: env.AWS_REGION,
    accountId: env.BEDROCK_LOCAL_ACCOUNT_ID,
    s3: {
      endpoint: env.BEDROCK_LOCAL_S3_ENDPOINT ?? env.RECAP_S3_ENDPOINT,
      credentials: env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } : undefined,
    },
    pacing: env.BEDROCK_LOCAL_PACING,
    openai: env.BEDROCK_LOCAL_OPENAI_BASE_URL
      ? { baseUrl: env.BEDROCK_LOCAL_OPENAI_BASE_URL, model: env.BEDROCK_LOCAL_OPENAI_MODEL!, apiKey: env.BEDROCK_LOCAL_OPENAI_API_KEY, concurrency: env.BEDROCK_LOCAL_CONCURRENCY }
      : undefined,
    quotas: {
      ...(env.BEDROCK_LOCAL_MIN_RECORDS !== undefined ? { minRecordsPerJob: env.BEDROCK_LOCAL_MIN_RECORDS } : {}),
      ...(env.BEDROCK_LOCAL_MAX_CONCURRENT_JOBS !== undefined ? { maxConcurrentJobsPerModel: env.BEDROCK_LOCAL_MAX_CONCURRENT_JOBS } : {}),
    },
  });
  console.log(`bedrock-local listening on ${service.endpoint} (data in ${env.BEDROCK_LOCAL_DATA_DIR})`);
  const shutdown = () => {
    void service.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  // Started by `npm start` with a pipe on stdin: when that process dies, even by SIGKILL, the
  // pipe closes and this one goes too, so no stand-in is left behind holding its port.
  if (process.env.RECAP_EXIT_WITH_PARENT === "1") process.stdin.once("close", shutdown).resume();
}

void main();
