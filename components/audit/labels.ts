/** Action codes the catalog has a label for (`audit.actions.*`); any other code is shown as it is. */
export const KNOWN_ACTIONS = [
  "settings.update",
  "token.create",
  "token.revoke",
  "token.use",
  "user.create",
  "user.update",
  "user.delete",
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.sign-out",
  "auth.password-change",
  "auth.password-change-failed",
  "pin.reveal",
  "owner.reveal",
  "sessions.import",
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export const KNOWN_ENTITIES = ["user", "api_token", "settings", "pin", "owner", "kit", "session_snapshot"] as const;
export type KnownEntity = (typeof KNOWN_ENTITIES)[number];

export const isKnownAction = (code: string): code is KnownAction => (KNOWN_ACTIONS as readonly string[]).includes(code);
export const isKnownEntity = (code: string): code is KnownEntity => (KNOWN_ENTITIES as readonly string[]).includes(code);
