/**
 * The Tools page's server state (TanStack Query): the computers and their recorded fingerprints the binding
 * check starts from (`GET /api/computers`, `GET /api/computers/{id}`). Keys share the Computers prefix, so a
 * change recorded elsewhere that invalidates `['computers']` reaches them too.
 */
import { queryOptions } from "@tanstack/react-query";

import { apiCall } from "@/components/ui/api";
import { ComputerDetailResponseSchema, ComputerListResponseSchema } from "@/lib/inventory/api";

/** The largest page the list API serves (LIST_PAGE_SIZES). */
export const COMPUTER_PICKER_SIZE = 100;

export const computerKeys = {
  all: ["computers"] as const,
  picker: (q: string) => ["computers", "list", { q, size: COMPUTER_PICKER_SIZE }] as const,
  detail: (id: number) => ["computers", "detail", id] as const,
};

export const computerPickerQueryOptions = (q: string) =>
  queryOptions({
    queryKey: computerKeys.picker(q),
    queryFn: () => apiCall(ComputerListResponseSchema, `/api/computers?${new URLSearchParams({ sort: "name", size: String(COMPUTER_PICKER_SIZE), ...(q ? { q } : {}) })}`),
  });

export const computerDetailQueryOptions = (id: number) =>
  queryOptions({
    queryKey: computerKeys.detail(id),
    queryFn: () => apiCall(ComputerDetailResponseSchema, `/api/computers/${id}`),
  });
