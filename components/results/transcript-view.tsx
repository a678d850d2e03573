// A transcript as text: whitespace kept, and the speaker at the start of a line in bold.
// Lines are split and rendered as React text, never as HTML.

const SPEAKER = /^([A-Za-z][\w .'()-]{0,39}):(\s|$)/;

export function TranscriptView({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <div className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 text-sm leading-6 text-slate-800" tabIndex={0} aria-label="Transcript text">
      {lines.map((line, i) => {
        const m = SPEAKER.exec(line);
        return (
          <div key={i}>
            {m ? (
              <>
                <strong className="font-semibold text-slate-900">{m[1]}:</strong>
                {line.slice(m[1].length + 1)}
              </>
            ) : (
              line || "\u00a0"
            )}
          </div>
        );
      })}
    </div>
  );
}
