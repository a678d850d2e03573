// bedrock-local runs as its own process beside the app: it talks to the app only over HTTP and S3.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { stopChild } from "./child";

export async function startBedrockLocalProcess(opts: {
  root: string;
  dataDir: string;
  log: (m: string) => void;
}): Promise<{ endpoint: string; close: () => Promise<void> } | undefined> {
  const main = path.join(opts.root, "bedrock-local", "main.ts");
  if (!fs.existsSync(main)) return undefined;
  const port = Number(process.env.BEDROCK_LOCAL_PORT ?? 4570);
    const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: opts.root,
    env: {
      ...process.env,
      RECAP_EXIT_WITH_PARENT: "1",
      BEDROCK_LOCAL_PORT: String(port),
      BEDROCK_LOCAL_DATA_DIR: opts.dataDir,
      BEDROCK_LOCAL_S3_ENDPOINT: process.env.RECAP_S3_ENDPOINT,
    },
    stdio: ["pipe", "inherit", "inherit"],
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilAnswers(endpoint, child);
  return {
    endpoint,
    close: () => stopChild(child),
  };
}

async function waitUntilAnswers(endpoint: string, child: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bedrock-local exited with code ${child.exitCode}`);
    try {
      await fetch(`${endpoint}/foundation-models`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`bedrock-local did not answer at ${endpoint} within 30 s`);
}
