import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guards";
import { isRole, ROLE_LABELS } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";
export const metadata = { title: "Not allowed" };

/** Where requirePageRole sends someone whose role does not reach the page. */
export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { need } = await searchParams;
  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold text-red-700">403 · Not allowed</p>
      <h1 className="text-xl font-semibold tracking-tight">You don’t have access to that page</h1>
      <p className="text-sm text-slate-600">
        {isRole(need) ? `It needs the ${ROLE_LABELS[need]} role. ` : ""}You are signed in as {user.email} ({ROLE_LABELS[user.role]}). Ask an admin if you need more access.
      </p>
      <Link href="/" className="inline-block text-sm font-medium text-brand-700 underline">
        Back to Recap
      </Link>
    </div>
  );
}
