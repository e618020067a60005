import { KITS_CSV_TEMPLATE } from "@/lib/parsers/kits-csv";

import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

/** The CSV template for the kits-and-PINs import: the header and two example kits (fake PINs). */
export const GET = route(
  () =>
    new Response("\uFEFF" + KITS_CSV_TEMPLATE, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store", "Content-Disposition": 'attachment; filename="seatledger-kits-template.csv"' },
    }),
);
