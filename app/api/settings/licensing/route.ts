import { z } from "zod";

import { getDb } from "@/db/client";
import { DEFAULT_SETTINGS, getLicensingSettings, saveLicensingSettings } from "@/db/queries/settings";
import { LicensingSettingsPatchSchema, LicensingSettingsResponseSchema, LicensingSettingsSchema } from "@/lib/licensing/settings";

import { readJson } from "../../_lib/read-json";
import { ok } from "../../_lib/respond";
import { route } from "../../_lib/guard";

export const dynamic = "force-dynamic";

const SettingKey = z.enum(Object.keys(LicensingSettingsSchema.shape) as [keyof typeof LicensingSettingsSchema.shape, ...Array<keyof typeof LicensingSettingsSchema.shape>]);
const PatchRequest = z.object({ set: LicensingSettingsPatchSchema.optional(), reset: z.array(SettingKey).optional() }).strict();

/** The values behind the [M]/[L] rules of DOMAIN.md in force now, and their defaults. */
export const GET = route(() => ok(LicensingSettingsResponseSchema, { settings: getLicensingSettings(getDb()), defaults: DEFAULT_SETTINGS }));

/** Changes some settings (`set`) and/or returns some to their defaults (`reset`); all or nothing. */
export const PATCH = route(async (request, { actor, address }) => {
  const { set = {}, reset = [] } = PatchRequest.parse(await readJson(request));
  const settings = saveLicensingSettings(getDb(), set, reset, { actor, address });
  return ok(LicensingSettingsResponseSchema, { settings, defaults: DEFAULT_SETTINGS });
});
