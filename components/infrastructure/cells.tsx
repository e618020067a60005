import Link from "next/link";
import { Fragment } from "react";

import { Badge, type BadgeTone } from "@/components/ui/badge";

/** Table cells the section's lists share. A dash marks what is not recorded. */

export function ComputerLink({ id, name }: { id: number | null; name: string | null }) {
  if (id === null || name === null) return <>—</>;
  return (
    <Link href={`/computers/${id}`} className="text-accent-700 hover:underline">
      {name}
    </Link>
  );
}

export function Code({ value }: { value: string | number | null }) {
  return value === null || value === "" ? <>—</> : <span className="font-mono">{value}</span>;
}

export function Muted({ text }: { text: string | null }) {
  return <span className="text-slate-600">{text ?? ""}</span>;
}

/** A status word with the reason under it, in words (the tone never carries the meaning alone). */
export function StatusBadge({ tone, text, help }: { tone: BadgeTone; text: string; help?: string }) {
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge tone={tone}>{text}</Badge>
      {help && <span className="text-xs text-slate-500">{help}</span>}
    </span>
  );
}

/** A folder path that may wrap only after a separator (`\\fs01\1c\` | `zup`), never inside a name. */
export function PathCode({ path }: { path: string | null }) {
  if (!path) return <>—</>;
  const parts = path.split(/(?<=[^\\/][\\/])/);
  return (
    <span className="font-mono text-xs">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
