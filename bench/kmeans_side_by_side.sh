#!/usr/bin/env bash
# Side-by-side k-means: scikit-learn (shared/bench/kmeans/sklearn_anchor.py), ML.NET's KMeansTrainer (10
# initialisations, bench/KMeansBench/MlNetAnchor.cs) and our KMeans on the same matrices, run one after the other on
# the same machine. Prints a table; the target is our inertia within 0.1 % of (or below)
# scikit-learn's in at most half of scikit-learn's faster time (Lloyd or Elkan).
# usage: bench/kmeans_side_by_side.sh [SIZES...]   e.g. "200000:8:4" (default: the three sizes of the issue)
# needs: Debian python3-sklearn python3-threadpoolctl (/usr/bin/python3), the shared folder, the .NET SDK.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TOOLKIT_SHARED_DIR:-$repo/../shared}"
anchor="$shared/bench/kmeans/sklearn_anchor.py"
[ -f "$anchor" ] || { echo "sklearn_anchor.py not found under $shared (set TOOLKIT_SHARED_DIR)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000:8:4 1000000:8:5 1000000:16:8)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
dotnet build -c Release "$repo/bench/KMeansBench" -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

for s in "${sizes[@]}"; do
    IFS=: read -r n d k <<<"$s"
    echo "[$n x $d, k=$k] scikit-learn..." >&2
    /usr/bin/python3 "$anchor" "$n" "$d" "$k" "$work" >"$work/sk_$s.json"
    echo "[$n x $d, k=$k] ours..." >&2
    dotnet "$work/bin/KMeansBench.dll" "$work/X_${n}x${d}.f64" "$d" "$k" hamerly 2 >"$work/ours_$s.json"
    echo "[$n x $d, k=$k] ML.NET..." >&2
    dotnet "$work/bin/KMeansBench.dll" "$work/X_${n}x${d}.f64" "$d" "$k" mlnet 2 >"$work/mlnet_$s.json"
    rm -f "$work/X_${n}x${d}.f64"
done

python3 - "$work" "${sizes[@]}" <<'PY'
import json, sys, os
work, sizes = sys.argv[1], sys.argv[2:]
print(f"{'n x d':>12} {'k':>2} | {'sk lloyd s':>10} {'sk elkan s':>10} {'ML.NET s':>8} {'ours s':>7} {'ratio':>6} | {'sk inertia':>16} {'ML.NET inertia':>16} {'ours inertia':>16} {'rel diff':>9} | target")
for s in sizes:
    n, d, k = s.split(':')
    sk = json.load(open(os.path.join(work, f"sk_{s}.json")))
    ours = json.load(open(os.path.join(work, f"ours_{s}.json")))
    ml = json.load(open(os.path.join(work, f"mlnet_{s}.json")))
    best_sk = min(sk['lloyd']['seconds'], sk['elkan']['seconds'])
    sk_inertia = min(sk['lloyd']['inertia'], sk['elkan']['inertia'])
    ratio = ours['seconds'] / best_sk
    rel = (ours['inertia'] - sk_inertia) / sk_inertia
    ok = ratio <= 0.5 and rel <= 1e-3
    ok_ml = ours['seconds'] < ml['seconds'] and ours['inertia'] <= ml['inertia'] * (1 + 1e-9)
    print(f"{n + ' x ' + d:>12} {k:>2} | {sk['lloyd']['seconds']:>10.3f} {sk['elkan']['seconds']:>10.3f} {ml['seconds']:>8.3f} {ours['seconds']:>7.3f} {ratio:>6.2f} | "
          f"{sk_inertia:>16.6f} {ml['inertia']:>16.6f} {ours['inertia']:>16.6f} {rel:>+9.2e} | sklearn {'met' if ok else 'NOT met'}, ML.NET {'met' if ok_ml else 'NOT met'}")
print("ratio = our seconds / scikit-learn's faster algorithm; rel diff = (ours - sklearn) / sklearn inertia. All n_init 10 on 2 threads;")
print("ML.NET target: faster than ML.NET at no worse inertia (ML.NET's float32 centroids, inertia recomputed in float64). Same machine, same run.")
PY
