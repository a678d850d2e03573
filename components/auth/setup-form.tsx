"use client";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Setup = (input: unknown) => Promise<ActionResult<{ email: string }>>;

/** Creates the first admin with the server action, then signs in through the HTTP handler. */
export function SetupForm({ completeSetup }: { completeSetup: Setup }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = Object.fromEntries(form.entries());
    if (input.password !== input.confirm) {
      setErrors({ confirm: "The passwords do not match." });
      return;
    }
    setPending(true);
    setErrors({});
    setMessage(null);
    const result = await completeSetup(input);
    if (!result.ok) {
      setErrors(result.error.fields ?? (result.error.field ? { [result.error.field]: result.error.message } : {}));
      if (!result.error.field) setMessage(result.error.message);
      setPending(false);
      return;
    }
    const res = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: input.email, password: input.password }),
    });
    window.location.assign(res.ok ? "/admin" : "/sign-in");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {message && <FormMessage>{message}</FormMessage>}
      <Field label="Your name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="username" required error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" minLength={8} required error={errors.password} hint="At least 8 characters." />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required error={errors.confirm} />
      <SubmitButton pending={pending} className="w-full">
        Create the admin account
      </SubmitButton>
    </form>
  );
}
