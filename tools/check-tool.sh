#!/usr/bin/env bash
# Packs the libraries and the `radiomics` .NET tool into artifacts/, installs the tool into a private folder from
# there, and checks it as a user would: `radiomics info` on an image, and on a missing file nothing on standard output
# and a non-zero exit code. Called by .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="$PWD/artifacts"
rm -rf "$artifacts"
for project in src/Radiomics.Core src/Habitats src/Longitudinal src/Plotting src/Interop src/Cli; do
  dotnet pack "$project" -c Release -o "$artifacts" -v q -nologo
done
ls "$artifacts"
# Every package carries the README, the licence (MIT) and the third-party notices.
/usr/bin/env python3 - "$artifacts"/*.nupkg <<'PY'
import re, sys, zipfile
for package in sys.argv[1:]:
    with zipfile.ZipFile(package) as z:
        names = set(z.namelist())
        nuspec = z.read(next(n for n in names if n.endswith(".nuspec"))).decode("utf-8")
    missing = [f for f in ("README.md", "LICENSE", "THIRD-PARTY-NOTICES.md") if f not in names]
    if missing or not re.search(r"<license type=\"expression\">MIT</license>", nuspec):
        sys.exit(f"{package}: missing {missing} or no MIT licence expression")
print(f"{len(sys.argv) - 1} packages: README.md, LICENSE, THIRD-PARTY-NOTICES.md and the MIT licence expression")
PY

tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
dotnet tool install --tool-path "$tools" --add-source "$artifacts" Radiomics.Cli --version "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)"

# An image to look at: a 2×2×2 int16 NIfTI made here (348-byte header, data at 352), so the check needs no data set.
image="$tools/probe.nii"
/usr/bin/env python3 - "$image" <<'PY' 2>/dev/null || printf ''
import struct, sys
h = bytearray(348)
struct.pack_into('<i', h, 0, 348)
struct.pack_into('<8h', h, 40, 3, 2, 2, 2, 1, 1, 1, 1)
struct.pack_into('<hh', h, 70, 4, 16)
struct.pack_into('<8f', h, 76, 1, 1, 1, 1, 0, 0, 0, 0)
struct.pack_into('<f', h, 108, 352)
h[344:348] = b'n+1\0'
open(sys.argv[1], 'wb').write(bytes(h) + b'\0' * 4 + struct.pack('<8h', *range(8)))
PY
if [ -f "$image" ]; then
  "$tools/radiomics" info "$image"
else
  "$tools/radiomics" --help >/dev/null
fi

set +e
out="$("$tools/radiomics" info /nonexistent.nii.gz 2>/dev/null)"
code=$?
set -e
if [ "$code" -eq 0 ] || [ -n "$out" ]; then
  echo "radiomics info /nonexistent.nii.gz: expected no standard output and a non-zero exit, got exit $code and '$out'" >&2
  exit 1
fi
echo "installed tool: ok (missing file: exit $code, nothing on standard output)"
