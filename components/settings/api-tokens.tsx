"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";
import { useActionButton, useActionForm, type Action } from "@/components/admin/use-action-form";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
type Created = { id: string; token: string; prefix: string; name: string };

/** Create a token (shown once, here), list the user's tokens, revoke one. */
export function ApiTokens({ tokens, createToken, revokeToken }: { tokens: Token[]; createToken: Action<Created>; revokeToken: Action<{ id: string }> }) {
  const [created, setCreated] = useState<Created | null>(null);
  const form = useActionForm(createToken, { reset: true, onOk: (d) => setCreated(d) });
  return (
    <div className="space-y-6">
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-green-300 bg-green-50 p-4 text-sm">
          <p className="font-medium">Token “{created.name}” created. Copy it now: Recap keeps only a hash and cannot show it again.</p>
          <label htmlFor="new-token" className="sr-only">New API token</label>
          <input id="new-token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} className="block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
          <Button variant="secondary" onClick={() => setCreated(null)}>I have copied it</Button>
        </div>
      )}
      {form.message && <FormMessage>{form.message}</FormMessage>}
      <form onSubmit={form.onSubmit} aria-label="Create an API token" className="flex flex-wrap items-end gap-3">
        <Field label="Token name" name="name" required maxLength={100} error={form.errors.name} hint="What will use it, e.g. “nightly import”." className="min-w-64 flex-1" />
        <SubmitButton pending={form.pending}>Create token</SubmitButton>
      </form>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">No tokens yet. Create one above to call the API from a script.</p>
      ) : (
        <Table caption="Your API tokens" head={<><Th>Name</Th><Th>Token</Th><Th>Created</Th><Th>Last used</Th><Th>Status</Th><Th><span className="sr-only">Actions</span></Th></>}>
          {tokens.map((t) => <TokenRow key={t.id} token={t} revokeToken={revokeToken} />)}
        </Table>
      )}
    </div>
  );
}

function TokenRow({ token, revokeToken }: { token: Token; revokeToken: Action<{ id: string }> }) {
  const revoke = useActionButton(revokeToken);
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid={`token-${token.name}`} className={token.revokedAt ? "text-slate-400" : undefined}>
      <Td className="font-medium">{token.name}</Td>
      <Td><code>{token.prefix}…</code></Td>
      <Td>{formatDateTime(token.createdAt)}</Td>
      <Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</Td>
      <Td>{token.revokedAt ? `Revoked ${formatDateTime(token.revokedAt)}` : "Active"}</Td>
      <Td>
        {!token.revokedAt && !confirming && <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>Revoke</Button>}
        {!token.revokedAt && confirming && (
          <div role="group" aria-label={`Confirm revoking ${token.name}`} className="flex gap-2">
            <Button variant="danger" disabled={revoke.pending} onClick={() => revoke.trigger({ tokenId: token.id }, () => setConfirming(false))}>Yes, revoke</Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        )}
        {revoke.error && <p role="alert" className="text-sm text-red-600">{revoke.error}</p>}
      </Td>
    </tr>
  );
}
