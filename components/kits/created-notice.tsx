"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

import { Notice } from "@/components/ui/controls";

/** "Recorded" after a redirect with `?created=1`: shown once, the flag dropped from the address so a reload does not repeat it. */
export function CreatedNotice({ text }: { text: string }) {
  const pathname = usePathname();
  useEffect(() => window.history.replaceState(null, "", pathname), [pathname]);
  return <Notice tone="success">{text}</Notice>;
}
