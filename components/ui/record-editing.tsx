"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

import { buttonClass } from "./styles";
import { DeleteRecord } from "./delete-record";

export type RowAction = "edit" | "delete";

/**
 * The editing state of a list of records: the add form, the one row opened for edit or delete, and the
 * notice after a change. `done` closes both, shows the notice and renders the page again on the server.
 */
export function useRecordEditing() {
  const f = useTranslations("forms");
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ id: number; action: RowAction } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isOpen = (id: number, action: RowAction) => open?.id === id && open.action === action;
  const done = (message: string) => {
    setOpen(null);
    setAdding(false);
    setNotice(message);
    router.refresh();
  };
  return {
    adding,
    setAdding,
    isOpen,
    toggle: (id: number, action: RowAction) => setOpen(isOpen(id, action) ? null : { id, action }),
    close: () => setOpen(null),
    notice,
    done,
    /** What opens under row `id` (ServerTable's `expanded`): the edit form, or "Delete X?" for the record at `remove.url`. */
    expanded: (id: number, { edit, remove }: { edit: () => ReactNode; remove: { url: string; what: string } }): ReactNode | null => {
      if (open?.id !== id) return null;
      if (open.action === "edit") return edit();
      return <DeleteRecord url={remove.url} what={remove.what} onCancel={() => setOpen(null)} onDeleted={() => done(f("deleteConfirm.done", { what: remove.what }))} />;
    },
  };
}

/** A row's Edit and Delete buttons; `labels` name the record for screen readers ("Edit srv-1c"). */
export function RowActions({ id, editing, labels }: { id: number; editing: ReturnType<typeof useRecordEditing>; labels: Record<RowAction, string> }) {
  const f = useTranslations("forms");
  return (
    <span className="inline-flex gap-2">
      {(["edit", "delete"] as const).map((action) => (
        <button key={action} type="button" className={buttonClass("secondary", "sm")} aria-expanded={editing.isOpen(id, action)} aria-label={labels[action]} onClick={() => editing.toggle(id, action)}>
          {f(action)}
        </button>
      ))}
    </span>
  );
}
