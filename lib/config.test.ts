import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

function problemsOf(env: Record<string, string>) {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("defaults to the embedded stack", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ databaseUrl: undefined, port: 3000, awsRegion: "us-east-1", bucket: "recap", s3Endpoint: undefined });
    expect(c.dataDir).toBe(path.resolve(".data"));
  });

  it("reads AWS settings", () => {
    const c = parseConfig({
      DATABASE_URL: "postgresql://recap:pw@db.internal:5432/recap",
      AWS_REGION: "eu-west-1",
      RECAP_S3_BUCKET: "acme-recap",
      RECAP_BEDROCK_ROLE_ARN: "arn:aws:iam::123456789012:role/RecapBedrockBatch",
      PORT: "8080",
    });
    expect(c).toMatchObject({ awsRegion: "eu-west-1", bucket: "acme-recap", port: 8080, defaultRoleArn: "arn:aws:iam::123456789012:role/RecapBedrockBatch" });
  });

  it("names every bad variable and says what is expected", () => {
    const e = problemsOf({ PORT: "70000", DATABASE_URL: "mysql://x", AWS_REGION: "mars", RECAP_S3_BUCKET: "Bad_Bucket", RECAP_S3_ENDPOINT: "not a url" });
    expect(e.problems.map((p) => p.variable).sort()).toEqual(["AWS_REGION", "DATABASE_URL", "PORT", "RECAP_S3_BUCKET", "RECAP_S3_ENDPOINT"]);
    expect(e.message).toContain('PORT="70000": must be between 1 and 65535');
    expect(e.message).toContain('AWS_REGION="mars": must be an AWS region like us-east-1');
    expect(e.message).toContain("DATABASE_URL=\"mysql://x\": must be a PostgreSQL URL");
    expect(e.message).toContain("RECAP_S3_BUCKET=\"Bad_Bucket\": must be an S3 bucket name");
  });

  it("rejects a role ARN that is not an IAM role", () => {
    const e = problemsOf({ RECAP_BEDROCK_ROLE_ARN: "arn:aws:iam::123:user/bob" });
    expect(e.problems[0]).toMatchObject({ variable: "RECAP_BEDROCK_ROLE_ARN" });
    expect(e.problems[0].message).toMatch(/IAM role ARN/);
  });

  it("stops `npm start` with the named message before starting anything", () => {
    const root = path.resolve(__dirname, "..");
    const out = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "not-a-port", RECAP_DATA_DIR: path.join(root, ".test-data", "config-test") },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(out.status).toBe(78);
    expect(out.stderr).toContain('PORT="not-a-port": must be a port number');
  });
});
