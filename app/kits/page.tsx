import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const generateMetadata = comingSoonMetadata("kits");

export default comingSoonPage("kits", ["admin", "finance"]);
