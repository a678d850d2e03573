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
  RECAP_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: "must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens",
    })
    .default("recap"),
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
  RECAP_TRACKER: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
});

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
  };
}

let cached: Config | undefined;

/** The validated configuration of this process. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
