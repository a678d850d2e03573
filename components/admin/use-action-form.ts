"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionError, ActionResult } from "@/lib/action";

export type Action<T> = (input: unknown) => Promise<ActionResult<T>>;

function fieldErrors(error: ActionError): Record<string, string> {
  if (error.fields) return error.fields;
  return error.field ? { [error.field]: error.message } : {};
}

/**
 * Submits a form's fields to a server action, shows each error beside its field (or above the
 * form when it names none), and refreshes the server-rendered page on success.
 */
export function useActionForm<T>(run: Action<T>, opts: { onOk?: (data: T, input: Record<string, FormDataEntryValue>) => void; reset?: boolean } = {}) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const input = Object.fromEntries(new FormData(form).entries());
    startTransition(async () => {
      const result = await run(input);
      if (result.ok) {
        setErrors({});
        setMessage(null);
        if (opts.reset) form.reset();
        opts.onOk?.(result.data, input);
        router.refresh();
      } else {
        const fields = fieldErrors(result.error);
        setErrors(fields);
        setMessage(Object.keys(fields).length === 0 || fields._ ? result.error.message : null);
      }
    });
  }
  return { onSubmit, errors, message, pending };
}

/** Runs an action from a button (toggle, check, delete); returns the error message to show, if any. */
export function useActionButton<T>(run: Action<T>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function trigger(input: unknown, onOk?: (data: T) => void) {
    startTransition(async () => {
      const result = await run(input);
      if (result.ok) {
        setError(null);
        onOk?.(result.data);
        router.refresh();
      } else setError(result.error.message);
    });
  }
  return { trigger, error, pending };
}
