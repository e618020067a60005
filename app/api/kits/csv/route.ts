import { z } from "zod";

import { getDb } from "@/db/client";
import { exportKitsCsv, importKitsCsv } from "@/db/queries/kits-io";
import { getLicensingSettings } from "@/db/queries/settings";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/security/access";

import { readText } from "../../_lib/read-text";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

const ExportQuery = z.object({ pins: z.enum(["masked", "clear"], { error: "must be masked or clear" }).default("masked") });
const day = () => new Date().toISOString().slice(0, 10);

/**
 * Every kit and its PINs as CSV, in the columns the import reads. PINs masked; `?pins=clear` (administrators
 * only, audited like a reveal of every PIN) for a backup of the envelopes.
 */
export const GET = route((request, { principal, actor, address }) => {
  const { pins } = ExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (pins === "clear" && !can(principal, "secrets.reveal")) throw new AppError("forbidden", 'pins: only administrators may export PIN codes in clear (your role or token scope does not include "secrets.reveal").', 403);
  const text = exportKitsCsv(getDb(), { clear: pins === "clear" }, { actor, address });
  return new Response("\uFEFF" + text, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="seatledger-kits-${pins}-${day()}.csv"` },
  });
});

/**
 * Imports kits and PINs from CSV (the template's columns; UTF-8, Windows-1251 or CP866; `,` or `;`). Every
 * bad row is reported (400 `invalid-csv`, `details.errors[]` of `{line, column, message, text: {en, ru}}`) and nothing is
 * written unless every row is good; 201 `{imported: {kits, pins}}`.
 */
export const POST = route(async (request, { actor, address }) => {
  const { text } = await readText(request, 4 * 1024 * 1024);
  const db = getDb();
  return ok(z.object({ imported: z.object({ kits: z.number().int(), pins: z.number().int() }) }), { imported: importKitsCsv(db, text, getLicensingSettings(db).multiOnlyMinSeats, { actor, address }) }, 201);
});
