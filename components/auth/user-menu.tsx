"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Who is signed in, and sign-out (better-auth's HTTP handler deletes the session row). */
export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => undefined);
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <div className="flex items-center gap-3">
      <span className="text-right leading-tight">
        <span className="block font-medium text-slate-900" title={email}>
          {name}
        </span>
        <span className="block text-xs text-slate-500" data-testid="current-role">
          {roleLabel}
        </span>
      </span>
      <button
        type="button"
        onClick={signOut}
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60"
      >
        Sign out
      </button>
    </div>
  );
}
