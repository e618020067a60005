import { cn } from "./cn";

/** Class names shared by server and client components: buttons and form controls look the same everywhere. */
export type ButtonKind = "primary" | "secondary" | "danger" | "link";

const BUTTONS: Record<ButtonKind, string> = {
  primary: "bg-accent-700 text-white hover:bg-accent-800",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
  link: "text-accent-700 underline-offset-2 hover:underline",
};

/** Class names of a button; `aria-disabled` (pending) dims it without taking it out of the tab order. */
export function buttonClass(kind: ButtonKind, size: "sm" | "md" = "md") {
  return cn(
    "inline-flex items-center justify-center gap-1 rounded-md font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-wait aria-disabled:opacity-70",
    kind !== "link" && (size === "sm" ? "px-2.5 py-1 text-xs" : "px-4 py-2 text-sm"),
    kind === "link" && "text-sm",
    BUTTONS[kind],
  );
}

export const CONTROL = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-accent-600 focus:ring-2 focus:ring-accent-200 aria-invalid:border-red-500";
