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
  // Read from the platform's own messages as public 1C tooling quotes them (tests/fixtures/messages/SOURCES.md) [M]:
  // 8.3.2x/8.5 say "no key and no software license" without a breakdown, and developer licenses bring limits of their own.
  "no-license-on-computer",
  "developer-license-restricted",
  "developer-license-limit",
  "license-combination",
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
  "no-license-on-computer": {
    en: "Neither a HASP key nor a software license was found for this computer, and no 1C server issued one (the platform's “License not found. Software protection key or obtained software license not found!”). A file infobase needs the license on this computer, readable by the OS user that runs 1C — a service account, a CI agent or a container has user folders of its own, so move the .lic file to an all-users folder or obtain the license there. A client-server infobase can take a seat from the 1C server: allow license distribution for it (license-distribution = allow). With a HASP key, check the key, the License Manager and nethasp.ini.",
    ru: "Для этого компьютера не найден ни ключ HASP, ни программная лицензия, и сервер 1С лицензию не выдал (сообщение платформы «Не найдена лицензия. Не обнаружен ключ защиты программы или полученная программная лицензия!»). Файловой базе нужна лицензия на этом компьютере, доступная пользователю ОС, от имени которого запущена 1С: у служебной учётной записи, CI-агента или контейнера свои папки пользователя — перенесите файл .lic в папку для всех пользователей или получите лицензию там. Клиент-серверная база может получить место от сервера 1С: разрешите для неё выдачу лицензий (license-distribution = allow). При ключе HASP проверьте ключ, менеджер лицензий и nethasp.ini.",
  },
  "developer-license-restricted": {
    en: "A developer license (1C:Enterprise for developers) is in use here, and it limits what may run: it serves development only and does not mix with commercial PROF/CORP licenses. Run the client with a developer license as well, or license the server and its clients commercially.",
    ru: "Здесь используется лицензия для разработчиков (1С:Предприятие для разработчиков), и она ограничивает, что можно запускать: она служит только для разработки и не сочетается с коммерческими лицензиями ПРОФ/КОРП. Запускайте клиент тоже с лицензией для разработчиков или лицензируйте сервер и его клиентов коммерческими лицензиями.",
  },
  "developer-license-limit": {
    en: "The developer license's limit on clients of one infobase is reached. Close other clients of this infobase; a client that was killed stays as a (hibernating) session and keeps its place until the session is ended — end it in the cluster console or with rac session terminate. More clients need commercial licenses.",
    ru: "Достигнуто ограничение лицензии для разработчиков на количество клиентов одной информационной базы. Закройте другие клиенты этой базы; аварийно завершённый клиент остаётся (спящим) сеансом и занимает место, пока сеанс не завершат, — завершите его в консоли кластера или командой rac session terminate. Для большего числа клиентов нужны коммерческие лицензии.",
  },
  "license-combination": {
    en: "The licenses in use cannot serve this operation together: the server's and the client's licenses are of kinds that do not combine (for example a developer license on one side and PROF/CORP on the other). The platform usually names the conflict on the next line.",
    ru: "Используемые лицензии не позволяют выполнить эту операцию вместе: лицензии сервера и клиента относятся к несочетаемым видам (например, лицензия для разработчиков на одной стороне и ПРОФ/КОРП на другой). Конфликт платформа обычно называет следующей строкой.",
  },
  unknown: {
    en: "A reason SeatLedger does not recognise; the platform's text is kept as it was.",
    ru: "Причина, которую SeatLedger не распознаёт; текст платформы сохранён как есть.",
  },
};
