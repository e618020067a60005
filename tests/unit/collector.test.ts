/**
 * The fingerprint collectors in public/collectors/ (DOMAIN §1.4): the Linux script run against a fake
 * /sys, /proc, /etc and udev database (FP_ROOT), so every value it reads is known and the output is exact;
 * the PowerShell script, which cannot run here, checked by reading it — it must name every field of
 * FingerprintSchema, so a schema change fails here until the collectors follow.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, test } from "vitest";

import { FingerprintSchema } from "@/lib/licensing/binding";

const collectors = new URL("../../public/collectors/", import.meta.url);
const SH = path.join(collectors.pathname, "collect-fingerprint.sh");
const PS1 = path.join(collectors.pathname, "collect-fingerprint.ps1");

const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

/** A fake root: `files` maps paths to contents, a path ending in "/" is an empty directory. */
function fakeRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "seatledger-fp-"));
  roots.push(root);
  for (const [p, content] of Object.entries(files)) {
    const full = path.join(root, p);
    if (p.endsWith("/")) fs.mkdirSync(full, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  return root;
}

const shells = ["sh", "bash", "dash", "busybox"].filter((s) => spawnSync("sh", ["-c", `command -v ${s}`]).status === 0);

function collect(root: string, shell = "sh") {
  const args = shell === "busybox" ? ["sh", SH] : [SH];
  const r = spawnSync(shell, args, { env: { ...process.env, FP_ROOT: root }, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr, json: JSON.parse(r.stdout) as unknown };
}

const cpu = (n: number, pkg: number, model: string, cores: number) =>
  [`processor\t: ${n}`, "vendor_id\t: GenuineIntel", `model name\t: ${model}`, `physical id\t: ${pkg}`, `siblings\t: ${cores * 2}`, `cpu cores\t: ${cores}`, "flags\t\t: fpu vme", ""].join("\n");
const XEON = "Intel(R) Xeon(R) Silver 4210R CPU @ 2.40GHz";

/** A two-socket server: two NICs plus virtual ones and InfiniBand, a SATA disk with quotes in its model, an NVMe disk. */
const SERVER: Record<string, string> = {
  "etc/os-release": 'PRETTY_NAME="Test Linux 1.2"\nNAME="Test \\"Quoted\\" Linux"\nVERSION_ID=\'1.2\'\nID=test\n',
  "proc/sys/kernel/hostname": "srv-1c\n",
  "proc/meminfo": "MemTotal:        8052340 kB\nMemFree:         1234567 kB\n",
  "proc/cpuinfo": [cpu(0, 0, XEON, 10), cpu(1, 0, XEON, 10), cpu(2, 1, XEON, 10), cpu(3, 1, XEON, 10)].join("\n"),
  "sys/class/dmi/id/board_vendor": "Supermicro\n",
  "sys/class/dmi/id/board_name": "X11SPi-TF\n",
  "sys/class/dmi/id/bios_vendor": "American Megatrends Inc.\n",
  "sys/class/dmi/id/bios_version": "3.4  \n",
  "sys/firmware/efi/": "",
  "sys/firmware/acpi/": "",
  "sys/class/net/lo/address": "00:00:00:00:00:00\n",
  "sys/class/net/enp3s0/address": "00:1a:2b:3c:4d:5e\n",
  "sys/class/net/enp3s0/device/": "",
  "sys/class/net/enp4s0/address": "AA:BB:CC:DD:EE:01\n",
  "sys/class/net/enp4s0/device/": "",
  "sys/class/net/docker0/address": "02:42:ac:11:00:02\n",
  "sys/class/net/br0/address": "00:1a:2b:3c:4d:5e\n",
  "sys/class/net/ib0/address": "80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:0b:0c\n",
  "sys/class/net/ib0/device/": "",
  "sys/block/sda/size": "976773168\n",
  "sys/block/sda/dev": "8:0\n",
  "sys/block/sda/device/model": "Samsung SSD 860 \n",
  "run/udev/data/b8:0": "S:disk/by-id/ata-x\nE:ID_MODEL=Samsung_SSD_860_EVO_500GB\nE:ID_MODEL_ENC=Samsung\\x20SSD\\x20860\\x20EVO\\x20\\x22500GB\\x22\\x5c\\x09x\\x20\\x20\\x20\nE:ID_SERIAL_SHORT=S3Z9NB0K123456A\n",
  "sys/block/nvme0n1/size": "1953525168\n",
  "sys/block/nvme0n1/dev": "259:0\n",
  "sys/block/nvme0n1/device/model": "WDC WDS100T2B0C-00PXH0                  \n",
  "sys/block/nvme0n1/device/serial": "  21011A800123    \n",
  "sys/block/loop0/size": "2048\n",
  "sys/block/zram0/size": "2048\n",
  "sys/block/ram0/size": "2048\n",
  "sys/block/dm-0/size": "2048\n",
  "sys/block/sr0/size": "2097151\n",
  "sys/block/sr0/device/": "",
  "sys/block/mmcblk0/size": "0\n",
  "sys/block/mmcblk0/device/": "",
};

const SERVER_FINGERPRINT = {
  osName: 'Test "Quoted" Linux',
  osVersion: "1.2",
  osSerial: null,
  osInstallDate: null,
  hostname: "srv-1c",
  motherboard: "Supermicro X11SPi-TF",
  ramMb: 7863, // 8052340 kB / 1024, whole MB
  bios: "American Megatrends Inc. 3.4, UEFI",
  cpus: [`${XEON}, 10 cores`, `${XEON}, 10 cores`],
  nics: [
    { name: "enp3s0", mac: "00:1a:2b:3c:4d:5e" },
    { name: "enp4s0", mac: "AA:BB:CC:DD:EE:01" },
  ],
  disks: [
    { model: "WDC WDS100T2B0C-00PXH0", serial: "21011A800123", sizeBytes: 1953525168 * 512 },
    { model: 'Samsung SSD 860 EVO "500GB"\\\tx', serial: "S3Z9NB0K123456A", sizeBytes: 976773168 * 512 },
  ],
};

describe("collect-fingerprint.sh — DOMAIN §1.4 parameters from a fake /sys and /proc", () => {
  test.each(shells)("a two-socket server, exactly (%s)", (shell) => {
    const { json, stdout, stderr } = collect(fakeRoot(SERVER), shell);
    expect(json).toEqual(SERVER_FINGERPRINT);
    // Quotes, the backslash and the tab escaped as JSON; the virtual and InfiniBand adapters and the
    // loop, zram, ram, device-mapper, optical and empty devices left out.
    expect(stdout).toContain(String.raw`"osName": "Test \"Quoted\" Linux"`);
    expect(stdout).toContain(String.raw`"model": "Samsung SSD 860 EVO \"500GB\"\\\tx"`);
    expect(stdout).not.toMatch(/docker0|br0|"lo"|loop0|zram0|ram0|dm-0|sr0|mmcblk0/);
    expect(stderr).toMatch(/ib0 .*not a 6-byte MAC/);
    expect(FingerprintSchema.parse(json)).toEqual({ ...SERVER_FINGERPRINT, osSerial: undefined, osInstallDate: undefined });
  });

  test("what the schema keeps is what the script printed: every string is already trimmed", () => {
    const { json } = collect(fakeRoot(SERVER));
    const parsed = FingerprintSchema.parse(json);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(Object.fromEntries(Object.entries(json as object).filter(([, v]) => v !== null)));
  });

  test("nothing readable (a bare container): still valid JSON with empty values the schema accepts", () => {
    const { json, stderr } = collect(fakeRoot({ "sys/": "", "proc/": "" }));
    expect(json).toEqual({ osName: "", osVersion: "", osSerial: null, osInstallDate: null, hostname: "", motherboard: "", ramMb: 0, bios: "", cpus: [], nics: [], disks: [] });
    expect(FingerprintSchema.safeParse(json).success).toBe(true);
    expect(stderr).toMatch(/no motherboard model/);
    expect(stderr).toMatch(/ramMb is 0/);
  });

  test("BIOS type: Legacy without /sys/firmware/efi; left out when /sys/firmware is hidden (containers)", () => {
    const dmi = { "sys/class/dmi/id/bios_vendor": "LENOVO\n", "sys/class/dmi/id/bios_version": "N32ET86W (1.62)\n" };
    expect((collect(fakeRoot({ ...dmi, "sys/firmware/acpi/": "" })).json as { bios: string }).bios).toBe("LENOVO N32ET86W (1.62), Legacy");
    const hidden = collect(fakeRoot({ ...dmi, "sys/firmware/": "" }));
    expect((hidden.json as { bios: string }).bios).toBe("LENOVO N32ET86W (1.62)");
    expect(hidden.stderr).toMatch(/without UEFI\/Legacy/);
  });

  test("a bonded adapter gives its permanent MAC, not the bond's; a CPU without 'physical id' or 'cpu cores' counts its threads", () => {
    const { json } = collect(
      fakeRoot({
        "sys/class/net/eth1/address": "00:1a:2b:3c:4d:5e\n",
        "sys/class/net/eth1/bonding_slave/perm_hwaddr": "00:1a:2b:3c:4d:5f\n",
        "sys/class/net/eth1/device/": "",
        "proc/cpuinfo": "processor\t: 0\nmodel name\t: ARM Cortex-A72\n\nprocessor\t: 1\nmodel name\t: ARM Cortex-A72\n",
      }),
    );
    expect(json).toMatchObject({ nics: [{ name: "eth1", mac: "00:1a:2b:3c:4d:5f" }], cpus: ["ARM Cortex-A72, 2 cores"] });
  });

  test("a disk without a serial has no serial key (the schema's optional field), not null or an empty string", () => {
    const { json } = collect(fakeRoot({ "sys/block/vda/size": "2048\n", "sys/block/vda/device/": "" }));
    expect((json as { disks: unknown[] }).disks).toEqual([{ model: "", sizeBytes: 2048 * 512 }]);
  });

  test("the script is plain ASCII, runs under POSIX sh and documents its use", () => {
    const text = fs.readFileSync(SH, "utf8");
    expect(text).toMatch(/^[\t\n\x20-\x7e]*$/);
    expect(text.startsWith("#!/bin/sh\n")).toBe(true);
    expect(text).toContain("sh collect-fingerprint.sh > fingerprint.json");
    expect(text).toMatch(/Authorization: Bearer/);
    expect(text).toContain("/api/computers/42/fingerprints");
  });
});

describe("collect-fingerprint.ps1 — read, not run (no PowerShell here)", () => {
  const text = fs.readFileSync(PS1, "utf8");

  test("names every FingerprintSchema field, and every field of a NIC and a disk", () => {
    const nic = FingerprintSchema.shape.nics.element.shape;
    const disk = FingerprintSchema.shape.disks.element.shape;
    const fields = [...Object.keys(FingerprintSchema.shape), ...Object.keys(nic), ...Object.keys(disk)];
    expect(fields).toHaveLength(11 + 2 + 3);
    for (const field of fields) expect(text, field).toMatch(new RegExp(`\\b${field}\\s*=`));
  });

  test("reads the CIM classes DOMAIN §1.4 needs and writes JSON the API accepts", () => {
    for (const cls of ["Win32_OperatingSystem", "Win32_ComputerSystem", "Win32_BaseBoard", "Win32_BIOS", "Win32_Processor", "Win32_NetworkAdapter", "Win32_DiskDrive"]) expect(text).toContain(cls);
    expect(text).toContain("ConvertTo-Json -InputObject $fingerprint -Depth 5");
    expect(text).toContain("[ordered]@{");
    expect(text).toContain("TotalPhysicalMemory");
    expect(text).toMatch(/\/ 1MB/); // ramMb is in MB, as the schema says
  });

  test("plain ASCII (Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page) with its usage in the header", () => {
    expect(text).toMatch(/^[\t\r\n\x20-\x7e]*$/);
    expect(text).toContain("powershell -ExecutionPolicy Bypass -File collect-fingerprint.ps1 > fingerprint.json");
    expect(text).toContain("Invoke-RestMethod");
    expect(text).toContain("curl.exe");
  });
});
