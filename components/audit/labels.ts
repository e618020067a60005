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
  "event.create",
  "owner.create",
  "kit.create",
  "kit.update",
  "kit.delete",
  "kit.request-letter",
  "kit.ring-command",
  "kits.export",
  "kits.import",
  "pin.create",
  "activation.create",
  "computer.create",
  "computer.update",
  "computer.delete",
  "fingerprint.create",
  "key.create",
  "key.update",
  "key.delete",
  "server.create",
  "server.update",
  "server.delete",
  "infobase.create",
  "infobase.update",
  "infobase.delete",
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export const KNOWN_ENTITIES = ["user", "api_token", "settings", "pin", "owner", "kit", "session_snapshot", "activation", "computer", "key", "server", "infobase", "no_license_event"] as const;
export type KnownEntity = (typeof KNOWN_ENTITIES)[number];

export const isKnownAction = (code: string): code is KnownAction => (KNOWN_ACTIONS as readonly string[]).includes(code);
export const isKnownEntity = (code: string): code is KnownEntity => (KNOWN_ENTITIES as readonly string[]).includes(code);
