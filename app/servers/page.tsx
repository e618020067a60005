import { loadSection, sectionMetadata, type SectionPageProps } from "@/app/_lib/infra-section";
import { ServersView } from "@/components/infrastructure/servers-view";
import { listServers } from "@/db/queries/infrastructure";
import { ServerListQuerySchema } from "@/lib/inventory/api";

export const generateMetadata = sectionMetadata("servers");

export default async function ServersPage({ searchParams }: SectionPageProps) {
  return <ServersView {...await loadSection("servers", ServerListQuerySchema, searchParams, listServers)} />;
}
