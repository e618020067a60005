import type { BadgeTone } from "@/components/ui/badge";
import type { PinStatus } from "@/lib/domain/enums";
import type { PinHealth } from "@/lib/licensing/pin-summary";

/** How PIN health and a PIN's status look wherever they are shown. */
export const HEALTH_TONE: Record<PinHealth, BadgeTone> = { "not-activated": "neutral", ok: "success", low: "warning", exhausted: "danger" };
export const STATUS_TONE: Record<PinStatus, BadgeTone> = { unused: "accent", active: "success", spent: "neutral", void: "neutral" };
