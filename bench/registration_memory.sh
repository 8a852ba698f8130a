#!/usr/bin/env bash
# Peak memory of `radiomics register` and `radiomics propagate` on a 512×512×300 CT pair (issue 4: under 4 GB).
# The pair is the IBSI CT phantom resampled to 512×512×300 (0.39 × 0.39 × 0.4 mm) and deformed by make_pair.py
# (--seed 2 --max-disp 8); making it takes several minutes and ~1.3 GB of disk.
# usage: bench/registration_memory.sh        KEEP=DIR keeps the pair and the outputs in DIR; VOLUME_CHANGE=1 also runs
#        `register --volume-change` (a study's settings: 6 mm grid and the dense refinement).
# needs: /usr/bin/time, Debian python3-numpy, python3-scipy, python3-nibabel (/usr/bin/python3), the shared folder.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TOOLKIT_SHARED_DIR:-$repo/../shared}"
bench="$shared/bench/longitudinal"
phantom="$shared/ibsi/ibsi_1_ct_radiomics_phantom/nifti"
[ -f "$bench/make_pair.py" ] || { echo "make_pair.py not found under $shared/bench/longitudinal (set TOOLKIT_SHARED_DIR)" >&2; exit 2; }
if [ -n "${KEEP:-}" ]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release "$repo/src/Cli" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

if [ ! -f "$work/pair/followup.nii.gz" ]; then
    echo "making the 512x512x300 pair..." >&2
    /usr/bin/python3 - "$phantom" "$work" <<'PY'
import sys
import nibabel as nib, numpy as np
from scipy import ndimage
src, work = sys.argv[1], sys.argv[2]
img, msk = nib.load(f"{src}/image/phantom.nii.gz"), nib.load(f"{src}/mask/mask.nii.gz")
a = np.asanyarray(img.dataobj).astype(np.float32)
f = [512 / a.shape[0], 512 / a.shape[1], 300 / a.shape[2]]
big = ndimage.zoom(a, f, order=1).astype(np.int16)
mask = (ndimage.zoom(np.asanyarray(msk.dataobj).astype(np.float32), f, order=1) > 0.5).astype(np.uint8)
affine = img.affine.copy()
for i in range(3):
    affine[:3, i] /= f[i]
nib.save(nib.Nifti1Image(big, affine), f"{work}/base.nii.gz")
nib.save(nib.Nifti1Image(mask, affine), f"{work}/base_mask.nii.gz")
PY
    /usr/bin/python3 "$bench/make_pair.py" "$work/base.nii.gz" "$work/base_mask.nii.gz" "$work/pair" --seed 2 --max-disp 8 >/dev/null
fi

peak() { grep "Maximum resident" "$1" | awk '{printf "%.2f", $NF / 1048576}'; }
wall() { grep "Elapsed (wall" "$1" | awk '{print $NF}'; }
echo "register..." >&2
/usr/bin/time -v -o "$work/register.time" dotnet "$work/bin/radiomics.dll" register "$work/pair/followup.nii.gz" "$work/pair/baseline.nii.gz" -o "$work/ours" --threads 2 >"$work/register.log"
if [ -n "${VOLUME_CHANGE:-}" ]; then
    echo "register --volume-change..." >&2
    /usr/bin/time -v -o "$work/register_volume.time" dotnet "$work/bin/radiomics.dll" register "$work/pair/followup.nii.gz" "$work/pair/baseline.nii.gz" -o "$work/ours_volume" --threads 2 --volume-change >"$work/register_volume.log"
fi
echo "propagate..." >&2
/usr/bin/time -v -o "$work/propagate.time" dotnet "$work/bin/radiomics.dll" propagate "$work/pair/baseline_mask.nii.gz" -t "$work/ours" -r "$work/pair/followup.nii.gz" -o "$work/ours/propagated_mask.nii.gz" >"$work/propagate.log"
scores=$(/usr/bin/python3 "$bench/evaluate.py" "$work/pair" "$work/ours/propagated_mask.nii.gz")
echo "512x512x300 CT pair, 2 threads"
echo "register:  peak $(peak "$work/register.time") GiB, wall $(wall "$work/register.time")"
[ -z "${VOLUME_CHANGE:-}" ] || echo "register --volume-change: peak $(peak "$work/register_volume.time") GiB, wall $(wall "$work/register_volume.time")"
echo "propagate: peak $(peak "$work/propagate.time") GiB, wall $(wall "$work/propagate.time")"
echo "scores: $scores"
