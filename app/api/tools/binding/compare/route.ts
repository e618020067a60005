import { z } from "zod";

import { BindingVerdictSchema, compareFingerprints, FingerprintSchema } from "@/lib/licensing/binding";

import { readJson } from "../../../_lib/read-json";
import { ok } from "../../../_lib/respond";
import { route } from "../../../_lib/guard";

const CompareRequest = z.object(
  { activated: FingerprintSchema, current: FingerprintSchema },
  { error: "The body must be a JSON object { activated, current }, each a fingerprint (DOMAIN §1.4)." },
);

/** Binding check (DOMAIN §1.4): which differences between the activation fingerprint and the current one break the license. */
export const POST = route(async (request: Request) => {
  const { activated, current } = CompareRequest.parse(await readJson(request));
  return ok(BindingVerdictSchema, compareFingerprints(activated, current));
});
