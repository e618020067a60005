import { clsx, type ClassValue } from "clsx";

/** Joins class names, skipping falsy ones (clsx). */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
