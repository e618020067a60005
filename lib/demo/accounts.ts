import type { UserRole } from "@/lib/domain/enums";

/**
 * The demo company's sign-in accounts, one per role (issue #5). Demo only: created with the demo data,
 * never when SEATLEDGER_DEMO=0. The README lists them; change or delete them before real use.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: UserRole; password: string }> = [
  { email: "admin@demo.seatledger", name: "Ирина Котова", role: "admin", password: "demo-admin-2026" },
  { email: "finance@demo.seatledger", name: "Олег Белов", role: "finance", password: "demo-finance-2026" },
  { email: "lead@demo.seatledger", name: "Мария Соколова", role: "lead", password: "demo-lead-2026" },
  { email: "viewer@demo.seatledger", name: "Пётр Орлов", role: "viewer", password: "demo-viewer-2026" },
];
