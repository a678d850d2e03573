"use client";
import { useState, type FormEvent } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

/** Posts to better-auth's HTTP handler (/api/auth/sign-in/email), where the sign-in rate limit applies. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        // A full navigation, so the server renders the signed-in layout with the new cookie.
        window.location.assign(next);
        return;
      }
      setError(await messageFor(res));
    } catch {
      setError("Recap did not answer. Check that it is running and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      {error && <FormMessage>{error}</FormMessage>}
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <SubmitButton pending={pending} className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}

async function messageFor(res: Response): Promise<string> {
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (res.status === 401) return "Wrong email or password.";
  if (res.status === 429) {
    const wait = res.headers.get("x-retry-after");
    return `Too many sign-in attempts. Wait ${wait ? `${wait} seconds` : "a minute"} and try again.`;
  }
  if (res.status === 403 && body.message) return body.message;
  return body.message ?? `Sign-in failed (${res.status}).`;
}
