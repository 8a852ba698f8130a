#!/usr/bin/env bash
# DICOM speed side by side: `radiomics convert` against dcm2niix on the same 512×512×300 CT series, uncompressed
# and JPEG lossless (dcmcjpeg +e1): best wall time of 3 and that run's CPU time (user + sys). Needs dcm2niix, dcmtk,
# python3-pydicom and GNU time (Debian). Run alone (no other benchmark).
# usage: bench/dicom_side_by_side.sh [WORKDIR] [NX NY NZ]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
work="${1:-${TMPDIR:-/tmp}/dicom-bench}"
shift || true
size=("${@:-512 512 300}")
mkdir -p "$work"
dotnet build "$repo/src/Cli" -c Release -v q >/dev/null
radiomics=(dotnet "$repo/src/Cli/bin/Release/net10.0/radiomics.dll")

if [ ! -d "$work/native" ]; then
  /usr/bin/python3 "$here/dicom/make_ct_series.py" "$work/native" ${size[@]}
fi
if [ ! -d "$work/jpeg-lossless" ] && command -v dcmcjpeg >/dev/null; then
  mkdir -p "$work/jpeg-lossless"
  for f in "$work"/native/*.dcm; do dcmcjpeg +e1 "$f" "$work/jpeg-lossless/$(basename "$f")"; done
fi

# Wall and CPU (user + sys) seconds of one run, from /usr/bin/time (GNU time, Debian package "time").
measure() { local t; t=$(mktemp); /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null 2>&1 || { rm -f "$t"; return 1; }; awk '{printf "%s %.2f\n", $1, $2 + $3}' "$t"; rm -f "$t"; }
best() { # best wall of 3 runs, with that run's CPU time
  local b="" line
  for _ in 1 2 3; do
    line=$(measure "$@") || { echo "n/a n/a"; return; }
    if [ -z "$b" ] || (( $(echo "${line% *} < ${b% *}" | bc) )); then b=$line; fi
  done
  echo "$b"
}

echo "cores: $(nproc); series: ${size[*]}; $(uptime | sed 's/.*load/load/')"
printf '%-15s %12s %12s %12s %12s %8s\n' encoding "radiomics s" "cpu s" "dcm2niix s" "cpu s" ratio
for enc in native jpeg-lossless; do
  [ -d "$work/$enc" ] || { printf '%-15s %12s %12s %12s %12s %8s\n' "$enc" n/a n/a n/a n/a n/a; continue; }
  rm -rf "$work/out-$enc" && mkdir -p "$work/out-$enc"
  read -r ours ours_cpu <<<"$(best "${radiomics[@]}" convert "$work/$enc" "$work/out-$enc/radiomics.nii")"
  read -r theirs theirs_cpu <<<"$(best dcm2niix -z n -o "$work/out-$enc" -f "dcm2niix_%s" "$work/$enc")"
  ratio=n/a
  if [ "$ours" != n/a ] && [ "$theirs" != n/a ]; then ratio=$(echo "scale=2; $ours / $theirs" | bc); fi
  printf '%-15s %12s %12s %12s %12s %8s\n' "$enc" "$ours" "$ours_cpu" "$theirs" "$theirs_cpu" "$ratio"
done
