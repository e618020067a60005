/**
 * The Simulator page's server state (TanStack Query): the history over a range (`GET /api/simulate/history`)
 * and a described workload (`POST /api/simulate/workload`). Keys: `['simulate', 'history', { from, to }]`,
 * `['simulate', 'workload', description]` — both answers depend only on their key (and the settings).
 */
import { queryOptions } from "@tanstack/react-query";

import { apiCall, send } from "@/components/ui/api";
import type { WorkloadDescription } from "@/lib/licensing/workload";
import { SimulationResponseSchema } from "@/lib/simulator/api";

export const simulateKeys = {
  all: ["simulate"] as const,
  history: (range: { from: string; to: string }) => ["simulate", "history", range] as const,
  workload: (description: WorkloadDescription) => ["simulate", "workload", description] as const,
};

export const historyQueryOptions = (range: { from: string; to: string }) =>
  queryOptions({
    queryKey: simulateKeys.history(range),
    queryFn: () => apiCall(SimulationResponseSchema, `/api/simulate/history?${new URLSearchParams(range)}`),
    staleTime: 5 * 60_000,
    retry: false,
  });

export const workloadQueryOptions = (description: WorkloadDescription) =>
  queryOptions({
    queryKey: simulateKeys.workload(description),
    queryFn: () => apiCall(SimulationResponseSchema, "/api/simulate/workload", send("POST", description)),
    staleTime: 5 * 60_000,
    retry: false,
  });
