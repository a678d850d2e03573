// The one place the environment is read and validated. A wrong value stops the start
// with a message that names the variable and says what is expected.
import path from "node:path";
import { z } from "zod";

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ message: `must be a URL, like ${what}` }).optional())
    .optional();

const Env = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, {
          message: "must be a PostgreSQL URL like postgresql://user:password@host:5432/recap (leave it unset for the embedded database)",
        })
        .optional(),
    )
    .optional(),
  RECAP_DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: "must be an AWS region like us-east-1" })
    .default("us-east-1"),
  // Empty means unset (the e2e config clears it to force the embedded stand-ins).
  RECAP_S3_BUCKET: z.preprocess((v) => (v === "" ? undefined : v), z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: "must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens",
    })
    .default("recap")),
  RECAP_INPUT_PREFIX: z.string().regex(/^[^/].*[^/]$|^[^/]$/, "must be a key prefix without leading or trailing '/'").default("recap/input"),
  RECAP_OUTPUT_PREFIX: z.string().regex(/^[^/].*[^/]$|^[^/]$/, "must be a key prefix without leading or trailing '/'").default("recap/output"),
  RECAP_UPLOAD_PREFIX: z.string().regex(/^[^/].*[^/]$|^[^/]$/, "must be a key prefix without leading or trailing '/'").default("recap/uploads"),
  RECAP_S3_ENDPOINT: optionalUrl("http://127.0.0.1:4569 (only the embedded stack sets it)"),
  RECAP_BEDROCK_ENDPOINT: optionalUrl("http://127.0.0.1:4570 (only the embedded stack sets it)"),
  RECAP_BEDROCK_ROLE_ARN: z
    .string()
    .regex(/^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/, {
      message: "must be an IAM role ARN like arn:aws:iam::123456789012:role/RecapBedrockBatch",
    })
    .optional(),
  RECAP_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
  RECAP_TRUST_PROXY: z.enum(["0", "1"], { message: "must be 1 (behind a proxy that sets X-Forwarded-For) or 0" }).default("0"),
  RECAP_TRACKER: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  RECAP_TRACKER_INTERVAL_MS: z.coerce.number().int().min(50, "must be at least 50 (milliseconds)").default(1000),
  RECAP_TRACKER_POLL_MS: z.coerce.number().int().min(50, "must be at least 50 (milliseconds)").default(2000),
  // web: pages and routes only; worker: background loops only (tracker, sources, webhooks); all: both.
  RECAP_ROLE: z.enum(["web", "worker", "all"], { message: "must be web, worker or all" }).default("all"),
  RECAP_LEASE_MS: z.coerce.number().int().min(1000, "must be at least 1000 (milliseconds)").default(120_000),
  RECAP_WEBHOOKS_ALLOW_LOCAL: z.enum(["0", "1"], { message: "must be 1 (webhooks may reach loopback and private addresses, for tests) or 0" }).default("0"),
  RECAP_API_RATE_LIMIT: z.coerce.number({ message: "must be a number of requests" }).int("must be a whole number").min(1, "must be at least 1 (requests a minute per API token)").default(120),
  // Sign-in (better-auth). Unset secret: one is generated once and kept in RECAP_DATA_DIR.
  BETTER_AUTH_SECRET: optionalSecret(),
  RECAP_AUTH_SECRET: optionalSecret(),
  RECAP_PUBLIC_URL: optionalUrl("https://recap.example.com (the address people open; default http://localhost:<PORT>)"),
  RECAP_ADMIN_EMAIL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.email({ message: "must be an email address like admin@example.com" }).optional())
    .optional(),
  RECAP_ADMIN_PASSWORD: z
    .string()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.string().min(8, "must be at least 8 characters").max(128, "must be at most 128 characters").optional())
    .optional(),
});

function optionalSecret() {
  return z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional())
    .optional();
}

export type Config = {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  awsRegion: string;
  bucket: string;
  inputPrefix: string;
  outputPrefix: string;
  uploadPrefix: string;
  s3Endpoint?: string;
  bedrockEndpoint?: string;
  defaultRoleArn?: string;
  maxUploadBytes: number;
  trackerEnabled: boolean;
  /** which parts this process runs: web (no background loops), worker (no web server), all */
  role: "web" | "worker" | "all";
  /** how long a background lease (job, source, delivery) holds before another instance may take it over */
  leaseMs: number;
  /** webhooks may go to loopback and private addresses (and plain http to 127.0.0.1): tests only */
  webhooksAllowLocal: boolean;
  /** X-Forwarded-For comes from a trusted proxy; otherwise the server sets it from the socket */
  trustProxy: boolean;
  /** pause between tracker passes */
  trackerIntervalMs: number;
  /** first delay between polls of one job (doubles while nothing changes, up to a minute) */
  trackerBasePollMs: number;
  /** requests a minute each personal API token may make to /api/v1 */
  apiRateLimitPerMinute: number;
  /** BETTER_AUTH_SECRET or RECAP_AUTH_SECRET; unset means lib/auth keeps a generated one in dataDir */
  authSecret?: string;
  /** the address people open, for cookies and origin checks */
  publicUrl: string;
  /** the first admin, created at start when no user exists */
  firstAdmin?: { email: string; password: string };
};

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string; value?: string }[]) {
    super(
      "Recap cannot start, the environment is not valid:\n" +
        problems
          .map((p) => `  ${p.variable}${p.value !== undefined ? `=${JSON.stringify(p.value)}` : ""}: ${p.message}`)
          .join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Parse an environment into a Config, or throw a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? "environment");
        return { variable, message: issue.message, value: env[variable] };
      }),
    );
  }
  const e = parsed.data;
  if (Boolean(e.RECAP_ADMIN_EMAIL) !== Boolean(e.RECAP_ADMIN_PASSWORD)) {
    const missing = e.RECAP_ADMIN_EMAIL ? "RECAP_ADMIN_PASSWORD" : "RECAP_ADMIN_EMAIL";
    throw new ConfigError([{ variable: missing, message: "set RECAP_ADMIN_EMAIL and RECAP_ADMIN_PASSWORD together, or neither" }]);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.RECAP_DATA_DIR),
    port: e.PORT,
    awsRegion: e.AWS_REGION,
    bucket: e.RECAP_S3_BUCKET,
    inputPrefix: e.RECAP_INPUT_PREFIX,
    outputPrefix: e.RECAP_OUTPUT_PREFIX,
    uploadPrefix: e.RECAP_UPLOAD_PREFIX,
    s3Endpoint: e.RECAP_S3_ENDPOINT,
    bedrockEndpoint: e.RECAP_BEDROCK_ENDPOINT,
    defaultRoleArn: e.RECAP_BEDROCK_ROLE_ARN,
    maxUploadBytes: e.RECAP_MAX_UPLOAD_BYTES,
    trackerEnabled: e.RECAP_TRACKER === "on",
    role: e.RECAP_ROLE,
    webhooksAllowLocal: e.RECAP_WEBHOOKS_ALLOW_LOCAL === "1",
    leaseMs: e.RECAP_LEASE_MS,
    trustProxy: e.RECAP_TRUST_PROXY === "1",
    trackerIntervalMs: e.RECAP_TRACKER_INTERVAL_MS,
    trackerBasePollMs: e.RECAP_TRACKER_POLL_MS,
    apiRateLimitPerMinute: e.RECAP_API_RATE_LIMIT,
    authSecret: e.BETTER_AUTH_SECRET ?? e.RECAP_AUTH_SECRET,
    publicUrl: (e.RECAP_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    firstAdmin: e.RECAP_ADMIN_EMAIL && e.RECAP_ADMIN_PASSWORD ? { email: e.RECAP_ADMIN_EMAIL.toLowerCase(), password: e.RECAP_ADMIN_PASSWORD } : undefined,
  };
}

let cached: Config | undefined;

/** The validated configuration of this process. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
