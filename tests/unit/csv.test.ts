import { describe, expect, test } from "vitest";

import { toCsv } from "@/lib/csv";

describe("toCsv (RFC 4180)", () => {
  test.each([
    [[["a", "b"]], "a,b\r\n"],
    [[["with,comma", 'say "hi"']], '"with,comma","say ""hi"""\r\n'],
    [[["two\nlines", null, undefined, 7]], '"two\nlines",,,7\r\n'],
    [[["=SUM(A1)", "-12", "-3.5", "@x"]], "'=SUM(A1),-12,-3.5,'@x\r\n"],
    [[["Бухгалтерия предприятия"]], "Бухгалтерия предприятия\r\n"],
  ])("%j → %j", (rows, expected) => {
    expect(toCsv(rows)).toBe(expected);
  });
});
