"use client";

import { useRef, type KeyboardEvent } from "react";

import { cn } from "./cn";

/**
 * The tabs of a page whose open tab lives in the URL (Tools, Simulator): a `tablist` of buttons `tab-<id>`
 * controlling sections `panel-<id>` (the page renders those), arrow keys, Home and End moving between them.
 */
export function TabList<T extends string>({ label, tabs, selected, onSelect }: { label: string; tabs: ReadonlyArray<{ id: T; label: string }>; selected: T; onSelect: (id: T) => void }) {
  const buttons = useRef(new Map<T, HTMLButtonElement | null>());
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const ids = tabs.map((tab) => tab.id);
    const i = ids.indexOf(selected);
    const to = e.key === "ArrowRight" ? ids[(i + 1) % ids.length] : e.key === "ArrowLeft" ? ids[(i + ids.length - 1) % ids.length] : e.key === "Home" ? ids[0] : e.key === "End" ? ids[ids.length - 1] : null;
    if (!to) return;
    e.preventDefault();
    onSelect(to);
    buttons.current.get(to)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="-mb-px flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map(({ id, label: text }) => (
        <button
          key={id}
          ref={(el) => {
            buttons.current.set(id, el);
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={selected === id}
          aria-controls={`panel-${id}`}
          tabIndex={selected === id ? 0 : -1}
          onClick={() => onSelect(id)}
          onKeyDown={onKeyDown}
          className={cn(
            "shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap",
            selected === id ? "border-accent-600 font-semibold text-accent-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
          )}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
