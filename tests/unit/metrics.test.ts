import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";

import { formatPrometheus, seatMetrics } from "@/lib/monitoring/metrics";
import { parsePrometheusText } from "@/tests/helpers/prometheus";

describe("formatPrometheus — exposition format 0.0.4", () => {
  fcTest.prop([fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), fc.double({ noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n))])("any label value and HELP text read back as printed (\\, \" and line feeds escaped)", (value, help, n) => {
    const text = formatPrometheus([{ name: "seatledger_x", help, type: "gauge", samples: [{ labels: { pool: value, host: "h" }, value: n }] }]);
    const f = parsePrometheusText(text).get("seatledger_x")!;
    expect(f.help).toBe(help.replace(/\r\n?/g, "\n"));
    expect(f.samples).toEqual([{ name: "seatledger_x", labels: { pool: value.replace(/\r\n?/g, "\n"), host: "h" }, value: n }]);
  });

  test("a pool id with quotes, a backslash and a line break is escaped, not cut", () => {
    const text = formatPrometheus([{ name: "seatledger_pool_seats", help: "h", type: "gauge", samples: [{ labels: { pool: 'a"b\\c\nd' }, value: 1 }] }]);
    expect(text).toContain('seatledger_pool_seats{pool="a\\"b\\\\c\\nd"} 1\n');
  });

  test.each([
    ["a metric name with a dash", { name: "seatledger-x", labels: {} }],
    ["a label name starting with __", { name: "seatledger_x", labels: { __name: "x" } }],
    ["a label name with a dot", { name: "seatledger_x", labels: { "a.b": "x" } }],
  ])("refuses %s (a bug, not input)", (_n, { name, labels }) => {
    expect(() => formatPrometheus([{ name, help: "h", type: "gauge", samples: [{ labels, value: 1 }] }])).toThrow();
  });

  test("no snapshot yet: the age family has no sample; kits not activated are left out of PIN reserves", () => {
    const families = seatMetrics({
      model: {
        pools: [],
        kits: [
          { kit: { id: 1, regNumber: "8100000001", product: "p", kind: "client", seats: 1, protection: "software", usageMode: "single" }, pins: { kitId: 1, usableSet: null, total: 3, active: 0, spent: 0, backupsLeft: null, health: "not-activated" } },
          { kit: { id: 2, regNumber: "8100000002", product: "p", kind: "client", seats: 1, protection: "software", usageMode: "single" }, pins: { kitId: 2, usableSet: "single", total: 3, active: 1, spent: 0, backupsLeft: 2, health: "ok" } },
        ],
      },
      takenAt: null,
      now: new Date(),
      noLicenseEvents: 4,
    });
    const parsed = parsePrometheusText(formatPrometheus(families));
    expect(parsed.get("seatledger_snapshot_age_seconds")!.samples).toEqual([]);
    expect(parsed.get("seatledger_kit_backup_pins_left")!.samples).toEqual([{ name: "seatledger_kit_backup_pins_left", labels: { reg_number: "8100000002" }, value: 2 }]);
    expect(parsed.get("seatledger_no_free_license_events_total")!.samples[0].value).toBe(4);
  });
});
