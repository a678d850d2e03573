"use client";
import { useState } from "react";
import { ServiceRoleForm } from "./service-role-form";
import { useActionButton, type Action } from "./use-action-form";

type Check = { ok: boolean; message: string; at: string };
type Role = { id: string; name: string; roleArn: string; isDefault: boolean; batches: number; lastCheck: Check | null };
type Props = { roles: Role[]; check: Action<Check>; remove: Action<void>; save: Action<{ id: string }> };

export function ServiceRoleList({ roles, ...actions }: Props) {
  return (
    <ul className="divide-y divide-slate-100">
      {roles.map((r) => (
        <RoleRow key={r.id} role={r} {...actions} />
      ))}
    </ul>
  );
}

function RoleRow({ role, check, remove, save }: { role: Role } & Omit<Props, "roles">) {
  const [editing, setEditing] = useState(false);
  const probe = useActionButton(check);
  const del = useActionButton(remove);
  const last = role.lastCheck;
  const button = "rounded-md border border-slate-300 px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60";
  return (
    <li className="py-3" data-testid={`service-role-${role.name}`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-medium">{role.name}</span>
        {role.isDefault && <span className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">default</span>}
        <code className="break-all text-xs text-slate-500">{role.roleArn}</code>
        <span className="ml-auto flex gap-2">
          <button type="button" className={button} disabled={probe.pending} onClick={() => probe.trigger({ id: role.id })}>
            {probe.pending ? "Checking…" : `Check ${role.name}`}
          </button>
          <button type="button" className={button} onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            {editing ? "Close" : "Edit"}
          </button>
          {role.batches === 0 && (
            <button type="button" className={button} disabled={del.pending} onClick={() => confirm(`Delete ${role.name}?`) && del.trigger({ id: role.id })}>
              Delete
            </button>
          )}
        </span>
      </div>
      <p role="status" className="mt-1 text-sm" data-testid="role-check">
        {last ? (
          <span className={last.ok ? "text-emerald-700" : "text-red-700"}>
            {last.ok ? "✓ Usable" : "✗ Failed"}: {last.message} <span className="text-slate-500">({new Date(last.at).toLocaleString()})</span>
          </span>
        ) : (
          <span className="text-slate-500">Not checked yet.</span>
        )}
      </p>
      {(probe.error ?? del.error) && <p role="alert" className="text-sm text-red-600">{probe.error ?? del.error}</p>}
      {editing && (
        <div className="mt-3 rounded-lg bg-slate-50 p-4">
          <ServiceRoleForm run={save} values={role} onSaved={() => setEditing(false)} />
        </div>
      )}
    </li>
  );
}
