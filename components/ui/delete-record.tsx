"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { apiCall, send } from "./api";
import { DangerConfirm } from "./controls";
import { useDeleteRefusalText } from "./form";

/**
 * "Delete X? This cannot be undone." under a row or on a record's page: DELETE `url`, and when the server
 * refuses (409: something still refers to the record) say why in the reader's language, deleting nothing.
 */
export function DeleteRecord({ url, what, onDeleted, onCancel }: { url: string; what: string; onDeleted: () => void; onCancel: () => void }) {
  const t = useTranslations("forms");
  const refusalText = useDeleteRefusalText();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <DangerConfirm
      question={t("deleteConfirm.question", { what })}
      error={error}
      pending={pending}
      submit={t("deleteConfirm.submit")}
      submitting={t("deleteConfirm.submitting")}
      cancel={t("cancel")}
      onCancel={onCancel}
      onConfirm={async () => {
        setPending(true);
        setError(undefined);
        try {
          await apiCall(null, url, send("DELETE"));
          onDeleted();
        } catch (e) {
          setError(refusalText(e));
        } finally {
          setPending(false);
        }
      }}
    />
  );
}
