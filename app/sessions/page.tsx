import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const generateMetadata = comingSoonMetadata("sessions");

export default comingSoonPage("sessions", ["admin", "lead"]);
