import path from "node:path";

import type { UserRole } from "../../lib/domain/enums";

/** Where auth.setup.ts keeps the signed-in browser state of each demo role (git-ignored test-results/). */
export const storageStateOf = (role: UserRole) => path.resolve(__dirname, "..", "..", "test-results", ".auth", `${role}.json`);
