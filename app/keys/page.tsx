import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const generateMetadata = comingSoonMetadata("keys");

export default comingSoonPage("keys", ["admin"]);
