/**
 * "Why no free license?" (issue 11 §2): one connection asked of the engine at one instant, with the seats the
 * sessions of the capture at that time already hold (§5.1), walked through the platform's search order
 * (§4.1). The answer names every place looked at, the cause that decided the refusal (§4.2), who holds the
 * seats of the pool it wanted, and what to do.
 */
import { createAllocator, type AllocationContext, type Connection, type Step } from "./allocate";
import { CAUSE_TEXT, CAUSES, type Cause, type Localised } from "./causes";
import { cheapestKits } from "./forecast";
import type { LicensingSettings } from "./settings";

/** A session of the capture holding a seat: the pool and counting the engine assigned it (`assignHeldLicenses`). */
export interface CapturedSeat {
  id: string;
  user: string | null;
  computer: string | null;
  terminalSession: string | null;
  infobase: string | null;
  app: string | null;
  since: number | null;
  lastActiveAt: number | null;
  poolId: string;
  counting: "per-computer" | "per-session";
}

export interface WhyQuestion {
  user: string | null;
  computer: string;
  terminalSession: string | null;
  infobase: string;
  app: string;
  /** Epoch ms. */
  at: number;
}

export interface WhyPlace {
  place: "client" | "server";
  host: string;
  pool?: string;
  seats?: number;
  inUse?: number;
  /** The cause this place gave nothing, or `seat` where the license was found. */
  result: Cause | "seat";
  text: Localised;
}

export interface WhyHolder {
  user: string | null;
  computer: string | null;
  infobase: string | null;
  app: string | null;
  since: number | null;
  idleMinutes?: number;
}

export interface WhyRemedy {
  code: string;
  text: Localised;
}

export interface WhyAnswer {
  granted: boolean;
  pool?: string;
  cause?: Cause;
  places: WhyPlace[];
  holders: WhyHolder[];
  remedies: WhyRemedy[];
}

/**
 * How strongly a place's refusal explains a denial (issue 11 API): a full pool that could have served decides;
 * else the server's own refusal; else a client-side reason; a place with nothing there at all (no file, no key,
 * no License Manager) only when nothing stronger refused.
 */
const STRENGTH: Partial<Record<Cause, number>> = {
  "seats-exhausted": 0,
  "no-server-license": 1,
  "distribution-denied": 1,
  "no-file": 3,
  "no-local-key": 3,
  "no-license-manager": 3,
};
const strength = (c: Cause) => STRENGTH[c] ?? 2;

/** The step whose cause decided a refusal: the strongest, the first of equals in search order. */
export function decidingStep(looked: readonly Step[]): Step | undefined {
  let best: Step | undefined;
  for (const s of looked) if (!best || strength(s.cause) < strength(best.cause)) best = s;
  return best;
}

const minutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));

function remediesFor(cause: Cause, q: WhyQuestion, wanted: { id: string; host: string; seats: number } | undefined, holders: WhyHolder[], settings: Pick<LicensingSettings, "kitSizes" | "kitPrices">): WhyRemedy[] {
  switch (cause) {
    case "seats-exhausted": {
      const out: WhyRemedy[] = [];
      const idle = holders[0];
      if (idle) {
        const who = `${idle.user ?? "?"} (${idle.computer ?? "?"}${idle.infobase ? `, ${idle.infobase}` : ""})`;
        const how = idle.idleMinutes !== undefined ? { en: `, idle ${idle.idleMinutes} min`, ru: `, простаивает ${idle.idleMinutes} мин` } : { en: "", ru: "" };
        out.push({
          code: "free-seat",
          text: {
            en: `Free a seat: ask ${who}${how.en} to close 1C, or end that session in the cluster console.`,
            ru: `Освободите место: попросите ${who}${how.ru} закрыть 1С или завершите этот сеанс в консоли кластера.`,
          },
        });
      }
      const kits = cheapestKits(1, settings.kitSizes, settings.kitPrices);
      const size = kits ? kits.kits.map((k) => (k.count > 1 ? `${k.count}×${k.size}` : String(k.size))).join(" + ") : null;
      out.push({
        code: "buy-seats",
        text: {
          en: `Buy seats for ${wanted ? `the pool on ${wanted.host} (${wanted.seats} seats, all taken)` : "this pool"}${size ? `: the smallest purchase that adds one is a ${size}-seat client kit` : ""}; see Planning for how many the demand needs.`,
          ru: `Купите места для ${wanted ? `пула на ${wanted.host} (${wanted.seats} мест, все заняты)` : "этого пула"}${size ? `: наименьшая покупка, добавляющая место, — клиентский комплект на ${size}` : ""}; сколько нужно по спросу — в разделе «Планирование».`,
        },
      });
      return out;
    }
    case "no-license-manager":
      return [
        {
          code: "fix-nethasp",
          text: {
            en: `No HASP License Manager answered ${q.computer}: check its nethasp.ini (Tools → nethasp.ini check: TCP/IP on, NH_SERVER_ADDR set, broadcast off), that UDP/TCP 475 passes the firewall, and that the License Manager service runs.`,
            ru: `Менеджер лицензий HASP не ответил компьютеру ${q.computer}: проверьте его nethasp.ini («Инструменты» → проверка nethasp.ini: TCP/IP включён, задан NH_SERVER_ADDR, широковещательный поиск выключен), что брандмауэр пропускает UDP/TCP 475 и что служба менеджера лицензий запущена.`,
          },
        },
      ];
    case "no-file":
    case "no-local-key":
      return [
        {
          code: "record-license",
          text: {
            en: `No license is reachable from ${q.computer}: activate a license on it (record it in the PIN ledger), plug in a key, or open ${q.infobase} through the 1C server with license distribution allowed. If a license was obtained for this computer, move its .lic file to a folder the process reads (DOMAIN §1.5).`,
            ru: `С компьютера ${q.computer} недоступна ни одна лицензия: активируйте на нём лицензию (и запишите её в журнал ПИН-кодов), подключите ключ или откройте ${q.infobase} через сервер 1С с разрешённой выдачей лицензий. Если лицензия для этого компьютера получалась, перенесите её файл .lic в папку, которую читает процесс (DOMAIN §1.5).`,
          },
        },
      ];
    case "distribution-denied":
      return [
        {
          code: "allow-distribution",
          text: {
            en: `Allow license distribution for ${q.infobase} (cluster console, or rac infobase update --license-distribution=allow), or give its users licenses of their own.`,
            ru: `Разрешите выдачу лицензий для ${q.infobase} (консоль кластера или rac infobase update --license-distribution=allow) или дайте её пользователям собственные лицензии.`,
          },
        },
      ];
    case "no-server-license":
      return [{ code: "server-license", text: { en: "Activate a 1C server license on the server's computer (64-bit also covers a 32-bit server) or plug in a server key.", ru: "Активируйте лицензию сервера 1С на компьютере сервера (64-разрядная подходит и для 32-разрядного) или подключите серверный ключ." } }];
    default:
      return [{ code: cause, text: CAUSE_TEXT[cause] }];
  }
}

/** Answers one question (pure): the captured seats are held first, then the asked connection walks the search order. */
export function answerWhy(ctx: AllocationContext, captured: readonly CapturedSeat[], q: WhyQuestion, settings: Pick<LicensingSettings, "kitSizes" | "kitPrices">): WhyAnswer {
  const allocator = createAllocator(ctx);
  for (const s of captured) {
    allocator.occupy({ id: s.id, user: s.user, host: s.computer ?? "", terminalSession: s.terminalSession, infobase: s.infobase ?? "", app: s.app ?? "", start: s.since ?? q.at }, s.poolId, s.counting);
  }
  const pools = new Map(ctx.pools.map((p) => [p.id, p]));
  const placeOf = (s: Step): WhyPlace => {
    const pool = s.poolId ? pools.get(s.poolId) : undefined;
    return { place: s.place, host: s.host, ...(pool ? { pool: pool.id, seats: pool.seats, inUse: allocator.heldIn(pool.id) } : {}), result: s.cause, text: s.text };
  };
  const asked: Connection = { id: "why", user: q.user, host: q.computer, terminalSession: q.terminalSession, infobase: q.infobase, app: q.app, start: q.at };
  const a = allocator.allocate(asked);
  if (a.kind === "no-seat") return { granted: true, places: [], holders: [], remedies: [] };
  if (a.kind === "seat") {
    const pool = pools.get(a.poolId)!;
    const found: WhyPlace = {
      place: a.obtainedBy,
      host: pool.host,
      pool: pool.id,
      seats: pool.seats,
      inUse: allocator.heldIn(pool.id),
      result: "seat",
      text: {
        en: a.shared ? "This computer already holds a seat here: every application and infobase on it shares it (§4, per computer)." : a.counting === "per-session" ? "A free seat, issued by the 1C server for this session (§4, per session)." : "A free seat for this computer (§4, per computer).",
        ru: a.shared ? "Этот компьютер уже занимает здесь место: все приложения и базы на нём делят его (§4, на компьютер)." : a.counting === "per-session" ? "Свободное место, выданное сервером 1С на этот сеанс (§4, на сеанс)." : "Свободное место для этого компьютера (§4, на компьютер).",
      },
    };
    return { granted: true, pool: pool.id, places: [...a.looked.map(placeOf), found], holders: [], remedies: [] };
  }
  const decided = decidingStep(a.looked);
  const cause: Cause = decided?.cause ?? "no-file";
  const poolId = cause === "seats-exhausted" ? decided?.poolId : undefined;
  const holders: WhyHolder[] = poolId
    ? captured
        .filter((s) => s.poolId === poolId)
        // A last activity after the question's time (a capture refreshed since) says nothing about idling then.
        .map((s) => ({ user: s.user, computer: s.computer, infobase: s.infobase, app: s.app, since: s.since, ...(s.lastActiveAt === null || s.lastActiveAt > q.at ? {} : { idleMinutes: minutes(q.at - s.lastActiveAt) }) }))
        .sort((x, y) => (y.idleMinutes ?? -1) - (x.idleMinutes ?? -1) || (x.since ?? 0) - (y.since ?? 0))
    : [];
  const wanted = poolId ? pools.get(poolId) : undefined;
  return {
    granted: false,
    ...(poolId ? { pool: poolId } : {}),
    cause,
    places: a.looked.map(placeOf),
    holders,
    remedies: remediesFor(cause, q, wanted && { id: wanted.id, host: wanted.host, seats: wanted.seats }, holders, settings),
  };
}

/**
 * The platform's "no free license" message laid out as 1C prints it (DOMAIN §4.2): the title, "по причине:", the
 * client's places under "Поиск лицензии на клиенте:", the server's under "Поиск лицензии на сервере:", one line each.
 */
export function noFreeLicenseMessage(lines: ReadonlyArray<{ text: string; place: "client" | "server" }>): string {
  const of = (place: "client" | "server") => lines.filter((l) => l.place === place).map((l) => `  ${l.text}`);
  const server = of("server");
  return ["Не обнаружено свободной лицензии!", "по причине:", "Поиск лицензии на клиенте:", ...of("client"), ...(server.length ? ["Поиск лицензии на сервере:", ...server] : [])].join("\n");
}

const isCause = (v: unknown): v is Cause => typeof v === "string" && (CAUSES as readonly string[]).includes(v);

/**
 * The cause an event's explanation lines decide, by the rule `POST /api/why` uses (`decidingStep`), and the pool it
 * wanted when that cause is a full pool (lines the engine wrote name their pool; pasted messages do not).
 */
export function decidedByExplanation(json: string): { cause: Cause | null; pool: string | null } {
  try {
    const lines: unknown = JSON.parse(json);
    if (!Array.isArray(lines)) return { cause: null, pool: null };
    const steps = lines
      .filter((l): l is { cause: Cause; pool?: unknown } => !!l && isCause(l.cause))
      .map((l) => ({ place: "client" as const, host: "", source: "soft-local" as const, cause: l.cause, poolId: typeof l.pool === "string" ? l.pool : undefined, text: { en: "", ru: "" } }));
    const step = decidingStep(steps);
    return { cause: step?.cause ?? null, pool: step?.cause === "seats-exhausted" ? (step.poolId ?? null) : null };
  } catch {
    return { cause: null, pool: null };
  }
}

