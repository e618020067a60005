import { createElement } from "react";
import { createTranslator } from "use-intl/core";
import { describe, expect, test, vi } from "vitest";

import { messagesFor } from "@/lib/i18n/messages";
import { basicDeliveryWarning } from "@/lib/licensing/warnings";
import type { Inventory } from "@/lib/licensing/types";

// The component reads next-intl's server API; here it is use-intl's core, failing on a missing message.
const intl = vi.hoisted(() => ({ locale: "en" as "en" | "ru" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: intl.locale, messages: messagesFor(intl.locale), namespace: namespace as never, onError: (e) => { throw e; } }),
  getLocale: async () => intl.locale,
}));

async function render(locale: "en" | "ru", inventory: Inventory): Promise<string> {
  intl.locale = locale;
  const { InventoryWarnings } = await import("@/components/kits/inventory-warnings");
  const { prerenderToNodeStream } = await import("react-dom/static");
  const warning = basicDeliveryWarning(inventory);
  const { prelude } = await prerenderToNodeStream((await InventoryWarnings({ warnings: warning ? [warning] : [] })) ?? createElement("div"));
  let html = "";
  for await (const chunk of prelude) html += chunk;
  return html;
}

/** A company with one 5-seat client kit active on a workstation, and (optionally) a basic delivery. */
const company = (basicActive: boolean): Inventory => ({
  kits: [
    { id: 1, regNumber: "8100000001", product: "Client 5", kind: "client", seats: 5, protection: "software", usageMode: "single" },
    { id: 2, regNumber: "8000000002", product: "Basic", kind: "basic", seats: 1, protection: "software", usageMode: basicActive ? "single" : null },
  ],
  pins: [
    { id: 1, kitId: 1, set: "single", role: "main", status: "active" },
    { id: 2, kitId: 2, set: "single", role: "main", status: basicActive ? "active" : "unused" },
  ],
  activations: [],
  computers: [],
  keys: [],
  servers: [],
});

describe("the Overview's and the kits page's warning: client licenses need an activated basic delivery (DOMAIN §1.1)", () => {
  test.each(["en", "ru"] as const)("%s: shown with the engine's message, the remedy and the rule when no basic delivery is active", async (locale) => {
    const html = await render(locale, company(false));
    const warning = basicDeliveryWarning(company(false))!;
    expect(html).toContain('data-testid="warning-no-basic-delivery"');
    expect(html).toContain(warning.message[locale]);
    expect(html).toContain(warning.remedy[locale]);
    expect(html).toContain("DOMAIN §1.1");
  });

  test("not shown once the basic delivery is activated", async () => {
    expect(await render("en", company(true))).not.toContain("warning-no-basic-delivery");
  });
});
