import { z } from "zod";

import { getDb } from "@/db/client";
import { addFingerprint } from "@/db/queries/computers";
import { FingerprintWireSchema, IdParamSchema, NewFingerprintSchema } from "@/lib/inventory/api";

import { readJson } from "../../../_lib/read-json";
import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

export const dynamic = "force-dynamic";

/** Records the computer's hardware as observed (the binding check's fingerprint, DOMAIN §1.4). */
export const POST = route<{ id: string }>(async (request, { params, actor, address }) => {
  const { id } = IdParamSchema.parse(params);
  const input = NewFingerprintSchema.parse(await readJson(request));
  return ok(z.object({ fingerprint: FingerprintWireSchema }), { fingerprint: addFingerprint(getDb(), id, input, { actor, address }) }, 201);
});
