"use client";

import { useCallback, useEffect, useState } from "react";

/** How long a revealed secret stays on screen before it is masked again (issue #5). */
export const REVEAL_SECONDS = 30;

export type RevealError = "unauthenticated" | "forbidden" | "not-found" | "failed";

export type RevealState<T> =
  | { status: "masked" }
  | { status: "loading" }
  | { status: "shown"; value: T; until: number; secondsLeft: number }
  | { status: "error"; error: RevealError };

const errorOf = (status: number): RevealError => (status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : status === 404 ? "not-found" : "failed");

/**
 * POSTs to a reveal route and keeps the answer for REVEAL_SECONDS, then forgets it (the state holds the
 * clear value only while it is shown). `read` picks the value out of the response body.
 */
export function useTimedReveal<T>(url: string, read: (body: unknown) => T) {
  const [state, setState] = useState<RevealState<T>>({ status: "masked" });

  const reveal = useCallback(async () => {
    setState({ status: "loading" });
    try {
      const response = await fetch(url, { method: "POST", cache: "no-store", headers: { accept: "application/json" } });
      if (!response.ok) {
        setState({ status: "error", error: errorOf(response.status) });
        return;
      }
      const value = read(await response.json());
      setState({ status: "shown", value, until: Date.now() + REVEAL_SECONDS * 1000, secondsLeft: REVEAL_SECONDS });
    } catch {
      setState({ status: "error", error: "failed" });
    }
  }, [url, read]);

  const hide = useCallback(() => setState({ status: "masked" }), []);

  const shown = state.status === "shown";
  useEffect(() => {
    if (!shown) return;
    const timer = setInterval(() => {
      setState((current) => {
        if (current.status !== "shown") return current;
        const secondsLeft = Math.ceil((current.until - Date.now()) / 1000);
        return secondsLeft <= 0 ? { status: "masked" } : { ...current, secondsLeft };
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [shown]);

  return { state, reveal, hide };
}
