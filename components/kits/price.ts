import { parseMajorUnits } from "@/lib/inventory/money";

/** A typed price as the API's `priceMinor`: blank → null; not an amount → NaN, which the schema refuses on the price field. */
export const priceMinor = (text: unknown): number | null => {
  if (typeof text !== "string" || text.trim() === "") return null;
  const amount = parseMajorUnits(text);
  return amount.ok ? amount.minor : Number.NaN;
};
