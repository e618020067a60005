import { loadSection, sectionMetadata, type SectionPageProps } from "@/app/_lib/infra-section";
import { InfobasesView } from "@/components/infrastructure/infobases-view";
import { listInfobases } from "@/db/queries/infrastructure";
import { InfobaseListQuerySchema } from "@/lib/inventory/api";

export const generateMetadata = sectionMetadata("infobases");

export default async function InfobasesPage({ searchParams }: SectionPageProps) {
  return <InfobasesView {...await loadSection("infobases", InfobaseListQuerySchema, searchParams, listInfobases)} />;
}
