import { z } from "zod";

import { getDb } from "@/db/client";
import { listKitsWithPins } from "@/db/queries/pins";
import { KIT_KINDS, KIT_LEVELS, KIT_PROTECTIONS, PIN_ROLES, PIN_SETS, PIN_SOURCES, PIN_STATUSES, SERVER_BITNESS, USAGE_MODES } from "@/lib/domain/enums";
import { clearCharacters, TEXT_MASK } from "@/lib/security/mask";

import { ok } from "../_lib/respond";
import { route } from "../_lib/guard";

export const dynamic = "force-dynamic";

// The output schema is a last line of defence: a code with more than 3 clear characters, or an owner
// value that is not a mask, fails it and the response is a 500, never a leak.
const MaskedCode = z.string().refine((code) => clearCharacters(code) <= 3, "a PIN must leave the server masked");
const MaskedValue = z.string().refine((value) => value.trim() === "" || (value.endsWith(TEXT_MASK) && Array.from(value).length === 1 + Array.from(TEXT_MASK).length), "owner data must leave the server masked");

const PinsResponse = z.object({
  kits: z.array(
    z.object({
      id: z.number().int(),
      regNumber: z.string(),
      product: z.string(),
      kind: z.enum(KIT_KINDS),
      level: z.enum(KIT_LEVELS),
      seats: z.number().int(),
      protection: z.enum(KIT_PROTECTIONS),
      usageMode: z.enum(USAGE_MODES).nullable(),
      serverBitness: z.enum(SERVER_BITNESS).nullable(),
      ownerId: z.number().int().nullable(),
      ownerName: z.string().nullable(),
      purchaseDate: z.string().nullable(),
      priceMinor: z.number().int().nullable(),
      currency: z.string(),
      supplier: z.string().nullable(),
      pins: z.array(
        z.object({
          id: z.number().int(),
          set: z.enum(PIN_SETS),
          role: z.enum(PIN_ROLES),
          status: z.enum(PIN_STATUSES),
          source: z.enum(PIN_SOURCES),
          maskedCode: MaskedCode.nullable(),
          receivedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  owners: z.array(z.object({ id: z.number().int(), name: z.string(), fields: z.array(z.object({ field: z.string(), value: MaskedValue })).nullable() })),
});

/** Every kit with its PINs, and every owner: PIN codes and owner registration data masked (issue #5). */
export const GET = route(() => ok(PinsResponse, listKitsWithPins(getDb())));
