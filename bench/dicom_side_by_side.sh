#!/usr/bin/env bash
# DICOM speed side by side: `radiomics convert` against dcm2niix on the same 512×512×300 CT series, uncompressed
# and JPEG lossless (dcmcjpeg +e1). Needs dcm2niix, dcmtk and python3-pydicom (Debian). Run alone (no other benchmark).
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

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || return 1; e=$(date +%s.%N); echo "$e - $s" | bc; }
best() { # best of 3 runs
  local b="" t
  for _ in 1 2 3; do
    t=$(seconds "$@") || { echo "n/a"; return; }
    if [ -z "$b" ] || (( $(echo "$t < $b" | bc) )); then b=$t; fi
  done
  echo "$b"
}

echo "cores: $(nproc); series: ${size[*]}"
printf '%-15s %12s %12s %8s\n' encoding "radiomics s" "dcm2niix s" ratio
for enc in native jpeg-lossless; do
  [ -d "$work/$enc" ] || { printf '%-15s %12s %12s %8s\n' "$enc" n/a n/a n/a; continue; }
  rm -rf "$work/out-$enc" && mkdir -p "$work/out-$enc"
  ours=$(best "${radiomics[@]}" convert "$work/$enc" "$work/out-$enc/radiomics.nii")
  theirs=$(best dcm2niix -z n -o "$work/out-$enc" -f "dcm2niix_%s" "$work/$enc")
  ratio=n/a
  if [ "$ours" != n/a ] && [ "$theirs" != n/a ]; then ratio=$(echo "scale=2; $ours / $theirs" | bc); fi
  printf '%-15s %12s %12s %8s\n' "$enc" "$ours" "$theirs" "$ratio"
done
