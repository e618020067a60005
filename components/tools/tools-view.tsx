"use client";

import { useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

import { cn } from "@/components/ui/cn";
import type { NethaspFormInput } from "@/lib/parsers/nethasp";

import { BindingTool } from "./binding-tool";
import { MessageExplainer } from "./message-explainer";
import { NethaspCheck } from "./nethasp-check";
import { NethaspGenerator } from "./nethasp-generator";

export const TOOLS = ["nethasp", "generator", "message", "binding"] as const;
export type Tool = (typeof TOOLS)[number];

/**
 * The Tools page (DESIGN.md: admin; finance and read tokens too): four stateless helpers, one tab each, the
 * open tab in the URL (`?tool=binding`, as filters are) and `/tools#binding` understood as well. Every panel stays
 * mounted, so a pasted file or a half-edited plan survives a look at another tool.
 */
export function ToolsView({ canPickComputer }: { canPickComputer: boolean }) {
  const t = useTranslations("tools");
  const [tool, setTool] = useQueryState("tool", parseAsStringLiteral(TOOLS).withDefault("nethasp").withOptions({ history: "replace", scroll: false }));
  // What the checker hands the generator; `n` remounts the generator's form with it, even for the same values twice.
  const [seed, setSeed] = useState<{ form: NethaspFormInput; n: number } | null>(null);
  const tabs = useRef<Record<Tool, HTMLButtonElement | null>>({ nethasp: null, generator: null, message: null, binding: null });

  // `/tools#message` (an anchor in a link or a bookmark) opens that tool once.
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if ((TOOLS as readonly string[]).includes(hash)) void setTool(hash as Tool);
  }, [setTool]);

  const open = (next: Tool, focus = false) => {
    void setTool(next);
    if (focus) tabs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TOOLS.indexOf(tool);
    const to = e.key === "ArrowRight" ? TOOLS[(i + 1) % TOOLS.length] : e.key === "ArrowLeft" ? TOOLS[(i + TOOLS.length - 1) % TOOLS.length] : e.key === "Home" ? TOOLS[0] : e.key === "End" ? TOOLS[TOOLS.length - 1] : null;
    if (!to) return;
    e.preventDefault();
    open(to, true);
  };

  return (
    <div className="flex flex-col gap-6">
      <div role="tablist" aria-label={t("tabs.label")} className="-mb-px flex gap-1 overflow-x-auto border-b border-slate-200">
        {TOOLS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tool === id}
            aria-controls={`panel-${id}`}
            tabIndex={tool === id ? 0 : -1}
            onClick={() => open(id)}
            onKeyDown={onKeyDown}
            className={cn(
              "shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap",
              tool === id ? "border-accent-600 font-semibold text-accent-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      {TOOLS.map((id) => (
        <section key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tool !== id} className={tool === id ? "flex flex-col gap-6" : "hidden"}>
          {id === "nethasp" && (
            <NethaspCheck
              onOpenInGenerator={(form: NethaspFormInput) => {
                setSeed((s) => ({ form, n: (s?.n ?? 0) + 1 }));
                open("generator");
              }}
            />
          )}
          {id === "generator" && <NethaspGenerator key={seed?.n ?? 0} initial={seed?.form} />}
          {id === "message" && <MessageExplainer onCheckBinding={() => open("binding")} />}
          {id === "binding" && <BindingTool canPickComputer={canPickComputer} />}
        </section>
      ))}
    </div>
  );
}
