import enAuth from "./en/auth.json";
import enAudit from "./en/audit.json";
import enSettings from "./en/settings.json";
import enKits from "./en/kits.json";
import enForms from "./en/forms.json";
import enComputers from "./en/computers.json";
import enInfra from "./en/infra.json";
import enLedger from "./en/ledger.json";
import enCommon from "./en/common.json";
import enNav from "./en/nav.json";
import enOverview from "./en/overview.json";
import enTable from "./en/table.json";
import enSessions from "./en/sessions.json";
import enTools from "./en/tools.json";
import enWhy from "./en/why.json";
import enSeats from "./en/seats.json";
import enSimulator from "./en/simulator.json";
import enPlanning from "./en/planning.json";
import ruAuth from "./ru/auth.json";
import ruAudit from "./ru/audit.json";
import ruSettings from "./ru/settings.json";
import ruKits from "./ru/kits.json";
import ruForms from "./ru/forms.json";
import ruComputers from "./ru/computers.json";
import ruInfra from "./ru/infra.json";
import ruLedger from "./ru/ledger.json";
import ruCommon from "./ru/common.json";
import ruNav from "./ru/nav.json";
import ruOverview from "./ru/overview.json";
import ruTable from "./ru/table.json";
import ruSessions from "./ru/sessions.json";
import ruTools from "./ru/tools.json";
import ruWhy from "./ru/why.json";
import ruSeats from "./ru/seats.json";
import ruSimulator from "./ru/simulator.json";
import ruPlanning from "./ru/planning.json";

import type { Locale } from "../locales";

/**
 * One line per namespace: each file holds `{ "<namespace>": { … } }` for one locale.
 * To add a namespace, create `en/<ns>.json` and `ru/<ns>.json`, import both above and add a line here.
 * tests/unit/i18n.test.ts fails if the two locales do not have the same keys.
 */
const NAMESPACES = [
  [enCommon, ruCommon],
  [enNav, ruNav],
  [enOverview, ruOverview],
  [enTable, ruTable],
  [enAuth, ruAuth],
  [enAudit, ruAudit],
  [enSettings, ruSettings],
  [enKits, ruKits],
  [enForms, ruForms],
  [enComputers, ruComputers],
  [enInfra, ruInfra],
  [enLedger, ruLedger],
  [enSessions, ruSessions],
  [enTools, ruTools],
  [enWhy, ruWhy],
  [enSeats, ruSeats],
  [enSimulator, ruSimulator],
  [enPlanning, ruPlanning],
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The shape of the whole catalog, taken from the English files (the source language). */
export type Messages = UnionToIntersection<(typeof NAMESPACES)[number][0]>;

function merge(index: 0 | 1): Messages {
  return Object.assign({}, ...NAMESPACES.map((pair) => pair[index])) as Messages;
}

const CATALOGS: Record<Locale, Messages> = { en: merge(0), ru: merge(1) };

/** All messages of a locale, every namespace merged into one object. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}
