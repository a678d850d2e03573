"use client";
import { useState, type FormEvent } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

/** Redeems an invitation: better-auth's reset-password endpoint sets the first password. */
export function SetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (form.get("password") !== form.get("confirm")) return setError("The passwords do not match.");
    setPending(true);
    setError(null);
    const res = await fetch("/api/auth/reset-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, newPassword: form.get("password") }),
    });
    setPending(false);
    if (res.ok) return setDone(true);
    const body = (await res.json().catch(() => ({}))) as { message?: string; code?: string };
    setError(body.code === "INVALID_TOKEN" ? "This invitation link is not valid any more. Ask an admin for a new one." : (body.message ?? `Failed (${res.status}).`));
  }

  if (done) {
    return (
      <FormMessage kind="ok">
        Your password is set. <a className="font-medium underline" href="/sign-in">Sign in</a>.
      </FormMessage>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error && <FormMessage>{error}</FormMessage>}
      <Field label="New password" name="password" type="password" autoComplete="new-password" minLength={8} required hint="At least 8 characters." />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required />
      <SubmitButton pending={pending} className="w-full">
        Set password
      </SubmitButton>
    </form>
  );
}
