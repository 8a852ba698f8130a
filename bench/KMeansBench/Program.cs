using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Radiomics.Habitats.Clustering;

// Clusters the little-endian float64 row-major matrix written by sklearn_anchor.py with the anchor's settings
// (n_init 10, max_iter 300, tol 1e-4) on 2 threads and prints one JSON line.
// usage: dotnet run -c Release --project bench/KMeansBench -- X.f64 D K [hamerly|lloyd|mlnet] [threads] [repeats] [tol]
// With repeats > 1 the fit is repeated and `seconds` is the median (`min_seconds` the fastest). With mlnet, ML.NET's
// KMeansTrainer runs 10 initialisations instead (MlNetAnchor).
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: KMeansBench X.f64 D K [hamerly|lloyd] [threads] [repeats]");
    return 2;
}

var inv = CultureInfo.InvariantCulture;
string path = args[0];
int d = int.Parse(args[1], inv), k = int.Parse(args[2], inv);
int threads = args.Length > 4 ? int.Parse(args[4], inv) : 2;
bool mlnet = args.Length > 3 && args[3].Equals("mlnet", StringComparison.OrdinalIgnoreCase);
var algorithm = args.Length > 3 && !mlnet ? Enum.Parse<KMeansAlgorithm>(args[3], ignoreCase: true) : KMeansAlgorithm.Hamerly;
int repeats = args.Length > 5 ? int.Parse(args[5], inv) : 1;
double tolerance = args.Length > 6 ? double.Parse(args[6], inv) : 1e-4;

var bytes = File.ReadAllBytes(path);
var data = new double[bytes.Length / sizeof(double)];
for (int i = 0; i < data.Length; i++)
{
    data[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
}

if (mlnet)
{
    Console.WriteLine(JsonSerializer.Serialize(MlNetAnchor.Run(data, d, k, threads, inits: 10)));
    return 0;
}

var x = new FeatureMatrix(data, d);
var settings = new KMeansSettings { NClusters = k, NInit = 10, MaxIter = 300, Tolerance = tolerance, Algorithm = algorithm, Seed = 0, MaxDegreeOfParallelism = threads };

// Warm-up on a slice, long enough for the JIT's tiered compilation to reach optimised, profile-guided code, as the
// Python side runs precompiled extensions. A cold single run in a fresh process is slower (see README).
var slice = new FeatureMatrix(data[..(Math.Min(x.Rows, 50_000) * d)], d);
for (int w = 0; w < 3; w++)
{
    new KMeans(settings).Fit(slice);
}

var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
var times = new List<double>();
KMeans km = null!;
for (int r = 0; r < repeats; r++)
{
    var sw = Stopwatch.StartNew();
    km = new KMeans(settings).Fit(x);
    times.Add(sw.Elapsed.TotalSeconds);
}

double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / repeats;
times.Sort();
double seconds = times[times.Count / 2];
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["n"] = x.Rows,
    ["d"] = d,
    ["k"] = k,
    ["n_init"] = settings.NInit,
    ["algorithm"] = algorithm.ToString().ToLowerInvariant(),
    ["threads"] = threads,
    ["seconds"] = Math.Round(seconds, 3),
    ["min_seconds"] = Math.Round(times[0], 3),
    ["cpu_seconds"] = Math.Round(cpuSeconds, 3),
    ["inertia"] = km.Inertia,
    ["iters"] = km.Iterations,
}));
return 0;
