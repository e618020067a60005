"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Card } from "@/components/ui/card";
import { Field, SubmitButton } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { DEFAULT_WORKLOAD, MAX_WORKLOAD_USERS, USERS_PER_TERMINAL_SERVER, WorkloadDescriptionSchema, type WorkloadDescription } from "@/lib/licensing/workload";
import type { SimulationResponse } from "@/lib/simulator/api";

import { workloadQueryOptions } from "./queries";
import { SimulationResult } from "./simulation-result";

const NUMBER_FIELDS = ["users", "computers", "terminalShare", "twoInfobasesShare", "webShare", "days", "seed"] as const;
const CLOCK_FIELDS = ["workStart", "workEnd"] as const;

/**
 * A described workload (issue 11 §3): the one form pattern over the route's own schema
 * (WorkloadDescriptionSchema) → `POST /api/simulate/workload` through TanStack Query → the same result view.
 */
export function WorkloadPanel() {
  const t = useTranslations("simulator.workload");
  const queryClient = useQueryClient();
  const [result, setResult] = useState<{ description: WorkloadDescription; data: SimulationResponse } | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(WorkloadDescriptionSchema, {
    defaultValues: DEFAULT_WORKLOAD,
    submit: (values) => queryClient.fetchQuery(workloadQueryOptions(values)),
    onDone: (data, description) => setResult({ description, data }),
  });
  const bind = useBind(form);
  const help = (name: (typeof NUMBER_FIELDS)[number] | (typeof CLOCK_FIELDS)[number]) => t(`help.${name}`, { maxUsers: MAX_WORKLOAD_USERS, perServer: USERS_PER_TERMINAL_SERVER });

  return (
    <>
      <Card title={t("title")} description={t("description")}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t("title")} data-testid="workload-form">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {NUMBER_FIELDS.map((name) => (
              <Field
                key={name}
                label={t(`fields.${name}`)}
                help={help(name)}
                type="number"
                inputMode="decimal"
                step={name.endsWith("Share") ? "0.05" : "1"}
                min={0}
                {...bind(name, { as: "number" })}
              />
            ))}
            {CLOCK_FIELDS.map((name) => (
              <Field key={name} label={t(`fields.${name}`)} help={help(name)} type="time" {...bind(name)} />
            ))}
          </div>
          <FormProblemNotice problem={problem} />
          <div>
            <SubmitButton pending={pending}>{pending ? t("running") : t("submit")}</SubmitButton>
          </div>
        </form>
      </Card>
      {result && <SimulationResult result={result.data} source="workload" description={result.description} />}
    </>
  );
}
