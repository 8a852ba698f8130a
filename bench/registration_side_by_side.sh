#!/usr/bin/env bash
# Three-way registration side by side, scored fairly: our `radiomics register`, elastix (shared/bench/longitudinal/
# run_elastix.sh: affine + B-spline, Mattes MI) and plastimatch (`radiomics register --backend plastimatch`: centre,
# affine, three B-spline stages with mean squares; command file in OUT/plastimatch/register.txt), 2 threads each, one
# after the other on the same synthetic follow-up pairs with a known deformation, in one run.
# Every tool's field carries the baseline mask the same way (bench/registration_fair_warp.py: linear interpolation of
# the binary mask, >= 0.5, as make_pair.py makes the true follow-up mask), so Dice and HD95 compare the fields, not the
# tools' mask interpolators. Also: mean displacement error in the tumour region (dilated 10 mm), minimum det J of each
# field and its folded volume (same finite differences for all), seconds.
# Seconds: each tool's whole process, start-up to exit, timed the same way: ours = the `register` command (start-up,
# reading, registering, writing the field, the resampled image and the record), the CLI published precompiled and
# self-contained (dotnet publish -r linux-x64 -p:SelfContained=true: one ReadyToRun image of the libraries and the runtime);
# elastix = the elastix process (run_elastix.sh); plastimatch = `plastimatch register` on the command file our
# backend wrote, run again on the pair's own files for the clock (its own "Total" line, which leaves out its process
# start-up, is printed beside it).
# usage: bench/registration_side_by_side.sh [PAIR ...]   PAIR = NAME[:SEED[:MAXDISP]], NAME one of brain, ct, brain2,
#        breast, prostate (default: the two dev pairs brain:1 and ct:2:8). Example: brain2:7:10 breast:11:10
#        KEEP=DIR keeps the pairs and all outputs in DIR.
# needs: Debian elastix, plastimatch, bc, python3-numpy, python3-scipy, python3-nibabel (/usr/bin/python3), the shared folder.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TOOLKIT_SHARED_DIR:-$repo/../shared}"
bench="$shared/bench/longitudinal"
[ -f "$bench/make_pair.py" ] || { echo "make_pair.py not found under $shared/bench/longitudinal (set TOOLKIT_SHARED_DIR)" >&2; exit 2; }
command -v elastix >/dev/null || { echo "elastix is not installed (apt-get install elastix)" >&2; exit 2; }
command -v plastimatch >/dev/null || { echo "plastimatch is not installed (apt-get install plastimatch)" >&2; exit 2; }
pairs=("$@")
[ ${#pairs[@]} -gt 0 ] || pairs=(brain:1 ct:2:8)

if [ -n "${KEEP:-}" ]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish -c Release -r linux-x64 -p:SelfContained=true "$repo/src/Cli" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
radiomics() { "$work/bin/radiomics" "$@"; }
wall() {  # wall OUTFILE CMD...: runs CMD, writes its wall seconds to OUTFILE
    local out="$1"; shift
    local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N)
    echo "$end - $start" | bc >"$out"
}
score() {  # score TOOL PAIRDIR FIELD SECONDS
    local mask="$2/$1_fair_mask.nii.gz"
    /usr/bin/python3 "$repo/bench/registration_fair_warp.py" "$2" "$3" "$mask" >"$2/$1_jacobian.json"
    /usr/bin/python3 "$bench/evaluate.py" "$2" "$mask" "$3" --seconds "$4" >"$2/$1_scores.json"
}

labels=()
for spec in "${pairs[@]}"; do
    IFS=: read -r name seed maxdisp <<<"$spec"
    case "$name" in
        brain) args=("$shared/data/pyradiomics/brain1_image.nrrd" "$shared/data/pyradiomics/brain1_label.nrrd") ;;
        ct) args=("$shared/ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz" "$shared/ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz") ;;
        brain2) args=("$shared/data/pyradiomics/brain2_image.nrrd" "$shared/data/pyradiomics/brain2_label.nrrd") ;;
        breast) args=("$shared/data/pyradiomics/breast1_image.nrrd" "$shared/data/pyradiomics/breast1_label.nrrd") ;;
        prostate) args=("$shared/data/pyradiomics/prostate_phantom_subvolume.nrrd" "$shared/data/pyradiomics/prostate_phantom_subvolume-label.nrrd") ;;
        *) echo "unknown pair '$name' (brain, ct, brain2, breast or prostate)" >&2; exit 2 ;;
    esac
    seed="${seed:-7}"
    label="$name:$seed${maxdisp:+:$maxdisp}"; labels+=("$label")
    pair="$work/${label//:/_}"
    echo "[$label] making the pair..." >&2
    /usr/bin/python3 "$bench/make_pair.py" "${args[@]}" "$pair" --seed "$seed" ${maxdisp:+--max-disp "$maxdisp"} >/dev/null

    echo "[$label] elastix..." >&2
    sh "$bench/run_elastix.sh" "$pair" | tail -n 1 >"$pair/elastix_own.json"
    score elastix "$pair" "$pair/elastix/deformationField.nii.gz" "$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$pair/elastix_own.json")"

    echo "[$label] plastimatch..." >&2
    radiomics register "$pair/followup.nii.gz" "$pair/baseline.nii.gz" -o "$pair/plastimatch" --threads 2 --backend plastimatch >"$pair/plastimatch.log"
    # The same command file on the pair's own files (our backend's copies are removed), for the process's wall time.
    sed -e "s|^fixed=.*|fixed=$pair/followup.nii.gz|" -e "s|^moving=.*|moving=$pair/baseline.nii.gz|" -e "s|^vf_out=.*|vf_out=$pair/plastimatch_clock_vf.nii.gz|" \
        "$pair/plastimatch/plastimatch/register.txt" >"$pair/plastimatch_clock.txt"
    OMP_NUM_THREADS=2 ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS=2 wall "$pair/plastimatch_seconds" plastimatch register "$pair/plastimatch_clock.txt" >"$pair/plastimatch_clock.log"
    awk '/^Total:/ {print $2}' "$pair/plastimatch_clock.log" >"$pair/plastimatch_total"
    score plastimatch "$pair" "$pair/plastimatch/displacement.nii.gz" "$(cat "$pair/plastimatch_seconds")"

    echo "[$label] ours..." >&2
    wall "$pair/ours_seconds" radiomics register "$pair/followup.nii.gz" "$pair/baseline.nii.gz" -o "$pair/ours" --threads 2 >"$pair/ours.log"
    score ours "$pair" "$pair/ours/displacement.nii.gz" "$(cat "$pair/ours_seconds")"
done

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
/usr/bin/python3 - "$work" "${labels[@]}" <<'PY'
import json, os, sys
work, labels = sys.argv[1], sys.argv[2:]
tools = ("ours", "elastix", "plastimatch")
print(f"{'pair':>14} {'tool':>11} | {'seconds':>7} {'Dice':>6} {'HD95 mm':>7} {'err mm':>6} {'p95 mm':>6} | {'min det J':>9} {'folded mm3':>10} | target")
for label in labels:
    d = os.path.join(work, label.replace(":", "_"))
    r = {t: {**json.load(open(f"{d}/{t}_scores.json")), **json.load(open(f"{d}/{t}_jacobian.json"))} for t in tools}
    o, e, p = r["ours"], r["elastix"], r["plastimatch"]
    best = lambda k, f: f(e[k], p[k])
    checks = {
        "Dice": o["dice"] >= best("dice", max) - 5e-4,
        "HD95": o["hd95_mm"] <= best("hd95_mm", min) + 5e-3,
        "err": o["disp_err_region_mean_mm"] <= best("disp_err_region_mean_mm", min) + 5e-3,
        "time": o["seconds"] <= 0.2 * e["seconds"] and o["seconds"] <= p["seconds"],
        "no folding": o["jacobian_min"] > 0,
    }
    missed = [k for k, ok in checks.items() if not ok]
    for t in tools:
        x = r[t]
        verdict = ("met" if not missed else "NOT met: " + ", ".join(missed)) if t == "ours" else ""
        print(f"{label:>14} {t:>11} | {x['seconds']:>7.2f} {x['dice']:>6.3f} {x['hd95_mm']:>7.2f} {x['disp_err_region_mean_mm']:>6.2f} {x['disp_err_region_p95_mm']:>6.2f} |"
              f" {x['jacobian_min']:>9.3f} {x['folded_mm3']:>10.1f} | {verdict}")
    print(f"{label:>14} {'':>11} | plastimatch's own Total (no process start-up): {float(open(f'{d}/plastimatch_total').read()):.2f} s")
    print(f"{label:>14} {'none':>11} | {'':>7} {e['identity_dice']:>6.3f} {e['identity_hd95_mm']:>7.2f} {e['identity_err_region_mean_mm']:>6.2f} {'':>6} | {'':>9} {'':>10} |")
print("Dice/HD95: the baseline mask warped through each tool's field the same way (linear, >= 0.5). err / p95 = mean / 95th")
print("percentile displacement error (mm) in the true tumour region dilated by 10 mm. min det J / folded: each field's smallest")
print("Jacobian determinant and the volume where it is <= 0. Target: ours at least as good as the better of elastix and")
print("plastimatch on Dice, HD95 and error, in <= 1/5 of elastix's seconds and <= plastimatch's, no folding. 2 threads each;")
print("seconds are each tool's whole process, start-up to exit.")
PY
