import { toCsv } from "@/lib/csv";

/** Hands text to the browser as a file download (nothing is sent to the server). */
export function downloadText(fileName: string, text: string, type = "text/plain;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** Rows as a CSV download `<name>.csv`, with the BOM Excel needs to read UTF-8. */
export function downloadCsv(name: string, rows: Parameters<typeof toCsv>[0]): void {
  downloadText(`${name}.csv`, "\uFEFF" + toCsv(rows), "text/csv;charset=utf-8");
}
