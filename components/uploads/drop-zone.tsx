"use client";
import { useId, useState, type DragEvent } from "react";

export const ACCEPT = ".csv,.tsv,.txt,.text,.json,.jsonl,.ndjson,.zip";

/** A file chooser that also takes dropped files. The real <input type=file> keeps keyboard and screen-reader use. */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled && e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors focus-within:border-brand-500 focus-within:bg-brand-50 ${
        over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"
      }`}
    >
      <label htmlFor={id} className="cursor-pointer">
        <span className="block text-base font-medium text-slate-900">Drop transcript files here, or choose files</span>
        <span className="mt-1 block text-sm text-slate-600">
          One CSV (one row per call or per turn); JSON or JSONL files, including Amazon Transcribe, Call Analytics, Contact Lens and
          PCA output; several .txt files; or a .zip of .txt or JSON files.
        </span>
        <span className="mt-4 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">Choose files</span>
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        disabled={disabled}
        className="sr-only"
        onChange={(e) => {
          if (e.target.files?.length) onFiles([...e.target.files]);
          e.target.value = "";
        }}
      />
    </div>
  );
}
