import Link from "next/link";
import { SetupForm } from "@/components/auth/setup-form";
import { FormMessage } from "@/components/ui/form";
import { setupOpen } from "@/lib/auth/first-admin";
import { db } from "@/lib/db";
import { completeSetup } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

/** One-time: creates the first admin while no user exists; afterwards it only points to sign-in. */
export default async function SetupPage() {
  const open = await setupOpen(await db());
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold tracking-tight">Set up Recap</h1>
      {open ? (
        <>
          <p className="text-sm text-slate-600">Create the first admin account. Admins then add everyone else under Admin → Users.</p>
          <SetupForm completeSetup={completeSetup} />
        </>
      ) : (
        <FormMessage kind="note">
          Setup is finished: an account already exists. <Link href="/sign-in" className="font-medium text-brand-700 underline">Sign in</Link>, or ask an admin for an account.
        </FormMessage>
      )}
    </div>
  );
}
