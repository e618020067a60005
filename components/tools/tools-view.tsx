"use client";

import { useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useEffect, useState } from "react";

import { TabList } from "@/components/ui/tabs";
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

  // `/tools#message` (an anchor in a link or a bookmark) opens that tool once.
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if ((TOOLS as readonly string[]).includes(hash)) void setTool(hash as Tool);
  }, [setTool]);

  const open = (next: Tool) => void setTool(next);

  return (
    <div className="flex flex-col gap-6">
      <TabList label={t("tabs.label")} tabs={TOOLS.map((id) => ({ id, label: t(`tabs.${id}`) }))} selected={tool} onSelect={(id) => open(id)} />
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
