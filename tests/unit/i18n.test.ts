import { describe, expect, test } from "vitest";

import { DEFAULT_LOCALE, LOCALES, pickLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

describe("pickLocale", () => {
  test.each([
    // [cookie, Accept-Language, expected]
    ["ru", null, "ru"],
    ["en", "ru-RU,ru;q=0.9", "en"],
    ["ru", "en-US,en;q=0.9", "ru"],
    [undefined, undefined, "en"],
    [null, "", "en"],
    [undefined, "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"],
    [undefined, "en-US,en;q=0.9,ru;q=0.8", "en"],
    [undefined, "RU", "ru"],
    [undefined, "uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.7", "ru"],
    [undefined, "de-DE,de;q=0.9,en;q=0.8,ru;q=0.7", "en"],
    [undefined, "de-DE,fr;q=0.9", "en"],
    [undefined, "en;q=0.5, ru;q=0.8", "ru"],
    [undefined, "ru;q=0, en;q=0.1", "en"],
    [undefined, "*", "en"],
    [undefined, "ru;q=abc, en", "en"],
    [undefined, "en, ru", "en"],
    [undefined, "ru, en", "ru"],
  ] as const)("cookie %j, Accept-Language %j → %s", (cookie, acceptLanguage, expected) => {
    expect(pickLocale(cookie, acceptLanguage)).toBe(expected);
  });

  test.each(["de", "EN", "", " ru", "ru-RU", "../etc"])("an unknown cookie value %j falls back to the header", (cookie) => {
    expect(pickLocale(cookie, "ru")).toBe("ru");
    expect(pickLocale(cookie, null)).toBe(DEFAULT_LOCALE);
  });
});

/** Dotted paths of every leaf; arrays and objects are walked, a leaf is anything else. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix === "" ? key : `${prefix}.${key}`));
}

/**
 * Names of the arguments (`{count}`, `{count, plural, …}`) and `<tags>` of an ICU message, which every
 * translation must keep. A plural branch's text (`one {# key}`) is not an argument: a name counts only
 * when `,` or `}` follows it.
 */
function argumentsOf(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]|<\/?([A-Za-z0-9_]+)>/g)].map((m) => m[1] ?? m[2]);
  return [...new Set(names)].sort();
}

function leaf(messages: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
}

describe("message catalogs", () => {
  const [en, ...others] = LOCALES.map((locale) => ({ locale, messages: messagesFor(locale) }));

  test("arguments are told from plural branch text", () => {
    expect(argumentsOf("{n, plural, =0 {none left} one {# <b>key</b>} other {# keys}} on {host}")).toEqual(["b", "host", "n"]);
  });

  test("the English catalog is not empty", () => {
    expect(keyPaths(en.messages).length).toBeGreaterThan(10);
  });

  test.each(others)("$locale has exactly the keys of en", ({ messages }) => {
    expect(keyPaths(messages).sort()).toEqual(keyPaths(en.messages).sort());
  });

  test.each(LOCALES)("every message of %s is a non-empty string", (locale) => {
    const messages = messagesFor(locale);
    for (const path of keyPaths(messages)) {
      const value = leaf(messages, path);
      expect(typeof value === "string" && value.trim() !== "", `${locale}: ${path}`).toBe(true);
    }
  });

  test.each(others)("$locale keeps the placeholders and tags of en", ({ messages }) => {
    for (const path of keyPaths(en.messages)) {
      expect(argumentsOf(String(leaf(messages, path))), path).toEqual(argumentsOf(String(leaf(en.messages, path))));
    }
  });
});
