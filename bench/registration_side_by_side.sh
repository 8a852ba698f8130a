#!/usr/bin/env bash
# Side-by-side registration: elastix (shared/bench/longitudinal/run_elastix.sh, affine + B-spline, 2 threads) and our
# `radiomics register` + `radiomics propagate` on the same synthetic follow-up pairs with a known deformation, one after
# the other in the same session. Prints a table; the target (issue 4) is our Dice >= elastix's, our mean displacement
# error in the tumour region (dilated 10 mm) <= elastix's, and our wall time <= 1/5 of elastix's.
# Our time is the whole `register` command (start-up, reading, registration, writing the field and the resampled image).
# usage: bench/registration_side_by_side.sh [brain] [ct] [brain2] [breast] [prostate]   (default: the two dev pairs)
#        KEEP=DIR keeps the pairs and all outputs in DIR.
# needs: Debian elastix, bc, python3-numpy, python3-scipy, python3-nibabel (/usr/bin/python3), the shared folder.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TOOLKIT_SHARED_DIR:-$repo/../shared}"
bench="$shared/bench/longitudinal"
[ -f "$bench/make_pair.py" ] || { echo "make_pair.py not found under $shared/bench/longitudinal (set TOOLKIT_SHARED_DIR)" >&2; exit 2; }
command -v elastix >/dev/null || { echo "elastix is not installed (apt-get install elastix)" >&2; exit 2; }
pairs=("$@")
[ ${#pairs[@]} -gt 0 ] || pairs=(brain ct)

if [ -n "${KEEP:-}" ]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release "$repo/src/Cli" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

for name in "${pairs[@]}"; do
    case "$name" in
        brain) args=("$shared/data/pyradiomics/brain1_image.nrrd" "$shared/data/pyradiomics/brain1_label.nrrd" --seed 1) ;;
        ct) args=("$shared/ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz" "$shared/ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz" --seed 2 --max-disp 8) ;;
        # Held-out pairs (never used for tuning): other anatomy, small and thick-slice scans.
        brain2) args=("$shared/data/pyradiomics/brain2_image.nrrd" "$shared/data/pyradiomics/brain2_label.nrrd" --seed 7) ;;
        breast) args=("$shared/data/pyradiomics/breast1_image.nrrd" "$shared/data/pyradiomics/breast1_label.nrrd" --seed 7) ;;
        prostate) args=("$shared/data/pyradiomics/prostate_phantom_subvolume.nrrd" "$shared/data/pyradiomics/prostate_phantom_subvolume-label.nrrd" --seed 7) ;;
        *) echo "unknown pair '$name' (brain, ct, brain2, breast or prostate)" >&2; exit 2 ;;
    esac
    pair="$work/$name"
    echo "[$name] making the pair..." >&2
    /usr/bin/python3 "$bench/make_pair.py" "${args[0]}" "${args[1]}" "$pair" "${args[@]:2}" >/dev/null
    echo "[$name] elastix..." >&2
    sh "$bench/run_elastix.sh" "$pair" | tail -n 1 >"$work/elastix_$name.json"
    echo "[$name] ours..." >&2
    start=$(date +%s.%N)
    dotnet "$work/bin/radiomics.dll" register "$pair/followup.nii.gz" "$pair/baseline.nii.gz" -o "$pair/ours" --threads 2 >"$pair/ours.log"
    end=$(date +%s.%N)
    dotnet "$work/bin/radiomics.dll" propagate "$pair/baseline_mask.nii.gz" --transform "$pair/ours" --reference "$pair/followup.nii.gz" -o "$pair/ours/propagated_mask.nii.gz" >>"$pair/ours.log"
    /usr/bin/python3 "$bench/evaluate.py" "$pair" "$pair/ours/propagated_mask.nii.gz" "$pair/ours/displacement.nii.gz" --seconds "$(echo "$end - $start" | bc)" >"$work/ours_$name.json"
done

/usr/bin/python3 - "$work" "${pairs[@]}" <<'PY'
import json, os, sys
work, pairs = sys.argv[1], sys.argv[2:]
print(f"{'pair':>8} {'tool':>8} | {'seconds':>7} {'Dice':>6} {'HD95 mm':>7} {'err mm':>6} {'p95 mm':>6} | {'min det J':>9} | ratio | target")
for p in pairs:
    e = json.load(open(os.path.join(work, f"elastix_{p}.json")))
    o = json.load(open(os.path.join(work, f"ours_{p}.json")))
    ratio = o["seconds"] / e["seconds"]
    jmin = json.load(open(os.path.join(work, p, "ours", "registration.json")))["jacobian_min"]
    ok = o["dice"] >= e["dice"] and o["disp_err_region_mean_mm"] <= e["disp_err_region_mean_mm"] and ratio <= 0.2
    for tool, r in (("elastix", e), ("ours", o)):
        print(f"{p:>8} {tool:>8} | {r['seconds']:>7.2f} {r['dice']:>6.3f} {r['hd95_mm']:>7.2f} {r['disp_err_region_mean_mm']:>6.2f} {r['disp_err_region_p95_mm']:>6.2f} |"
              + (f" {jmin:>9.3f} | {ratio:>5.3f} | {'met' if ok else 'NOT met'}" if tool == "ours" else f" {'':>9} |       |"))
    print(f"{p:>8} {'none':>8} | {'':>7} {e['identity_dice']:>6.3f} {e['identity_hd95_mm']:>7.2f} {e['identity_err_region_mean_mm']:>6.2f} {'':>6} | {'':>9} |       |")
print("err / p95 = mean / 95th percentile displacement error (mm) in the true tumour region dilated by 10 mm; min det J = smallest")
print("Jacobian determinant of our field (> 0: no folding); ratio = our seconds / elastix's; 2 threads each, same session.")
PY
