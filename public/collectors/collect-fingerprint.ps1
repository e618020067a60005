<#
collect-fingerprint.ps1 - prints this Windows computer's hardware fingerprint as SeatLedger's JSON.

The eleven parameters a 1C:Enterprise software license is bound to (DOMAIN.md section 1.4), in the
exact shape the binding check form, POST /api/tools/binding/compare and
POST /api/computers/{id}/fingerprints accept (FingerprintSchema in lib/licensing/binding.ts).
Run it on the computer the license is (or will be) activated on, at activation and again later.
Windows PowerShell 5.1 (also 3.0+ and PowerShell 7); no administrator rights needed.

Usage, from cmd.exe:
  powershell -ExecutionPolicy Bypass -File collect-fingerprint.ps1 > fingerprint.json
From a PowerShell prompt use -OutFile instead: there ">" would re-encode the output as UTF-16,
which the API refuses (it reads UTF-8):
  powershell -ExecutionPolicy Bypass -File collect-fingerprint.ps1 -OutFile fingerprint.json
The JSON is plain ASCII (any other character is written as \uXXXX), so it is valid UTF-8 whatever
the console code page (CP866, CP1251, 437 ...). Notes about values it could not read go to stderr.

Record it on the computer (an API token of scope "admin": recording needs inventory.write):
  curl.exe -X POST -H "Authorization: Bearer %SEATLEDGER_TOKEN%" -H "Content-Type: application/json" --data-binary @fingerprint.json https://seatledger.example/api/computers/42/fingerprints
or in PowerShell ("curl" there is Invoke-WebRequest, hence curl.exe above):
  $token = '<token>'
  Invoke-RestMethod -Method Post -Uri https://seatledger.example/api/computers/42/fingerprints `
    -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' `
    -Body (Get-Content -Raw fingerprint.json)
Compare with the fingerprint recorded at activation (any token):
  $body = '{"activated":' + (Get-Content -Raw activated.json) + ',"current":' + (Get-Content -Raw fingerprint.json) + '}'
  Invoke-RestMethod -Method Post -Uri https://seatledger.example/api/tools/binding/compare `
    -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' -Body $body

Where each value comes from:
  osName, osVersion  Win32_OperatingSystem Caption and Version. The full version (10.0.19045) is
                     recorded; the binding check compares only its first two numbers on Windows.
  osSerial           Win32_OperatingSystem SerialNumber (null when Windows does not give one).
  osInstallDate      Win32_OperatingSystem InstallDate as yyyy-MM-dd (local date).
  hostname           Win32_ComputerSystem Name.
  motherboard        Win32_BaseBoard Manufacturer + Product.
  ramMb              Win32_ComputerSystem TotalPhysicalMemory in whole MB (MiB): the memory Windows
                     can use, a little less than the modules installed. Compare like with like.
  bios               Win32_BIOS Manufacturer + SMBIOSBIOSVersion + ", UEFI" or ", Legacy" (from
                     $env:firmware_type, else the PEFirmwareType registry value, else
                     Confirm-SecureBootUEFI; left out when none answers).
  cpus               Win32_Processor, one entry per socket: "<Name>, <NumberOfCores> cores".
  nics               Win32_NetworkAdapter where PhysicalAdapter is true and a MAC is set, except
                     software adapters (PNPDeviceID under ROOT\): { name, mac }.
  disks              Win32_DiskDrive: { model, serial (left out when empty), sizeBytes }.
                     Size is Win32_DiskDrive.Size (from the geometry, a little below the capacity).
#>
#Requires -Version 3.0
[CmdletBinding()]
param(
    # Write the JSON to this file (UTF-8, no BOM) instead of stdout.
    [string]$OutFile
)

$ErrorActionPreference = 'Stop'
# Windows PowerShell 5.1 may serialise arrays as {"value":[...],"Count":n} when System.Array has
# extra type data; without it they are plain JSON arrays.
try { Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue } catch { }

function Write-Note([string]$Text) {
    [Console]::Error.WriteLine("collect-fingerprint: $Text")
}

function Get-Text($Value) {
    if ($null -eq $Value) { return '' }
    return ([string]$Value).Trim()
}

function Join-Text([string[]]$Parts, [string]$Separator = ' ') {
    return (@($Parts | Where-Object { $_ }) -join $Separator)
}

function Get-Cim([string]$Class) {
    try {
        return @(Get-CimInstance -ClassName $Class -ErrorAction Stop)
    } catch {
        Write-Note "$Class could not be read ($($_.Exception.Message)); its values are left empty."
        return @()
    }
}

function Get-FirmwareType {
    $type = Get-Text $env:firmware_type
    if ($type -eq 'UEFI' -or $type -eq 'Legacy') { return $type }
    try {
        # 1 = BIOS (Legacy), 2 = UEFI; readable without administrator rights (Windows 8 / 2012 and later).
        $pe = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control' -Name 'PEFirmwareType' -ErrorAction Stop).PEFirmwareType
        if ($pe -eq 2) { return 'UEFI' }
        if ($pe -eq 1) { return 'Legacy' }
    } catch { }
    try {
        $null = Confirm-SecureBootUEFI -ErrorAction Stop
        return 'UEFI'
    } catch [System.PlatformNotSupportedException] {
        return 'Legacy'
    } catch { }
    Write-Note 'firmware type (UEFI or Legacy) not found: the BIOS is recorded without it.'
    return ''
}

# ----- OS, name, memory

$os = @(Get-Cim 'Win32_OperatingSystem') | Select-Object -First 1
$osName = ''
$osVersion = ''
$osSerial = $null
$osInstallDate = $null
if ($os) {
    $osName = Get-Text $os.Caption
    $osVersion = Get-Text $os.Version
    $serial = Get-Text $os.SerialNumber
    if ($serial) { $osSerial = $serial }
    if ($os.InstallDate) { $osInstallDate = ([datetime]$os.InstallDate).ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture) }
}

$computer = @(Get-Cim 'Win32_ComputerSystem') | Select-Object -First 1
$hostname = ''
$ramMb = [long]0
if ($computer) {
    $hostname = Get-Text $computer.Name
    if ($computer.TotalPhysicalMemory) { $ramMb = [long][math]::Floor([double]$computer.TotalPhysicalMemory / 1MB) }
}
if (-not $hostname) { $hostname = Get-Text $env:COMPUTERNAME }
if ($ramMb -le 0) { Write-Note 'TotalPhysicalMemory not found: ramMb is 0 (not recorded).' }

# ----- motherboard and BIOS

$board = @(Get-Cim 'Win32_BaseBoard') | Select-Object -First 1
$motherboard = ''
if ($board) { $motherboard = Join-Text @((Get-Text $board.Manufacturer), (Get-Text $board.Product)) }

$biosInfo = @(Get-Cim 'Win32_BIOS') | Select-Object -First 1
$bios = ''
if ($biosInfo) { $bios = Join-Text @((Get-Text $biosInfo.Manufacturer), (Get-Text $biosInfo.SMBIOSBIOSVersion)) }
if ($bios) {
    $firmware = Get-FirmwareType
    if ($firmware) { $bios = "$bios, $firmware" }
}

# ----- devices

$cpus = @()
foreach ($p in @(Get-Cim 'Win32_Processor')) {
    $cores = ''
    if ($p.NumberOfCores) { $cores = "$($p.NumberOfCores) cores" }
    $cpus += Join-Text @((Get-Text $p.Name), $cores) ', '
}

$nics = @()
$adapters = @(Get-Cim 'Win32_NetworkAdapter' | Where-Object { $_.PhysicalAdapter -and $_.MACAddress -and ("$($_.PNPDeviceID)" -notlike 'ROOT\*') })
foreach ($a in @($adapters | Sort-Object { [int]$_.DeviceID })) {
    # The unary comma keeps the hashtable one element of the list.
    $nics += ,([ordered]@{ name = Get-Text $a.Name; mac = Get-Text $a.MACAddress })
}

$disks = @()
foreach ($d in @(Get-Cim 'Win32_DiskDrive' | Sort-Object Index)) {
    $disk = [ordered]@{ model = Get-Text $d.Model }
    $diskSerial = Get-Text $d.SerialNumber
    if ($diskSerial) { $disk.serial = $diskSerial }
    $disk.sizeBytes = [long]0
    if ($d.Size) { $disk.sizeBytes = [long]$d.Size }
    $disks += ,$disk
}

if ($cpus.Count -eq 0) { Write-Note 'no processor found: cpus is [].' }
if ($nics.Count -eq 0) { Write-Note 'no physical network adapter with a MAC address found: nics is [].' }
if ($disks.Count -eq 0) { Write-Note 'no disk found: disks is [].' }

# ----- the fingerprint

$fingerprint = [ordered]@{
    osName        = $osName
    osVersion     = $osVersion
    osSerial      = $osSerial
    osInstallDate = $osInstallDate
    hostname      = $hostname
    motherboard   = $motherboard
    ramMb         = $ramMb
    bios          = $bios
    cpus          = [object[]]$cpus
    nics          = [object[]]$nics
    disks         = [object[]]$disks
}
$json = ConvertTo-Json -InputObject $fingerprint -Depth 5
# ASCII only: every other character as a JSON \uXXXX escape (strings are the only place it can be).
$json = [regex]::Replace($json, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })

if ($OutFile) {
    $path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
    [IO.File]::WriteAllText($path, $json + "`n", (New-Object System.Text.UTF8Encoding $false))
} else {
    [Console]::Out.Write($json + "`n")
}
