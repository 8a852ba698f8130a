using System.Diagnostics;
using System.Globalization;
using Radiomics.IO.Dicom.Codecs;
using Radiomics.TestSupport;

// Decodes one 512×512 frame per codec (brain1's middle slice enlarged 2× with noise, encoded by dcmtk and gdcm through
// tests/Radiomics.Core.Tests/Fixtures/make_codec_fixtures.py) and reports, on one thread, the median wall time and the
// mean CPU time per frame (the process's processor time over all runs; steady under load from other processes), with the
// decoded MB/s of CPU time.
// usage: dotnet run -c Release --project bench/CodecBench [-- RUNS]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 21;
if (!SharedData.IsAvailable || SharedData.RepositoryRoot is null)
{
    Console.Error.WriteLine(SharedData.SkipReason);
    return 2;
}

var dir = Path.Combine(Path.GetTempPath(), "radiomics-codecbench");
var script = Path.Combine(SharedData.RepositoryRoot, "tests", "Radiomics.Core.Tests", "Fixtures", "make_codec_fixtures.py");
using (var python = Process.Start("/usr/bin/python3", [script, SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"), dir, "2"]))
{
    python.WaitForExit();
    if (python.ExitCode != 0)
    {
        Console.Error.WriteLine("make_codec_fixtures.py failed (needs dcmtk, libgdcm-tools, python3-pydicom, python3-scipy)");
        return 2;
    }
}

Console.WriteLine($"{"case",-20} {"size",9} {"ratio",6} {"wall ms",8} {"CPU ms",8} {"MB/s",8}   ({runs} runs, 1 thread, {Environment.ProcessorCount} cores)");
foreach (var line in File.ReadAllLines(Path.Combine(dir, "cases.tsv")))
{
    var f = line.Split('\t');
    int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
    var format = new FrameFormat(I(2), I(3), I(4), I(5), I(6), I(7) == 1, I(8));
    var encoded = File.ReadAllBytes(Path.Combine(dir, f[0] + ".enc"));
    var decoder = FrameDecoders.ForTransferSyntax(f[1])!;
    var output = new byte[format.DecodedLength];
    decoder.Decode(encoded, format, output, f[0]);
    var times = new List<double>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var r = 0; r < runs; r++)
    {
        var sw = Stopwatch.StartNew();
        decoder.Decode(encoded, format, output, f[0]);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
    times.Sort();
    var ms = times[times.Count / 2];
    Console.WriteLine(
        $"{f[0],-20} {$"{format.Columns}×{format.Rows}",9} {(double)output.Length / encoded.Length,6:F2} {ms,8:F2} {cpuMs,8:F2} {output.Length / 1e3 / cpuMs,8:F0}");
}

Directory.Delete(dir, recursive: true);
return 0;
