"use client";
import { useState } from "react";
import { Field, FormMessage, SubmitButton, SelectField } from "@/components/ui/form";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { useActionForm, type Action } from "./use-action-form";

type Invite = { id: string; link: string; expiresAt: string };

export function NewUserForm({ createUser, inviteUser }: { createUser: Action<{ id: string }>; inviteUser: Action<Invite> }) {
  const [mode, setMode] = useState<"password" | "invite">("password");
  const [done, setDone] = useState<string | null>(null);
  const [invite, setInvite] = useState<Invite | null>(null);
  const create = useActionForm(createUser, { reset: true, onOk: (_d, input) => (setInvite(null), setDone(`Added ${String(input.email).trim().toLowerCase()}. They can sign in now.`)) });
  const inv = useActionForm(inviteUser, { reset: true, onOk: (d) => (setDone(null), setInvite(d)) });
  const f = mode === "password" ? create : inv;
  return (
    <div className="space-y-4">
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">How they get a password</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" checked={mode === "password"} onChange={() => setMode("password")} /> Set a password
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" checked={mode === "invite"} onChange={() => setMode("invite")} /> Invite with a link
        </label>
      </fieldset>
      {done && <FormMessage kind="ok">{done}</FormMessage>}
      {invite && (
        <FormMessage kind="ok">
          Invitation ready. Send this link (valid until {new Date(invite.expiresAt).toLocaleString()}):{" "}
          <code data-testid="invite-link" className="break-all select-all">{invite.link}</code>
        </FormMessage>
      )}
      {f.message && <FormMessage>{f.message}</FormMessage>}
      <form onSubmit={f.onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label="Add someone">
        <Field label="Name" name="name" required error={f.errors.name} />
        <Field label="Email" name="email" type="email" required error={f.errors.email} />
        <SelectField label="Role" name="role" defaultValue="supervisor" error={f.errors.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </SelectField>
        {mode === "password" && <Field label="First password" name="password" type="password" autoComplete="new-password" minLength={8} required error={f.errors.password} hint="At least 8 characters; tell them to keep it safe." />}
        <div className="sm:col-span-2">
          <SubmitButton pending={f.pending}>{mode === "password" ? "Add user" : "Create invitation"}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
