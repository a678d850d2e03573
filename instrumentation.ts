// Runs once when the server starts: the job tracker lives as long as the server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTrackerIfEnabled } = await import("@/lib/system/background");
  await startTrackerIfEnabled();
}
