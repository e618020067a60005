import { generateNethasp, lintNethasp, NethaspFormSchema } from "@/lib/parsers/nethasp";

import { readJson } from "../../../_lib/read-json";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

/**
 * Writes a commented nethasp.ini (DOMAIN §3 "usual good config") from a JSON form
 * `{ addresses, port?, method?, broadcast?, sessionTimeout?, sendReceiveTimeout?, serverNames?, lineEnding? }`,
 * as a download. An invalid form is a 400 naming the field (ZodError through handle()).
 */
export const POST = route(async (request: Request) => {
  const form = NethaspFormSchema.parse(await readJson(request));
  const text = generateNethasp(form);
  // Output checked before it leaves (STYLE.md): a generated file the linter faults is our bug, a 500.
  const faults = lintNethasp(text).findings.filter((f) => f.severity !== "info");
  if (faults.length > 0) throw new Error(`Generated nethasp.ini fails its own lint: ${faults.map((f) => f.code).join(", ")}`);
  return new Response(text, {
    status: 200,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": 'attachment; filename="nethasp.ini"',
      "Cache-Control": "no-store",
    },
  });
});
