#!/usr/bin/env bash
# How a study's cost grows with the cohort (issue 18): `radiomics demo --subjects N` (synthetic cohort, the whole
# study, the check against the truth and the report) at N = 4, 12 and 24, one after another, each under
# /usr/bin/time -v. Prints wall and CPU time per subject and peak RSS, with their ratios to the smallest cohort;
# the target is at most 1.15x time per subject and 1.2x peak RSS from 4 to 24 subjects.
# usage: bench/study_scaling.sh [N ...]      TIMEPOINTS=3 (scans per subject), KEEP=DIR keeps the outputs in DIR.
# needs: /usr/bin/time (Debian package `time`: apt-get install time). Run it alone: other load skews wall time
# (CPU time per subject is the steadier figure on a shared machine).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(4 12 24)
timepoints="${TIMEPOINTS:-3}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install time" >&2; exit 2; }
if [ -n "${KEEP:-}" ]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release "$repo/src/Cli" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

field() { grep "$2" "$1" | awk '{print $NF}'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$1"; }
echo "cores: $(nproc); time points per subject: $timepoints; $(dotnet --version 2>/dev/null | sed 's/^/dotnet sdk /')"
printf '%8s %10s %14s %14s %12s %10s %10s %10s\n' subjects "wall s" "wall s/subj" "CPU s/subj" "peak RSS MB" "wall x" "CPU x" "RSS x"
base_wall="" base_cpu="" base_rss=""
for n in "${sizes[@]}"; do
    out="$work/demo_$n"
    rm -rf "$out"
    /usr/bin/time -v -o "$work/time_$n.txt" dotnet "$work/bin/radiomics.dll" demo --subjects "$n" --timepoints "$timepoints" -o "$out" >"$work/demo_$n.log" 2>&1 \
        || { tail -20 "$work/demo_$n.log" >&2; exit 1; }
    wall=$(seconds "$(field "$work/time_$n.txt" "Elapsed (wall")")
    cpu=$(awk -v u="$(field "$work/time_$n.txt" "User time")" -v s="$(field "$work/time_$n.txt" "System time")" 'BEGIN { print u + s }')
    rss=$(awk -v k="$(field "$work/time_$n.txt" "Maximum resident")" 'BEGIN { printf "%.0f", k / 1024 }')
    per_wall=$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.2f", w / n }')
    per_cpu=$(awk -v c="$cpu" -v n="$n" 'BEGIN { printf "%.2f", c / n }')
    : "${base_wall:=$per_wall}" "${base_cpu:=$per_cpu}" "${base_rss:=$rss}"
    printf '%8d %10.1f %14s %14s %12s %10.2f %10.2f %10.2f\n' "$n" "$wall" "$per_wall" "$per_cpu" "$rss" \
        "$(awk -v a="$per_wall" -v b="$base_wall" 'BEGIN { print a / b }')" \
        "$(awk -v a="$per_cpu" -v b="$base_cpu" 'BEGIN { print a / b }')" \
        "$(awk -v a="$rss" -v b="$base_rss" 'BEGIN { print a / b }')"
done
