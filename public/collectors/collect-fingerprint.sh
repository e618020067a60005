#!/bin/sh
# collect-fingerprint.sh - prints this Linux computer's hardware fingerprint as SeatLedger's JSON.
#
# The eleven parameters a 1C:Enterprise software license is bound to (DOMAIN.md section 1.4), in the
# exact shape the binding check form, POST /api/tools/binding/compare and
# POST /api/computers/{id}/fingerprints accept (FingerprintSchema in lib/licensing/binding.ts).
# Run it on the computer the license is (or will be) activated on, at activation and again later.
#
# Usage (no root needed; POSIX sh, sed and awk only - a minimal Debian has them):
#   sh collect-fingerprint.sh > fingerprint.json
# Notes about values it could not read go to stderr; stdout is always one valid JSON object.
#
# Record it on the computer (an API token of scope "admin": recording needs inventory.write):
#   curl -X POST -H "Authorization: Bearer $SEATLEDGER_TOKEN" -H "Content-Type: application/json" \
#        --data-binary @fingerprint.json https://seatledger.example/api/computers/42/fingerprints
# Compare with the fingerprint recorded at activation (any token):
#   { printf '{"activated":'; cat activated.json; printf ',"current":'; cat fingerprint.json; printf '}'; } |
#     curl -X POST -H "Authorization: Bearer $SEATLEDGER_TOKEN" -H "Content-Type: application/json" \
#          --data-binary @- https://seatledger.example/api/tools/binding/compare
#
# Where each value comes from, and what is left out:
#   osName, osVersion  NAME and VERSION_ID of /etc/os-release (else uname -s / uname -r). The kernel
#                      release is not used: outside Windows the whole version string counts as bound
#                      [M], and a kernel update is not known to break a license.
#   osSerial, osInstallDate  null: section 1.4 records them on Windows only.
#   hostname           /proc/sys/kernel/hostname (what gethostname() returns).
#   motherboard        /sys/class/dmi/id/board_vendor + board_name.
#   bios               /sys/class/dmi/id/bios_vendor + bios_version + ", UEFI" or ", Legacy"
#                      (/sys/firmware/efi present or not; nothing when /sys/firmware is hidden, as in
#                      containers). No DMI at all (containers, some VMs and ARM boards): both "".
#                      board_serial, product_serial and product_uuid are readable by root only; they
#                      are not fingerprint parameters, so nothing here needs them.
#   ramMb              MemTotal of /proc/meminfo in whole MB (MiB). It is what the kernel can use, a
#                      little less than the RAM installed, and may move by a few MB after a kernel
#                      update: compare like with like (this script at activation and now).
#   cpus               /proc/cpuinfo, one entry per physical package: "<model name>, <N> cores".
#   nics               /sys/class/net/*/address of adapters with a device behind them: lo and
#                      virtual interfaces (bridges, veth, tun, bonds, VLANs - no .../device) are left
#                      out; a bonded adapter gives its permanent MAC. Hardware addresses that are not
#                      6-byte MACs (InfiniBand) are left out with a note: the schema takes MACs only.
#   disks              /sys/block/* with a device behind them, except loop, ram, zram, optical (sr)
#                      and floppy (fd) devices and empty card readers: model and serial from the udev
#                      database (/run/udev/data, world-readable; the full model, as lsblk shows it),
#                      else from sysfs; size from /sys/block/X/size (always 512-byte units).
#
# FP_ROOT=/some/dir reads every file under that prefix instead of / (for tests: a fake /sys and /proc).
# Output is ASCII plus whatever UTF-8 the machine reports; strings are JSON-escaped (quotes,
# backslashes, control characters).

set -u
LC_ALL=C
export LC_ALL
R=${FP_ROOT:-}

note() { printf 'collect-fingerprint: %s\n' "$*" >&2; }

# The first line of a file, trimmed; nothing when it is missing or unreadable.
read1() {
  [ -f "$1" ] || return 0
  if [ ! -r "$1" ]; then
    note "$1 is readable by root only; left out."
    return 0
  fi
  sed -n '1{s/^[[:space:]]*//;s/[[:space:]]*$//;p;q;}' "$1" 2>/dev/null
  return 0
}

# A JSON string literal: backslash, quote and control characters escaped; bytes >= 0x80 kept as they are.
json() {
  printf '%s' "$1" | awk '
    BEGIN { for (i = 1; i < 32; i++) ctl[sprintf("%c", i)] = sprintf("\\u%04x", i); ctl["\t"] = "\\t"; printf "\"" }
    {
      if (NR > 1) printf "\\n"
      s = $0; out = ""
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\") c = "\\\\"
        else if (c == "\"") c = "\\\""
        else if (c in ctl) c = ctl[c]
        out = out c
      }
      printf "%s", out
    }
    END { printf "\"" }'
}

# Words joined by a separator, empty ones skipped.
join() {
  sep=$1
  shift
  out=""
  for w in "$@"; do
    [ -n "$w" ] || continue
    if [ -n "$out" ]; then out="$out$sep$w"; else out=$w; fi
  done
  printf '%s' "$out"
}

# A value of /etc/os-release (quotes removed, shell escapes undone).
os_release() {
  f=$R/etc/os-release
  [ -r "$f" ] || f=$R/usr/lib/os-release
  [ -r "$f" ] || return 0
  sed -n "s/^$1=//p" "$f" | sed -n '1{
    s/^"\(.*\)"$/\1/
    s/^'"'"'\(.*\)'"'"'$/\1/
    s/\\\(["$`\\]\)/\1/g
    s/^[[:space:]]*//
    s/[[:space:]]*$//
    p
  }'
}

# A property of a block device in the udev database (E:KEY=VALUE), \xHH escapes decoded.
udev_prop() {
  f=$R/run/udev/data/b$1
  [ -r "$f" ] || return 0
  sed -n "s/^E:$2=//p" "$f" | awk '
    function hex(h) { return index("0123456789abcdef", tolower(substr(h, 1, 1))) * 16 + index("0123456789abcdef", tolower(substr(h, 2, 1))) - 17 }
    NR == 1 {
      s = $0; out = ""
      while (match(s, /\\x[0-9A-Fa-f][0-9A-Fa-f]/)) {
        out = out substr(s, 1, RSTART - 1) sprintf("%c", hex(substr(s, RSTART + 2, 2)))
        s = substr(s, RSTART + 4)
      }
      out = out s
      sub(/^[ \t]+/, "", out); sub(/[ \t]+$/, "", out)
      print out
    }'
}

# ----- OS, name, memory

os_name=$(os_release NAME)
os_version=$(os_release VERSION_ID)
if [ -z "$R" ]; then
  [ -n "$os_name" ] || os_name=$(uname -s 2>/dev/null)
  [ -n "$os_version" ] || os_version=$(uname -r 2>/dev/null)
fi
[ -n "$os_name" ] || note "no /etc/os-release: the OS name is left empty."

hostname=$(read1 "$R/proc/sys/kernel/hostname")
if [ -z "$hostname" ] && [ -z "$R" ]; then hostname=$(uname -n 2>/dev/null); fi

ram_mb=0
if [ -r "$R/proc/meminfo" ]; then
  ram_mb=$(awk '$1 == "MemTotal:" { printf "%d", int($2 / 1024); exit }' "$R/proc/meminfo")
fi
case $ram_mb in '' | *[!0-9]*) ram_mb=0 ;; esac
[ "$ram_mb" -gt 0 ] || note "MemTotal not found in /proc/meminfo: ramMb is 0 (not recorded)."

# ----- motherboard and BIOS (DMI)

dmi=$R/sys/class/dmi/id
motherboard=$(join " " "$(read1 "$dmi/board_vendor")" "$(read1 "$dmi/board_name")")
bios=$(join " " "$(read1 "$dmi/bios_vendor")" "$(read1 "$dmi/bios_version")")
if [ -n "$bios" ]; then
  if [ -d "$R/sys/firmware/efi" ]; then
    bios="$bios, UEFI"
  elif [ -d "$R/sys/firmware/acpi" ] || [ -d "$R/sys/firmware/dmi" ] || [ -d "$R/sys/firmware/memmap" ]; then
    bios="$bios, Legacy"
  else
    note "/sys/firmware is hidden (a container?): the BIOS is recorded without UEFI/Legacy."
  fi
fi
[ -n "$motherboard" ] || note "no motherboard model in $dmi (no DMI here): left empty (not recorded)."
[ -n "$bios" ] || note "no BIOS vendor/version in $dmi (no DMI here): left empty (not recorded)."

# ----- CPUs: one entry per physical package

cpu_fallback=""
if [ -z "$R" ] && command -v lscpu >/dev/null 2>&1; then
  cpu_fallback=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | sed -n '1p')
fi
cpus=""
if [ -r "$R/proc/cpuinfo" ]; then
  cpus=$(awk -v fallback="$cpu_fallback" '
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    function flush() {
      if (!seen) return
      if (!(pkg in threads)) { order[++n] = pkg; model[pkg] = mdl; cores[pkg] = cr }
      threads[pkg]++
      seen = 0
    }
    /^[ \t]*$/ { flush(); next }
    {
      i = index($0, ":"); if (!i) next
      k = trim(substr($0, 1, i - 1)); v = trim(substr($0, i + 1))
      if (k == "processor") { flush(); seen = 1; pkg = "0"; mdl = ""; cr = "" }
      else if (k == "physical id") pkg = v
      else if (k == "model name" || k == "cpu model") { if (mdl == "") mdl = v }
      else if (k == "cpu cores") cr = v
    }
    END {
      flush()
      for (j = 1; j <= n; j++) {
        p = order[j]; m = model[p]; if (m == "") m = fallback; if (m == "") m = "unknown CPU"
        c = cores[p]; if (c == "") c = threads[p]
        print m ", " c " cores"
      }
    }' "$R/proc/cpuinfo")
fi
[ -n "$cpus" ] || note "no processors in /proc/cpuinfo: cpus is [] (not recorded)."

# ----- network adapters

H='[0-9A-Fa-f]'
nics=""
for d in "$R"/sys/class/net/*; do
  [ -e "$d" ] || continue
  name=${d##*/}
  [ "$name" != lo ] || continue
  [ -e "$d/device" ] || continue
  mac=$(read1 "$d/bonding_slave/perm_hwaddr")
  [ -n "$mac" ] || mac=$(read1 "$d/address")
  case $mac in
    00:00:00:00:00:00 | '') continue ;;
    $H$H:$H$H:$H$H:$H$H:$H$H:$H$H) ;;
    *)
      note "network adapter $name has hardware address $mac, not a 6-byte MAC: left out (the schema takes MACs only)."
      continue
      ;;
  esac
  nics="$nics${nics:+,}
    { \"name\": $(json "$name"), \"mac\": $(json "$mac") }"
done
[ -n "$nics" ] || note "no physical network adapter found: nics is []."

# ----- disks

disks=""
for d in "$R"/sys/block/*; do
  [ -e "$d" ] || continue
  name=${d##*/}
  case $name in loop* | ram* | zram* | sr* | fd*) continue ;; esac
  [ -e "$d/device" ] || continue
  sectors=$(read1 "$d/size")
  case $sectors in '' | *[!0-9]*) sectors=0 ;; esac
  [ "$sectors" -gt 0 ] || continue
  size=$((sectors * 512))
  devno=$(read1 "$d/dev")
  model=""
  serial=""
  if [ -n "$devno" ]; then
    model=$(udev_prop "$devno" ID_MODEL_ENC)
    [ -n "$model" ] || model=$(udev_prop "$devno" ID_MODEL)
    serial=$(udev_prop "$devno" ID_SERIAL_SHORT)
  fi
  [ -n "$model" ] || model=$(read1 "$d/device/model")
  [ -n "$serial" ] || serial=$(read1 "$d/device/serial")
  [ -n "$serial" ] || serial=$(read1 "$d/serial")
  [ -n "$model" ] || note "disk $name reports no model: left empty."
  entry="{ \"model\": $(json "$model")"
  if [ -n "$serial" ]; then entry="$entry, \"serial\": $(json "$serial")"; fi
  entry="$entry, \"sizeBytes\": $size }"
  disks="$disks${disks:+,}
    $entry"
done
[ -n "$disks" ] || note "no physical disk found: disks is []."

# ----- the fingerprint

cpu_list=""
if [ -n "$cpus" ]; then
  cpu_list=$(printf '%s\n' "$cpus" | while IFS= read -r c; do printf ',\n    %s' "$(json "$c")"; done)
  cpu_list=${cpu_list#,}
fi

list() {
  if [ -n "$1" ]; then printf '[%s\n  ]' "$1"; else printf '[]'; fi
}

printf '{\n'
printf '  "osName": %s,\n' "$(json "$os_name")"
printf '  "osVersion": %s,\n' "$(json "$os_version")"
printf '  "osSerial": null,\n'
printf '  "osInstallDate": null,\n'
printf '  "hostname": %s,\n' "$(json "$hostname")"
printf '  "motherboard": %s,\n' "$(json "$motherboard")"
printf '  "ramMb": %s,\n' "$ram_mb"
printf '  "bios": %s,\n' "$(json "$bios")"
printf '  "cpus": %s,\n' "$(list "$cpu_list")"
printf '  "nics": %s,\n' "$(list "$nics")"
printf '  "disks": %s\n' "$(list "$disks")"
printf '}\n'
