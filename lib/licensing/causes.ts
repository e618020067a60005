/**
 * Why a place of the search order gave no license (DOMAIN §4.1–4.2). The same codes serve the
 * engine's computed explanations and the parser of the platform's "no free license" message, so a
 * pasted message and a simulated denial read alike.
 */
import type { Localised } from "../domain/localised";

export const CAUSES = [
  "no-file",
  "seats-exhausted",
  "server-license-only",
  "no-server-license",
  "no-local-key",
  "no-license-manager",
  "binding-changed",
  "unreadable-file",
  "distribution-denied",
  "file-mode-single-user-only",
  "unknown",
] as const;

export type Cause = (typeof CAUSES)[number];

export type { Localised };

/** Plain-language meaning of each cause and what to do about it. */
export const CAUSE_TEXT: Record<Cause, Localised> = {
  "no-file": {
    en: "No license file was found here. If a license was obtained for this computer, check that its .lic file is in a folder this process reads (all users vs one user; the 1C server's service user) — a license file may be moved, never copied.",
    ru: "Файл лицензии здесь не найден. Если лицензия для этого компьютера получалась, проверьте, что её файл .lic лежит в папке, которую читает этот процесс (для всех пользователей или для одного; пользователь службы сервера 1С). Файл лицензии можно перенести, но не копировать.",
  },
  "seats-exhausted": {
    en: "Every seat of this license is taken. Free one (close idle sessions) or buy more seats.",
    ru: "Все места этой лицензии заняты. Освободите место (закройте простаивающие сеансы) или купите дополнительные места.",
  },
  "server-license-only": {
    en: "The file found is a 1C server license, not a client one: it cannot start client applications. A client license is needed.",
    ru: "Найденный файл — лицензия сервера 1С, а не клиентская: она не позволяет запускать клиентские приложения. Нужна клиентская лицензия.",
  },
  "no-server-license": {
    en: "The 1C server has no server license of its own, so client-server infobases cannot work. Activate a server license (64-bit also covers a 32-bit server) or plug in a server key.",
    ru: "У сервера 1С нет собственной лицензии сервера, поэтому клиент-серверные базы работать не могут. Активируйте лицензию сервера (64-разрядная подходит и для 32-разрядного сервера) или подключите серверный ключ.",
  },
  "no-local-key": {
    en: "No HASP key is plugged into this computer. That is normal if licenses come from elsewhere.",
    ru: "К этому компьютеру не подключён ключ HASP. Это нормально, если лицензии приходят из другого места.",
  },
  "no-license-manager": {
    en: "No HASP License Manager answered: it is down, blocked by a firewall (UDP/TCP 475), or nethasp.ini does not point at it (broadcast does not cross subnets).",
    ru: "Менеджер лицензий HASP не ответил: он остановлен, заблокирован брандмауэром (UDP/TCP 475) или nethasp.ini на него не указывает (широковещательный поиск не проходит между подсетями).",
  },
  "binding-changed": {
    en: "The computer's hardware changed since the license was obtained, so the license no longer binds. Recover it — a backup PIN is spent if key parameters changed.",
    ru: "Оборудование компьютера изменилось после получения лицензии, и она больше не подходит. Восстановите лицензию — при изменении ключевых параметров расходуется резервный ПИН-код.",
  },
  "unreadable-file": {
    en: "A license file exists but this process cannot read it (permissions): unreadable files are silently skipped. Give the service user read access.",
    ru: "Файл лицензии есть, но процесс не может его прочитать (права доступа): такие файлы молча пропускаются. Дайте пользователю службы право на чтение.",
  },
  "distribution-denied": {
    en: "The infobase's license-distribution setting is deny: the 1C server will not issue client licenses for it. Allow it in the cluster console, or give these users their own licenses.",
    ru: "В информационной базе выдача лицензий запрещена (license-distribution = deny): сервер 1С не выдаёт для неё клиентские лицензии. Разрешите выдачу в консоли кластера или дайте пользователям собственные лицензии.",
  },
  "file-mode-single-user-only": {
    en: "A file-mode infobase can use only single-user licenses (except on a terminal server): the seats left here belong to a multi-user license, which cannot serve it. Give this computer a single-user license or a key, open the infobase through the terminal server, or move it to client-server mode.",
    ru: "Файловая информационная база может использовать только однопользовательские лицензии (кроме работы через терминальный сервер): оставшиеся здесь места принадлежат многопользовательской лицензии, и она эту базу не обслуживает. Дайте этому компьютеру однопользовательскую лицензию или ключ, откройте базу через терминальный сервер или переведите её в клиент-серверный режим.",
  },
  unknown: {
    en: "A reason SeatLedger does not recognise; the platform's text is kept as it was.",
    ru: "Причина, которую SeatLedger не распознаёт; текст платформы сохранён как есть.",
  },
};
