import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { AppError } from "@/lib/errors";
import { additionalPinLetter, formatPin, licPlacementAdvice, normalisePin, type AdditionalPinLetterInput, type LicPlacementInput } from "@/lib/licensing/texts";

/** The AppError a call throws (or fails the test). */
function thrown(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

describe("normalisePin / formatPin — DOMAIN §1.2", () => {
  test.each([
    ["§1.2: 15 digits as stored", "123456789012345", "123456789012345", "123-456-789-012-345"],
    ["§1.2: printed in groups with dashes", "12345-67890-12345", "123456789012345", "123-456-789-012-345"],
    ["§1.2: typed with spaces and stray whitespace", " 123 456 789 012 345\n", "123456789012345", "123-456-789-012-345"],
    ["§1.2: already grouped by 3", "123-456-789-012-345", "123456789012345", "123-456-789-012-345"],
    ["§1.2 [L]: 16 digits", "1234-5678-9012-3456", "1234567890123456", "123-456-789-012-345-6"],
  ])("%s", (_name, input, normalised, formatted) => {
    expect(normalisePin(input)).toBe(normalised);
    expect(formatPin(input)).toBe(formatted);
  });

  test.each([
    ["§1.2: 14 digits are too few", "12345678901234"],
    ["§1.2: 17 digits are too many", "12345678901234567"],
    ["§1.2: empty", ""],
    ["§1.2: a letter O typed for a zero is refused, not stripped", "123-456-789-O12-345"],
    ["§1.2: a pasted label is refused (its digits would join the code)", "PIN 1: 123-456-789-012-345"],
    ["§1.2: Cyrillic letters too", "123-456-789-012-З45"],
  ])("%s", (_name, input) => {
    const error = thrown(() => normalisePin(input, "validPin"));
    expect(error).toMatchObject({ code: "invalid-input", status: 400, details: { field: "validPin" } });
    expect(error.message).toMatch(/^validPin: /);
    // AppError never carries the PIN itself (lib/errors.ts).
    expect(error.message).not.toContain(input.replace(/\D/g, "") || "\u0000");
  });

  fcTest.prop([fc.stringMatching(/^\d{15,16}$/)])("§1.2: normalising what formatPin printed gives the code back", (code) => {
    expect(normalisePin(formatPin(code))).toBe(code);
    expect(formatPin(code)).toMatch(/^\d{3}(-\d{3}){4}(-\d)?$/);
  });
});

describe("additionalPinLetter — DOMAIN §1.2", () => {
  const input: AdditionalPinLetterInput = {
    regNumber: "8100123456",
    company: "ООО «Ромашка»",
    validPin: "123 456 789 012 345",
    reason: "Замена материнской платы сервера 1С; резервные ПИН-коды использованы.",
    contactName: "Иванов Иван",
    contactEmail: "it@romashka.example",
    date: "2025-03-04",
  };

  test("§1.2: the Russian letter carries registration number, company, the valid PIN grouped by 3, the reason, and offers the request file", () => {
    const { ru } = additionalPinLetter(input);
    expect(ru.subject).toBe("Запрос дополнительного ПИН-кода");
    expect(ru.body).toContain("Регистрационный номер продукта: 8100123456");
    expect(ru.body).toContain("Организация: ООО «Ромашка»");
    expect(ru.body).toContain("взамен которого просим выдать новый: 123-456-789-012-345");
    expect(ru.body).toContain("Причина: Замена материнской платы сервера 1С");
    expect(ru.body).toMatch(/файл запроса на получение лицензии, сформированный по действующему ПИН-коду/);
    expect(ru.body).toContain("Контактное лицо: Иванов Иван");
    expect(ru.body).toContain("Электронная почта: it@romashka.example");
    expect(ru.body.endsWith("Иванов Иван\nООО «Ромашка»\n04.03.2025")).toBe(true);
  });

  test("§1.2: the English letter is the same request for the reader", () => {
    const { en } = additionalPinLetter(input);
    expect(en.subject).toBe("Request for an additional PIN code");
    expect(en.body).toContain("Product registration number: 8100123456");
    expect(en.body).toContain("Company: ООО «Ромашка»");
    expect(en.body).toContain("in exchange for which we ask for a new one: 123-456-789-012-345");
    expect(en.body).toContain("license request file generated with the valid PIN code");
    expect(en.body.endsWith("4 March 2025")).toBe(true);
  });

  test("§1.2: contact lines are left out when not given; a 12-digit registration number and a 16-digit PIN are fine", () => {
    const { ru, en } = additionalPinLetter({ ...input, contactName: undefined, contactEmail: "  ", regNumber: "500001234567", validPin: "1234567890123456" });
    expect(ru.body).not.toContain("Контактное лицо");
    expect(en.body).not.toContain("E-mail");
    expect(ru.body).toContain("500001234567");
    expect(ru.body).toContain("123-456-789-012-345-6");
    expect(ru.body.endsWith("С уважением,\nООО «Ромашка»\n04.03.2025")).toBe(true);
  });

  test("§1.2: a kit without an owner or an active PIN gets the letter with those lines blank, to fill in by hand", () => {
    const { ru, en } = additionalPinLetter({ ...input, company: null, validPin: null, contactName: undefined });
    expect(ru.body).toContain("Организация: \n");
    expect(ru.body).toContain("взамен которого просим выдать новый: \n");
    expect(en.body).toContain("Company: \n");
    expect(ru.body.endsWith("С уважением,\n04.03.2025")).toBe(true);
  });

  test.each([
    ["§1.1: registration number of 8 digits", { regNumber: "81001234" }, "regNumber"],
    ["§1.1: registration number of 13 digits", { regNumber: "8100123456789" }, "regNumber"],
    ["§1.1: registration number with a letter", { regNumber: "81001234A6" }, "regNumber"],
    ["§1.2: PIN of 14 digits", { validPin: "12345678901234" }, "validPin"],
    ["§1.2: PIN with a letter", { validPin: "123-456-789-O12-345" }, "validPin"],
    ["§1.2: company missing", { company: "   " }, "company"],
    ["§1.2: reason missing", { reason: "" }, "reason"],
    ["contact e-mail malformed", { contactEmail: "it at romashka" }, "contactEmail"],
    ["date not YYYY-MM-DD", { date: "04.03.2025" }, "date"],
    ["date not on the calendar", { date: "2025-02-30" }, "date"],
  ])("%s → a 400 naming the field", (_name, patch, field) => {
    const error = thrown(() => additionalPinLetter({ ...input, ...patch }));
    expect(error).toMatchObject({ code: "invalid-input", status: 400, details: { field } });
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });
});

describe("licPlacementAdvice — DOMAIN §1.5", () => {
  const base: LicPlacementInput = { os: "windows", platform: "8.3", mode: "file", visibility: "all-users" };
  const paths = (i: LicPlacementInput, who?: "client" | "server") =>
    licPlacementAdvice(i)
      .folders.filter((f) => !who || f.who === who)
      .map((f) => f.path);
  const allText = (i: LicPlacementInput) => {
    const r = licPlacementAdvice(i);
    return [...r.advice, ...r.warnings].map((t) => `${t.en}\n${t.ru}`).join("\n");
  };

  test.each([
    [
      "§1.5 [H]: Windows 8.3, all users, file mode: the system folders in search order",
      base,
      [
        "%ProgramFiles%\\1cv8\\<version>\\bin\\conf",
        "<folder named by ConfLocation in conf.cfg>",
        "%ALLUSERSPROFILE%\\1C\\1cv8\\conf",
        "%ALLUSERSPROFILE%\\1C\\licenses",
        "%ProgramData%\\1C\\licenses",
      ],
    ],
    ["§1.5 [H]: Windows 8.3, current user: the per-user folder, then the %APPDATA% fallback", { ...base, visibility: "current-user" as const }, ["%LOCALAPPDATA%\\1C\\1cv8\\conf", "%APPDATA%\\1C\\1cv8\\"]],
    ["§1.5 [H]: Windows XP, current user: Local Settings", { ...base, windowsEdition: "xp" as const, visibility: "current-user" as const }, ["%USERPROFILE%\\Local Settings\\1C\\1cv8\\conf", "%APPDATA%\\1C\\1cv8\\"]],
    [
      "§1.5 [H]: Windows XP, all users: no %ProgramData% on XP",
      { ...base, windowsEdition: "xp" as const },
      ["%ProgramFiles%\\1cv8\\<version>\\bin\\conf", "<folder named by ConfLocation in conf.cfg>", "%ALLUSERSPROFILE%\\1C\\1cv8\\conf", "%ALLUSERSPROFILE%\\1C\\licenses"],
    ],
    ["§1.5 [H]: platform 8.2, all users: the 1Cv82 folders", { ...base, platform: "8.2" as const }, ["%ProgramFiles%\\1cv82\\<version>\\bin\\conf", "%ALLUSERSPROFILE%\\1C\\1Cv82\\conf"]],
    ["§1.5 [H]: platform 8.2, current user", { ...base, platform: "8.2" as const, visibility: "current-user" as const }, ["%LOCALAPPDATA%\\1C\\1Cv82\\conf"]],
    ["§1.5 [H/M]: Linux, all users, file mode", { ...base, os: "linux" as const }, ["/var/1C/licenses", "/opt/1cv8/conf", "/opt/1cv8/<arch>/<version>/conf"]],
    ["§1.5 [H/M]: Linux, current user", { ...base, os: "linux" as const, visibility: "current-user" as const }, ["~/.1cv8/1C/1cv8/conf"]],
  ])("%s", (_name, i, expected) => {
    const result = licPlacementAdvice(i);
    expect(result.folders.map((f) => f.path)).toEqual(expected);
    expect(result.folders.every((f) => f.who === "client")).toBe(true);
    expect(new Set(result.folders.map((f) => f.scope))).toEqual(new Set([i.visibility === "all-users" ? "system" : "user"]));
  });

  test("§1.5 [H]: Linux client-server with usr1cv8: the client's folders, then the server's system folders and the service user's home", () => {
    const i: LicPlacementInput = { os: "linux", platform: "8.3", mode: "client-server", visibility: "all-users", serverServiceUser: "usr1cv8" };
    const result = licPlacementAdvice(i);
    expect(result.folders.filter((f) => f.who === "server")).toEqual([
      { path: "/var/1C/licenses", scope: "system", who: "server" },
      { path: "~usr1cv8/.1cv8/1C/1cv8/conf", scope: "service-user", who: "server" },
      { path: "/opt/1cv8/conf", scope: "system", who: "server" },
      { path: "/opt/1cv8/<arch>/<version>/conf", scope: "system", who: "server" },
    ]);
    expect(result.folders.findIndex((f) => f.who === "server")).toBe(paths(i, "client").length);
    const text = allText(i);
    expect(text).toMatch(/the client looks on its own computer first; then the 1C server process, running as its service user \(usr1cv8\)/);
    expect(text).toContain("sudo -u usr1cv8 test -r /var/1C/licenses/");
    expect(text).toMatch(/read permission .* service user \(usr1cv8\)/);
    expect(result.warnings).toEqual([]);
  });

  test("§1.5 [H]: Windows client, Linux server: the server side follows the server's OS", () => {
    const i: LicPlacementInput = { os: "windows", platform: "8.3", mode: "client-server", visibility: "current-user", serverOs: "linux", serverServiceUser: "usr1cv8" };
    expect(paths(i, "client")).toEqual(["%LOCALAPPDATA%\\1C\\1cv8\\conf", "%APPDATA%\\1C\\1cv8\\"]);
    expect(paths(i, "server")[0]).toBe("/var/1C/licenses");
    expect(licPlacementAdvice(i).warnings[0].en).toMatch(/and the 1C server's service user/);
  });

  test("§1.5 [H]: Windows client-server: the service user's folders are written out, not as %LOCALAPPDATA%", () => {
    const i: LicPlacementInput = { ...base, mode: "client-server", serverServiceUser: "USR1CV8" };
    expect(licPlacementAdvice(i).folders.filter((f) => f.scope === "service-user").map((f) => f.path)).toEqual([
      "%SystemDrive%\\Users\\USR1CV8\\AppData\\Local\\1C\\1cv8\\conf",
      "%SystemDrive%\\Users\\USR1CV8\\AppData\\Roaming\\1C\\1cv8\\",
    ]);
  });

  test.each<[string, LicPlacementInput]>([
    ["Windows 8.3 file mode", base],
    ["Windows XP current user", { ...base, windowsEdition: "xp", visibility: "current-user" }],
    ["8.2", { ...base, platform: "8.2" }],
    ["Linux client-server", { os: "linux", platform: "8.3", mode: "client-server", visibility: "all-users", serverServiceUser: "usr1cv8" }],
  ])("§1.5: the rules every answer gives (%s): move never copy, one copy, unreadable skipped, file → client-server", (_name, i) => {
    const text = allText(i);
    expect(text).toMatch(/works only for that OS user.*MOVE it to a system folder — a license file may be moved, never copied/);
    expect(text).toContain("the same license file in two places can become unusable");
    expect(text).toContain("A file the process cannot read is silently skipped");
    expect(text).toMatch(/from file mode to client-server without moving the license file is a classic cause of "license not found"/);
    expect(text).toContain("ПЕРЕНЕСИТЕ файл в системную папку");
  });

  test.each<[string, LicPlacementInput, RegExp]>([
    ["§1.5: current user only is a warning", { ...base, visibility: "current-user" }, /Obtained for the current user only/],
    ["§1.5: XP folders and an OS change", { ...base, windowsEdition: "xp" }, /Windows XP keeps per-user licenses in %USERPROFILE%\\Local Settings\\1C\\1cv8\\conf/],
    ["§1.5: 8.3 does not search the 8.2 folders", { ...base, platform: "8.2" }, /1Cv82 folders, which 8.3 does not search/],
    ["§1.5: 8.2 on Linux is not covered by the reference", { ...base, os: "linux", platform: "8.2" }, /does not cover 8.2 on Linux/],
    ["§1.5: client-server without the service user names a placeholder", { ...base, mode: "client-server" }, /replace <service user>/],
    ["§1.5: server settings are ignored in file mode", { ...base, serverServiceUser: "usr1cv8" }, /server settings were ignored/],
  ])("%s", (_name, i, pattern) => {
    expect(licPlacementAdvice(i).warnings.map((w) => w.en).join("\n")).toMatch(pattern);
  });

  test("§1.5: file mode names the client on the user's computer; all-users Windows 8.3 prefers %ProgramData%\\1C\\licenses and warns off bin\\conf", () => {
    const text = allText(base);
    expect(text).toMatch(/File mode: the client process on the user's computer looks for the license/);
    expect(text).toMatch(/Prefer %ProgramData%\\1C\\licenses/);
    expect(text).toMatch(/Avoid the version's bin\\conf folder/);
    expect(licPlacementAdvice(base).warnings).toEqual([]);
  });

  test("every text has both languages", () => {
    for (const i of [base, { ...base, os: "linux" as const, platform: "8.2" as const, mode: "client-server" as const, visibility: "current-user" as const }]) {
      const r = licPlacementAdvice(i);
      for (const t of [...r.advice, ...r.warnings]) {
        expect(t.en.length).toBeGreaterThan(10);
        expect(t.ru).toMatch(/[а-яё]/i);
      }
    }
  });
});
