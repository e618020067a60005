/** The sections, in the order finance managers, administrators and team leads meet them (a plain module: the server filters them by role). */
export const NAV_ITEMS = [
  { key: "overview", href: "/" },
  { key: "seats", href: "/seats" },
  { key: "kits", href: "/kits" },
  { key: "computers", href: "/computers" },
  // One section for what serves licenses: keys, the 1C servers and their infobases (tabs on each page).
  { key: "keys", href: "/keys", also: ["/servers", "/infobases"] },
  { key: "sessions", href: "/sessions" },
  { key: "why", href: "/why" },
  { key: "simulator", href: "/simulator" },
  { key: "planning", href: "/planning" },
  { key: "tools", href: "/tools" },
  { key: "audit", href: "/audit" },
  { key: "settings", href: "/settings" },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]["key"];
