import "server-only";

/** Placeholder until the tracker lands: nothing to poll yet. */
export async function startTrackerIfEnabled(): Promise<void> {}
