const DEFAULT_TIME_ZONE = "Europe/Moscow";

/** The zone times are shown in: SEATLEDGER_TIME_ZONE when it names a real IANA zone, else Moscow. */
export function displayTimeZone(): string {
  const zone = process.env.SEATLEDGER_TIME_ZONE;
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    console.warn(`SEATLEDGER_TIME_ZONE="${zone}" is not an IANA time zone; showing times in ${DEFAULT_TIME_ZONE}.`);
    return DEFAULT_TIME_ZONE;
  }
}
