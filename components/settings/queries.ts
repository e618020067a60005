/**
 * The Settings page's server state (TanStack Query): users and API tokens through /api/users and
 * /api/tokens. Keys are `['users', 'list']` and `['tokens', 'list']`; every mutation invalidates its
 * prefix when it settles (a failure such as "already deleted" also means the list is stale).
 */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z, type ZodType } from "zod";

import type { TokenScope, UserRole } from "@/lib/domain/enums";

import {
  TokenCreatedResponseSchema,
  TokenListResponseSchema,
  UserCreatedResponseSchema,
  UserListResponseSchema,
  UserUpdatedResponseSchema,
} from "@/lib/security/account-api";

export const userKeys = {
  all: ["users"] as const,
  list: () => ["users", "list"] as const,
};

export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => ["tokens", "list"] as const,
};

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** A refused or failed request, with the API's error body (app/api/_lib/respond.ts). `status` 0: no answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function call<T>(schema: ZodType<T> | null, url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      cache: "no-store",
      headers: { accept: "application/json", ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  if (!res.ok) {
    const body = ErrorBodySchema.safeParse(await res.json().catch(() => null));
    if (body.success) throw new ApiError(res.status, body.data.error.code, body.data.error.message, body.data.error.issues);
    throw new ApiError(res.status, "http", `HTTP ${res.status}`);
  }
  return schema === null ? (undefined as T) : schema.parse(await res.json());
}

const send = (method: "POST" | "PATCH" | "DELETE", body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.list(),
    queryFn: async () => (await call(UserListResponseSchema, "/api/users")).users,
  });

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: async () => (await call(TokenListResponseSchema, "/api/tokens")).tokens,
  });

export interface NewUserInput {
  email: string;
  name?: string;
  role: UserRole;
  password?: string;
}

function useInvalidating<TVars, TData>(prefix: readonly string[], mutationFn: (vars: TVars) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation<TData, ApiError, TVars>({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: prefix }),
  });
}

export const useCreateUserMutation = () => useInvalidating(userKeys.all, (input: NewUserInput) => call(UserCreatedResponseSchema, "/api/users", send("POST", input)));

export const useUpdateUserMutation = () =>
  useInvalidating(userKeys.all, ({ id, ...patch }: { id: string; role?: UserRole; password?: string }) =>
    call(UserUpdatedResponseSchema, `/api/users/${encodeURIComponent(id)}`, send("PATCH", patch)),
  );

export const useDeleteUserMutation = () => useInvalidating(userKeys.all, (id: string) => call(null, `/api/users/${encodeURIComponent(id)}`, send("DELETE")));

export const useCreateTokenMutation = () =>
  useInvalidating(tokenKeys.all, (input: { name: string; scope: TokenScope }) => call(TokenCreatedResponseSchema, "/api/tokens", send("POST", input)));

export const useRevokeTokenMutation = () => useInvalidating(tokenKeys.all, (id: number) => call(null, `/api/tokens/${id}`, send("DELETE")));
