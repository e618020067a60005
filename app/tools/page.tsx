import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const generateMetadata = comingSoonMetadata("tools");

export default comingSoonPage("tools", ["admin"]);
