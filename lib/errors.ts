/**
 * The one application error type (STYLE.md "Requests"): a stable machine code, a message a person can
 * act on, the HTTP status it maps to, and optional details. Never put a PIN or owner data in it.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
