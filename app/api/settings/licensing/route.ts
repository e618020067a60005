import { z } from "zod";

import { getDb } from "@/db/client";
import { DEFAULT_SETTINGS, getLicensingSettings, saveLicensingSettings } from "@/db/queries/settings";
import { LicensingSettingsPatchSchema, LicensingSettingsSchema } from "@/lib/licensing/settings";

import { readJson } from "../../_lib/read-json";
import { handle, ok } from "../../_lib/respond";

export const dynamic = "force-dynamic";

const SettingsResponse = z.object({ settings: LicensingSettingsSchema, defaults: LicensingSettingsSchema });
const SettingKey = z.enum(Object.keys(LicensingSettingsSchema.shape) as [keyof typeof LicensingSettingsSchema.shape, ...Array<keyof typeof LicensingSettingsSchema.shape>]);
const PatchRequest = z.object({ set: LicensingSettingsPatchSchema.optional(), reset: z.array(SettingKey).optional() }).strict();

/** The values behind the [M]/[L] rules of DOMAIN.md in force now, and their defaults. */
export const GET = handle(() => ok(SettingsResponse, { settings: getLicensingSettings(getDb()), defaults: DEFAULT_SETTINGS }));

/** Changes some settings (`set`) and/or returns some to their defaults (`reset`); all or nothing. */
export const PATCH = handle(async (request: Request) => {
  const { set = {}, reset = [] } = PatchRequest.parse(await readJson(request));
  // Until sign-in exists (issue #5) the actor is unknown; the address is what the proxy saw.
  const settings = saveLicensingSettings(getDb(), set, reset, { actor: null, address: request.headers.get("x-forwarded-for") });
  return ok(SettingsResponse, { settings, defaults: DEFAULT_SETTINGS });
});
