// GET /api/health: whether the database, object store and batch engine answer (used by e2e's webServer wait).
import { NextResponse } from "next/server";
import { systemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

export async function GET() {
  const statuses = await systemStatus();
  const ok = statuses.every((s) => s.ok);
  return NextResponse.json(
    { ok, components: statuses.map(({ name, ok, detail }) => ({ name, ok, detail })) },
    { status: ok ? 200 : 503 },
  );
}
