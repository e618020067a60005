import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const generateMetadata = comingSoonMetadata("planning");

export default comingSoonPage("planning", ["finance"]);
