/**
 * "In Russian, no English leftovers" (issue 11): the literal English phrases of the catalog — every text whose
 * Russian differs, cut at its placeholders, kept when it has two words or more and appears in no Russian text —
 * and the ones a Russian page shows. Data (host names, app ids, product names) is not in the catalog, so it
 * never counts; an English text hard-coded outside the catalog would not be caught here, but by review.
 */
import type { Page } from "@playwright/test";

import { messagesFor } from "../../lib/i18n/messages";

function leaves(value: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof value === "string") return [[path.join("."), value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/** The text outside `{…}` (ICU arguments, plurals and selects, nested). */
function literalParts(message: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of message) {
    if (ch === "{") {
      if (depth === 0) parts.push(current);
      current = depth === 0 ? "" : current;
      depth++;
    } else if (ch === "}") {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/<\/?\w+>/g, " ").replace(/\s+/g, " ").trim());
}

let cached: string[] | null = null;

/** English phrases that must not appear on a Russian page. */
export function englishPhrases(): string[] {
  if (cached) return cached;
  const ru = new Map(leaves(messagesFor("ru")));
  const ruText = [...ru.values()].join("\n");
  const phrases = new Set<string>();
  for (const [key, en] of leaves(messagesFor("en"))) {
    if (ru.get(key) === en) continue;
    for (const part of literalParts(en)) {
      const words = part.split(" ").filter((w) => /[A-Za-z]{2,}/.test(w));
      if (words.length >= 2 && part.length >= 10 && !ruText.includes(part)) phrases.add(part);
    }
  }
  cached = [...phrases];
  return cached;
}

/** The catalog's English phrases found in the page's main content. */
export async function englishLeftovers(page: Page): Promise<string[]> {
  const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
  return englishPhrases().filter((p) => text.includes(p));
}
