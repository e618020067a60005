import { loadSection, sectionMetadata, type SectionPageProps } from "@/app/_lib/infra-section";
import { KeysView } from "@/components/infrastructure/keys-view";
import { listKeys } from "@/db/queries/infrastructure";
import { KeyListQuerySchema } from "@/lib/inventory/api";

export const generateMetadata = sectionMetadata("keys");

export default async function KeysPage({ searchParams }: SectionPageProps) {
  return <KeysView {...await loadSection("keys", KeyListQuerySchema, searchParams, listKeys)} />;
}
