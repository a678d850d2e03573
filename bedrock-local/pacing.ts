// How fast jobs move between statuses, as moto's state manager does it: immediately, after
// a set number of seconds per status, or one status per GetModelInvocationJob call.
import { z } from "zod";

export const Pacing = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("immediate") }),
  z.object({ mode: z.literal("timed"), secondsPerStatus: z.number().min(0).max(3600) }),
  z.object({ mode: z.literal("manual") }),
]);
export type Pacing = z.infer<typeof Pacing>;

/** "immediate" | "manual" | "timed" | "timed:2.5" (seconds per status, default 1) */
export function parsePacing(text: string): Pacing {
  const [mode, seconds] = text.trim().split(":");
  if (mode === "immediate" || mode === "manual") return { mode };
  if (mode === "timed") {
    const s = seconds === undefined ? 1 : Number(seconds);
    if (Number.isFinite(s) && s >= 0) return { mode: "timed", secondsPerStatus: s };
  }
  throw new Error(`pacing must be immediate, manual or timed:<seconds>, not "${text}"`);
}
