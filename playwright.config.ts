import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// The e2e stack is always the embedded one, on loopback, in its own data folder: refuse
// anything that would point tests at a real database, bucket or Bedrock.
for (const v of ["DATABASE_URL", "RECAP_S3_BUCKET", "RECAP_S3_ENDPOINT", "RECAP_BEDROCK_ENDPOINT"]) {
  const value = process.env[v];
  if (value && !/^(https?|postgres(ql)?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(value)) {
    throw new Error(`e2e refuses to run with ${v}=${value}: tests only talk to loopback stand-ins`);
  }
}

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: "rm -rf .test-data/e2e && tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      RECAP_DATA_DIR: ".test-data/e2e",
      RECAP_S3_PORT: process.env.E2E_S3_PORT ?? "4669",
      BEDROCK_LOCAL_PORT: process.env.E2E_BEDROCK_PORT ?? "4670",
      NEXT_TELEMETRY_DISABLED: "1",
      // the fixtures sign each user in from its own address, so the specs' own rate-limit bursts stay separate
      RECAP_TRUST_PROXY: "1",
      DATABASE_URL: "",
      RECAP_S3_BUCKET: "",
    },
  },
});
