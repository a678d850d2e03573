import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Frame = { id: string; label: string; error?: string; hint?: ReactNode; className?: string; children: (describedBy: string | undefined) => ReactNode };

/** Label, control, hint and error (announced to screen readers), for every form control. */
function FieldFrame({ id, label, error, hint, className, children }: Frame) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

const control = (error?: string) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500 ${error ? "border-red-400" : "border-slate-300"}`;

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: ReactNode };

/** A labelled input with its error beside it. */
export function Field({ label, name, error, hint, id, className, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  return (
    <FieldFrame id={inputId} label={label} error={error} hint={hint} className={className}>
      {(describedBy) => <input id={inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={control(error)} {...input} />}
    </FieldFrame>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; hint?: ReactNode; children: ReactNode };

/** A labelled select with its error beside it. */
export function SelectField({ label, name, error, hint, id, className, children, ...select }: SelectProps) {
  const selectId = id ?? `field-${name}`;
  return (
    <FieldFrame id={selectId} label={label} error={error} hint={hint} className={className}>
      {(describedBy) => (
        <select id={selectId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={control(error)} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export function Checkbox({ label, name, defaultChecked, hint }: { label: string; name: string; defaultChecked?: boolean; hint?: string }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} value="true" defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
      <span>
        {label}
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

/** A form-level message: an error (role=alert) or a note. */
export function FormMessage({ kind = "error", children }: { kind?: "error" | "ok" | "note"; children: ReactNode }) {
  const tone = kind === "error" ? "border-red-200 bg-red-50 text-red-800" : kind === "ok" ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-slate-200 bg-slate-50 text-slate-700";
  return (
    <p role={kind === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {children}
    </p>
  );
}

export function SubmitButton({ pending, children, className = "" }: { pending?: boolean; children: ReactNode; className?: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60 ${className}`}
    >
      {pending ? "Working…" : children}
    </button>
  );
}
