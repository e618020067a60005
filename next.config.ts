import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { PROXY_BUFFER_BYTES } from "./lib/security/body-limits";

const withNextIntl = createNextIntlPlugin("./app/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Next.js buffers a body for proxy.ts up to this size and cuts the rest silently; proxy.ts refuses a body
    // over MAX_BODY_BYTES with 413, so this must exceed it (lib/security/body-limits.ts).
    proxyClientMaxBodySize: PROXY_BUFFER_BYTES,
  },
};

export default withNextIntl(nextConfig);
