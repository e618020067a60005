"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { z } from "zod";

import { PageHeader } from "@/components/shell/page-header";
import { apiCall, send } from "@/components/ui/api";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/controls";
import { buttonClass } from "@/components/ui/styles";
import { DeleteRecord } from "@/components/ui/delete-record";
import { SubmitButton, TextareaField } from "@/components/ui/field";
import { FormProblemNotice, useApiForm, useBind } from "@/components/ui/form";
import { HEAD_ROW, HeaderCell } from "@/components/ui/table-parts";
import { FingerprintWireSchema, type ComputerDetailResponse, type FingerprintWire } from "@/lib/inventory/api";
import { BindingVerdictSchema, type BindingVerdict } from "@/lib/licensing/binding";

import { ComputerForm } from "./computer-form";

const Td = ({ children, className }: { children: ReactNode; className?: string }) => <td className={`px-2 py-1.5 align-top ${className ?? ""}`}>{children}</td>;

/** One computer: its licenses and where their files are (§1.5), its hardware over time (§1.4), keys, servers, ledger history. */
export function ComputerDetail({ detail, canWrite }: { detail: ComputerDetailResponse; canWrite: boolean }) {
  const t = useTranslations("computers");
  const f = useTranslations("forms");
  const k = useTranslations("kits");
  const format = useFormatter();
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [notice, setNotice] = useState<string | null>(null);
  const { computer } = detail;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader
        title={computer.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{t(`role.${computer.role}`)}</Badge>
            <span>{[computer.osName, computer.osVersion].filter(Boolean).join(" ") || t("detail.noOs")}</span>
            {computer.notes && <span className="text-slate-500">· {computer.notes}</span>}
          </span>
        }
        actions={
          canWrite && mode === "view" ? (
            <>
              <button type="button" className={buttonClass("secondary")} onClick={() => setMode("edit")}>
                {f("edit")}
              </button>
              <button type="button" className={buttonClass("secondary")} onClick={() => setMode("delete")}>
                {f("delete")}
              </button>
            </>
          ) : undefined
        }
      />
      <div className="flex flex-col gap-6">
        <p className="text-sm">
          <Link href="/computers" className="text-accent-700 hover:underline">
            ← {t("detail.back")}
          </Link>
        </p>
        {notice && <Notice tone="success">{notice}</Notice>}
        {mode === "edit" && (
          <Card title={t("form.editTitle", { name: computer.name })}>
            <ComputerForm
              initial={computer}
              onCancel={() => setMode("view")}
              onDone={(saved) => {
                setMode("view");
                setNotice(t("saved", { name: saved.name }));
                router.refresh();
              }}
            />
          </Card>
        )}
        {mode === "delete" && <DeleteRecord url={`/api/computers/${computer.id}`} what={computer.name} onCancel={() => setMode("view")} onDeleted={() => router.push("/computers")} />}

        <Card title={t("detail.licenses.title")} description={t("detail.licenses.description")}>
          {detail.licenses.length === 0 ? (
            <p className="text-sm text-slate-600">{t("detail.licenses.none")}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="w-full border-collapse text-sm" data-testid="computer-licenses">
                <caption className="sr-only">{t("detail.licenses.title")}</caption>
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("detail.licenses.kit")}</HeaderCell>
                    <HeaderCell>{k("pins.set")}</HeaderCell>
                    <HeaderCell>{k("pins.code")}</HeaderCell>
                    <HeaderCell>{t("detail.licenses.since")}</HeaderCell>
                    <HeaderCell>{t("detail.licenses.file")}</HeaderCell>
                    <HeaderCell>{t("detail.licenses.folder")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {detail.licenses.map((l) => (
                    <tr key={l.pinId} className="border-b border-slate-100 last:border-0">
                      <Td>
                        <Link href={`/kits/${l.kitId}`} className="font-mono text-accent-700 hover:underline">
                          {l.regNumber}
                        </Link>
                        <div className="text-xs text-slate-500">{l.product}</div>
                      </Td>
                      <Td className="whitespace-nowrap">{k(`set.${l.set}`)}</Td>
                      <Td className="font-mono whitespace-nowrap">{l.maskedCode ?? k("pins.unreadable")}</Td>
                      <Td className="whitespace-nowrap">{when(l.at)}</Td>
                      <Td className="font-mono">{l.licFileName ?? "—"}</Td>
                      <Td>
                        <span className="font-mono break-all">{l.licFolder ?? "—"}</span>
                        {l.visibility === "current-user" && (
                          <div>
                            <Badge tone="warning">{t("detail.licenses.currentUser")}</Badge>
                          </div>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        <Card title={t("detail.fingerprints.title")} description={t("detail.fingerprints.description")}>
          <div className="flex flex-col gap-4">
            {detail.fingerprints.length === 0 ? <p className="text-sm text-slate-600">{t("detail.fingerprints.none")}</p> : detail.fingerprints.map((fp, i) => <FingerprintCard key={fp.id} fp={fp} latest={i === 0} />)}
            {canWrite && <FingerprintForm computerId={computer.id} onDone={() => router.refresh()} />}
          </div>
        </Card>

        {detail.fingerprints.length > 0 && <BindingCheck baseline={detail.fingerprints[0]} />}

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("detail.keys.title")}>
            {detail.keys.length === 0 ? (
              <p className="text-sm text-slate-600">{t("detail.keys.none")}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {detail.keys.map((key) => (
                  <li key={key.id}>
                    <span className="font-mono font-medium">{key.series}</span> · {t("detail.keys.kind", { kind: t(`detail.keys.kinds.${key.kind}`), seats: key.seats })}
                    {key.keyNumber ? ` · № ${key.keyNumber}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("detail.servers.title")}>
            {detail.servers.length === 0 ? (
              <p className="text-sm text-slate-600">{t("detail.servers.none")}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {detail.servers.map((s) => (
                  <li key={s.id}>
                    <Link href={`/servers?q=${encodeURIComponent(s.name)}`} className="font-medium text-accent-700 hover:underline">
                      {s.name}
                    </Link>{" "}
                    · {t("detail.servers.line", { bitness: s.bitness, port: s.clusterPort, user: s.serviceUser ?? "—" })}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <Card title={t("detail.history.title")} description={t("detail.history.description")}>
          {detail.history.length === 0 ? (
            <p className="text-sm text-slate-600">{t("detail.history.none")}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t("detail.history.title")}</caption>
                <thead>
                  <tr className={HEAD_ROW}>
                    <HeaderCell>{t("detail.history.when")}</HeaderCell>
                    <HeaderCell>{t("detail.licenses.kit")}</HeaderCell>
                    <HeaderCell>{t("detail.history.operation")}</HeaderCell>
                    <HeaderCell>{t("detail.history.reason")}</HeaderCell>
                    <HeaderCell>{t("detail.history.by")}</HeaderCell>
                  </tr>
                </thead>
                <tbody>
                  {detail.history.map((a) => (
                    <tr key={a.id} className="border-b border-slate-100 last:border-0">
                      <Td className="whitespace-nowrap">{when(a.at)}</Td>
                      <Td>
                        <Link href={`/kits/${a.kitId}`} className="font-mono text-accent-700 hover:underline">
                          {a.regNumber}
                        </Link>
                      </Td>
                      <Td>{t(`detail.history.op.${a.operation}`)}</Td>
                      <Td>{a.reason ?? "—"}</Td>
                      <Td>{a.recordedBy ?? "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

function FingerprintCard({ fp, latest }: { fp: FingerprintWire; latest: boolean }) {
  const t = useTranslations("computers.detail.fingerprints");
  const format = useFormatter();
  const row = (label: string, value: ReactNode) => (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{value || "—"}</dd>
    </div>
  );
  return (
    <section className="rounded-md border border-slate-200 p-3" aria-label={t("taken", { when: format.dateTime(new Date(fp.takenAt), { dateStyle: "medium", timeStyle: "short" }) })}>
      <h3 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold">
        {t("taken", { when: format.dateTime(new Date(fp.takenAt), { dateStyle: "medium", timeStyle: "short" }) })}
        {latest && <Badge tone="accent">{t("latest")}</Badge>}
        {fp.notes && <span className="font-normal text-slate-600">· {fp.notes}</span>}
      </h3>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm lg:grid-cols-4">
        {row(t("hostname"), fp.hostname)}
        {row(t("os"), [fp.osName, fp.osVersion].filter(Boolean).join(" "))}
        {row(t("motherboard"), fp.motherboard)}
        {row(t("ram"), fp.ramMb ? format.number(fp.ramMb) + " MB" : "")}
        {row(t("bios"), fp.bios)}
        {row(t("cpus"), fp.cpus.join("; "))}
        {row(t("nics"), fp.nics.map((n) => `${n.name} (${n.mac})`).join("; "))}
        {row(t("disks"), fp.disks.map((d) => `${d.model}, ${format.number(Math.round(d.sizeBytes / 1e9))} GB`).join("; "))}
      </dl>
    </section>
  );
}

const FingerprintJson = z.object({ json: z.string().trim().min(1) });

/** Records the hardware as it is now: the fingerprint JSON the binding check takes (DOMAIN §1.4). */
function FingerprintForm({ computerId, onDone }: { computerId: number; onDone: () => void }) {
  const t = useTranslations("computers.detail.fingerprints");
  const f = useTranslations("forms");
  const [open, setOpen] = useState(false);
  const { form, onSubmit, problem, pending, setProblem } = useApiForm(FingerprintJson, {
    defaultValues: { json: "" },
    submit: async ({ json }) => {
      let body: unknown;
      try {
        body = JSON.parse(json);
      } catch {
        throw new Error(t("notJson"));
      }
      return apiCall(z.object({ fingerprint: FingerprintWireSchema }), `/api/computers/${computerId}/fingerprints`, send("POST", body));
    },
    onDone: () => {
      form.reset();
      setOpen(false);
      onDone();
    },
  });
  const bind = useBind(form);
  if (!open)
    return (
      <div>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => (setProblem(null), setOpen(true))}>
          {t("add")}
        </button>
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("add")}>
      <TextareaField label={t("json")} help={t("jsonHelp")} rows={8} {...bind("json", { rule: "required" })} />
      <FormProblemNotice problem={problem} />
      <div className="flex gap-2">
        <SubmitButton pending={pending}>{pending ? f("saving") : t("save")}</SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(false)}>
          {f("cancel")}
        </button>
      </div>
    </form>
  );
}

/** A recorded fingerprint as the binding check takes it (DOMAIN §1.4): what was not recorded is empty. */
export function asFingerprint(fp: FingerprintWire) {
  return {
    osName: fp.osName ?? "",
    osVersion: fp.osVersion ?? "",
    ...(fp.osSerial ? { osSerial: fp.osSerial } : {}),
    ...(fp.osInstallDate ? { osInstallDate: fp.osInstallDate } : {}),
    hostname: fp.hostname ?? "",
    motherboard: fp.motherboard ?? "",
    ramMb: fp.ramMb ?? 0,
    bios: fp.bios ?? "",
    cpus: fp.cpus,
    nics: fp.nics,
    disks: fp.disks,
  };
}

const Planned = z.object({ json: z.string().trim().min(1) });

/**
 * "Will this change break the license?" before it is made (DOMAIN §1.4): the planned hardware, edited from the
 * latest recorded fingerprint, against that fingerprint — every change, whether it breaks, and why.
 */
function BindingCheck({ baseline }: { baseline: FingerprintWire }) {
  const t = useTranslations("computers.detail.binding");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const [verdict, setVerdict] = useState<BindingVerdict | null>(null);
  const { form, onSubmit, problem, pending } = useApiForm(Planned, {
    defaultValues: { json: JSON.stringify(asFingerprint(baseline), null, 2) },
    submit: async ({ json }) => {
      let current: unknown;
      try {
        current = JSON.parse(json);
      } catch {
        throw new Error(t("notJson"));
      }
      return apiCall(BindingVerdictSchema, "/api/tools/binding/compare", send("POST", { activated: asFingerprint(baseline), current }));
    },
    onDone: setVerdict,
  });
  const bind = useBind(form);
  return (
    <section id="binding" className="scroll-mt-6">
      <Card title={t("title")} description={t("description")}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("title")} data-testid="binding-check">
          <TextareaField label={t("planned")} help={t("plannedHelp")} rows={12} spellCheck={false} {...bind("json", { rule: "required" })} />
          <FormProblemNotice problem={problem} />
          <div>
            <SubmitButton pending={pending}>{pending ? t("checking") : t("check")}</SubmitButton>
          </div>
        </form>
        {verdict && (
          <div className="mt-4 flex flex-col gap-2 text-sm" data-testid="binding-verdict" data-survives={verdict.survives}>
            <p className={verdict.survives ? "font-semibold text-emerald-800" : "font-semibold text-red-800"}>{verdict.survives ? t("survives") : t("breaks")}</p>
            {verdict.changes.length === 0 ? (
              <p className="text-slate-600">{t("noChange")}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {verdict.changes.map((c, i) => (
                  <li key={i} className="flex items-start gap-2">
                    <Badge tone={c.breaks ? "danger" : "success"}>{c.breaks ? t("breaksLabel") : t("keepsLabel")}</Badge>
                    <span>
                      {c.text[locale]} <span className="text-xs text-slate-500">({c.rule})</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Card>
    </section>
  );
}
