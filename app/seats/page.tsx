import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const generateMetadata = comingSoonMetadata("seats");

export default comingSoonPage("seats", ["finance", "lead"]);
