// The home page's live part: one query for jobs in flight and batches in progress. Client-safe.
import { queryOptions } from "@tanstack/react-query";
import { IDLE_LIST_POLL_MS, POLL_MS } from "@/lib/jobs/query-options";
import type { BatchInProgress, JobsInFlight } from "./types";

export type InProgress = { jobs: JobsInFlight; batches: BatchInProgress[] };

export const homeKeys = {
  all: ["home"] as const,
  inProgress: () => [...homeKeys.all, "in-progress"] as const,
};

export function inProgressOptions(initialData?: InProgress) {
  return queryOptions({
    queryKey: homeKeys.inProgress(),
    queryFn: async (): Promise<InProgress> => {
      const res = await fetch("/api/home/in-progress", { headers: { accept: "application/json" }, cache: "no-store" });
      if (!res.ok) throw new Error(`Request failed (${res.status}).`);
      return (await res.json()) as InProgress;
    },
    initialData,
    // someone may start a batch while the page is open, so an idle page still looks now and then
    refetchInterval: (q) => (q.state.data && q.state.data.jobs.total + q.state.data.batches.length > 0 ? POLL_MS : IDLE_LIST_POLL_MS),
  });
}
