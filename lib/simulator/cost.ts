/**
 * What the seats each policy needs cost (issue 11 §3, DOMAIN §4/§6): at the p95 of demand and at its peak,
 * the cheapest standard kits covering all of them and the kits to buy beyond the seats owned now, at the
 * kit prices in the settings. Money in minor units (kopecks); null where no kit size has a price.
 */
import { cheapestKits, type KitPurchase } from "../licensing/forecast";

export interface KitChoice {
  /** Largest size first. */
  kits: KitPurchase[];
  seatsBought: number;
  /** Minor units; null when seats are needed but no kit size has a price. */
  cost: number | null;
}

export interface SeatNeed {
  /** Seats the policy needs at this level of demand. */
  seats: number;
  /** Every seat bought new: the cheapest kits covering `seats`. */
  all: KitChoice;
  /** Seats missing beyond the ones owned (0 when the owned seats suffice). */
  toBuy: number;
  /** The cheapest kits covering `toBuy`. */
  buy: KitChoice;
}

export interface PolicyCost {
  p95: SeatNeed;
  peak: SeatNeed;
}

export interface CostDifference {
  /** perSession.seats − perDevice.seats. */
  seats: number;
  /** perSession.all.cost − perDevice.all.cost; null when either cannot be priced. */
  all: number | null;
  /** perSession.buy.cost − perDevice.buy.cost; null when either cannot be priced. */
  buy: number | null;
}

export interface SimulationCost {
  currency: string;
  /** Usable seats of every pool now (the Overview's total). */
  owned: number;
  perDevice: PolicyCost;
  perSession: PolicyCost;
  /** Per-session minus per-computer, at each level. */
  difference: { p95: CostDifference; peak: CostDifference };
}

export interface CostInput {
  perDevice: { p95: number; peak: number };
  perSession: { p95: number; peak: number };
  owned: number;
  kitSizes: number[];
  /** Minor units keyed by kit size (LicensingSettings.kitPrices). */
  kitPrices: Record<string, number>;
  currency: string;
}

function choice(seats: number, kitSizes: number[], kitPrices: Record<string, number>): KitChoice {
  const combo = cheapestKits(seats, kitSizes, kitPrices);
  return combo ? { kits: combo.kits, seatsBought: combo.seatsBought, cost: combo.totalCost } : { kits: [], seatsBought: 0, cost: null };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The cost table of a simulation: both policies at p95 and at the peak, against the seats owned. */
export function simulationCost(input: CostInput): SimulationCost {
  const owned = Math.max(0, Math.floor(input.owned));
  const need = (seats: number): SeatNeed => {
    const toBuy = Math.max(0, seats - owned);
    return { seats, all: choice(seats, input.kitSizes, input.kitPrices), toBuy, buy: choice(toBuy, input.kitSizes, input.kitPrices) };
  };
  const policy = (p: { p95: number; peak: number }): PolicyCost => ({ p95: need(p.p95), peak: need(p.peak) });
  const perDevice = policy(input.perDevice);
  const perSession = policy(input.perSession);
  const diff = (level: "p95" | "peak"): CostDifference => ({
    seats: perSession[level].seats - perDevice[level].seats,
    all: minus(perSession[level].all.cost, perDevice[level].all.cost),
    buy: minus(perSession[level].buy.cost, perDevice[level].buy.cost),
  });
  return { currency: input.currency, owned, perDevice, perSession, difference: { p95: diff("p95"), peak: diff("peak") } };
}
