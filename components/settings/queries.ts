/**
 * The Settings page's server state (TanStack Query): users and API tokens through /api/users and
 * /api/tokens. Keys are `['users', 'list']` and `['tokens', 'list']`; every mutation invalidates its
 * prefix when it settles (a failure such as "already deleted" also means the list is stale).
 */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import { apiCall as call, ApiError, send } from "@/components/ui/api";
import type { TokenScope } from "@/lib/domain/enums";
import {
  TokenCreatedResponseSchema,
  TokenListResponseSchema,
  UserCreatedResponseSchema,
  UserListResponseSchema,
  UserUpdatedResponseSchema,
  type NewUserSchema,
  type UserPatchSchema,
} from "@/lib/security/account-api";

export const userKeys = {
  all: ["users"] as const,
  list: () => ["users", "list"] as const,
};

export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => ["tokens", "list"] as const,
};

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

function useInvalidating<TVars, TData>(prefix: readonly string[], mutationFn: (vars: TVars) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation<TData, ApiError, TVars>({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: prefix }),
  });
}

export const useCreateUserMutation = () => useInvalidating(userKeys.all, (input: z.output<typeof NewUserSchema>) => call(UserCreatedResponseSchema, "/api/users", send("POST", input)));

export const useUpdateUserMutation = () =>
  useInvalidating(userKeys.all, ({ id, ...patch }: { id: string } & z.output<typeof UserPatchSchema>) =>
    call(UserUpdatedResponseSchema, `/api/users/${encodeURIComponent(id)}`, send("PATCH", patch)),
  );

export const useDeleteUserMutation = () => useInvalidating(userKeys.all, (id: string) => call(null, `/api/users/${encodeURIComponent(id)}`, send("DELETE")));

export const useCreateTokenMutation = () =>
  useInvalidating(tokenKeys.all, (input: { name: string; scope: TokenScope }) => call(TokenCreatedResponseSchema, "/api/tokens", send("POST", input)));

export const useRevokeTokenMutation = () => useInvalidating(tokenKeys.all, (id: number) => call(null, `/api/tokens/${id}`, send("DELETE")));
