import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/form";
import { currentUser } from "@/lib/auth/guards";
import { setupOpen } from "@/lib/auth/first-admin";
import { db } from "@/lib/db";
import { safeNext } from "../safe-next";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await currentUser()) redirect(next);
  const firstRun = await setupOpen(await db());
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      {firstRun ? (
        <FormMessage kind="note">
          No one can sign in yet. <Link href="/setup" className="font-medium text-brand-700 underline">Create the first admin</Link>.
        </FormMessage>
      ) : (
        <SignInForm next={next} />
      )}
    </div>
  );
}
