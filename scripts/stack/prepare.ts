// Before the server starts: migrations applied, the app built.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(" ")} exited ${code}\n${output}`)),
    );
  });
}

const sourceDirs = ["app", "components", "lib", "public"];
const sourceFiles = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSource(root: string): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (path.basename(p) === "generated") return;
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of sourceDirs) visit(path.join(root, d));
  for (const f of sourceFiles) visit(path.join(root, f));
  return newest;
}

/** Whether `.next` holds a build of the current sources: "current", "missing", or "stale" (a source is newer). */
export function buildState(root: string): "current" | "missing" | "stale" {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "missing";
  return fs.statSync(buildId).mtimeMs >= newestSource(root) ? "current" : "stale";
}

/** Build the app when there is no build, or the sources changed since it was made. */
export async function ensureBuilt(opts: { root: string; log: (m: string) => void }): Promise<void> {
  if (buildState(opts.root) === "current") return;
  opts.log("building the app (first start, or the sources changed): this takes a minute or two");
  const nextCli = path.join(opts.root, "node_modules", "next", "dist", "bin", "next");
  await run(process.execPath, [nextCli, "build"], { cwd: opts.root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}
