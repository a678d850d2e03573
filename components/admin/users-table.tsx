"use client";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { useActionButton, type Action } from "./use-action-form";

type User = { id: string; name: string; email: string; role: Role; disabled: boolean; hasPassword: boolean };

export function UsersTable({ users, meId, changeRole, setDisabled }: { users: User[]; meId: string; changeRole: Action<void>; setDisabled: Action<void> }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Name</th>
            <th scope="col" className="py-2 pr-4 font-medium">Email</th>
            <th scope="col" className="py-2 pr-4 font-medium">Role</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <UserRow key={u.id} user={u} isMe={u.id === meId} changeRole={changeRole} setDisabled={setDisabled} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user, isMe, changeRole, setDisabled }: { user: User; isMe: boolean; changeRole: Action<void>; setDisabled: Action<void> }) {
  const role = useActionButton(changeRole);
  const toggle = useActionButton(setDisabled);
  const error = role.error ?? toggle.error;
  return (
    <tr data-testid={`user-${user.email}`} className={user.disabled ? "text-slate-400" : undefined}>
      <td className="py-2 pr-4 font-medium">
        {user.name}
        {isMe && <span className="ml-2 text-xs text-slate-500">(you)</span>}
      </td>
      <td className="py-2 pr-4">{user.email}</td>
      <td className="py-2 pr-4">
        <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
        <select
          id={`role-${user.id}`}
          defaultValue={user.role}
          disabled={role.pending}
          onChange={(e) => role.trigger({ userId: user.id, role: e.target.value })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-4">
        {user.disabled ? "Disabled" : user.hasPassword ? "Active" : "Invited"}
        {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
      </td>
      <td className="py-2 text-right">
        {!isMe && (
          <button
            type="button"
            disabled={toggle.pending}
            onClick={() => toggle.trigger({ userId: user.id, disabled: !user.disabled })}
            className="rounded-md border border-slate-300 px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            {user.disabled ? `Enable ${user.email}` : `Disable ${user.email}`}
          </button>
        )}
      </td>
    </tr>
  );
}
