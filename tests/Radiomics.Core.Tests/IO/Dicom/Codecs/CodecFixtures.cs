using System.Diagnostics;
using System.Globalization;
using Radiomics.IO.Dicom.Codecs;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom.Codecs;

/// <summary>
/// Compressed frames made by dcmtk and gdcm from a slice of brain1 (Fixtures/make_codec_fixtures.py), with each tool's
/// own decoding: built once per test run into a temporary folder.
/// </summary>
public sealed class CodecFixtures : IDisposable
{
    private static readonly string[] Tools =
        ["/usr/bin/python3", "/usr/bin/dcmcrle", "/usr/bin/dcmcjpeg", "/usr/bin/dcmcjpls", "/usr/bin/dcmdrle", "/usr/bin/dcmdjpeg", "/usr/bin/dcmdjpls", "/usr/bin/gdcmconv"];

    private readonly TempDirectory folder = new();
    private readonly Lazy<IReadOnlyDictionary<string, CodecCase>> cases;

    public CodecFixtures()
    {
        cases = new Lazy<IReadOnlyDictionary<string, CodecCase>>(Build);
    }

    /// <summary>Why the fixtures cannot be built here, or null when they can.</summary>
    public static string? SkipReason
    {
        get
        {
            if (!SharedData.IsAvailable)
            {
                return SharedData.SkipReason;
            }

            var missing = Tools.Where(t => !File.Exists(t)).ToList();
            if (!Directory.Exists("/usr/lib/python3/dist-packages/pydicom"))
            {
                missing.Add("python3-pydicom");
            }

            return missing.Count == 0
                ? null
                : $"Codec fixtures need dcmtk, libgdcm-tools and python3-pydicom (apt-get install dcmtk libgdcm-tools python3-pydicom); missing: {string.Join(", ", missing)}.";
        }
    }

    public CodecCase this[string name] =>
        cases.Value.TryGetValue(name, out var c) ? c : throw new InvalidOperationException($"The fixture script made no case {name}.");

    public void Dispose() => folder.Dispose();

    private Dictionary<string, CodecCase> Build()
    {
        var script = Path.Combine(SharedData.RepositoryRoot!, "tests", "Radiomics.Core.Tests", "Fixtures", "make_codec_fixtures.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"), folder.Path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make_codec_fixtures.py failed: {errors}");
        }

        var result = new Dictionary<string, CodecCase>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(folder.File("cases.tsv")))
        {
            var f = line.Split('\t');
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            var name = f[0];
            result[name] = new CodecCase(
                name, f[1], new FrameFormat(I(2), I(3), I(4), I(5), I(6), I(7) == 1, I(8)), I(9), I(10) == 1,
                File.ReadAllBytes(folder.File(name + ".enc")), File.ReadAllBytes(folder.File(name + ".ref")),
                File.ReadAllBytes(folder.File(name + ".src")));
        }

        return result;
    }
}

/// <summary>
/// One compressed frame (<c>Encoded</c>), the tool's decoding of it (<c>Reference</c>) and the samples it was made from
/// (<c>Source</c>); <c>MaxDeviation</c> is the encoder's bound on |decoded − source|: 0 lossless, NEAR for
/// near-lossless, −1 unbounded.
/// </summary>
public sealed record CodecCase(
    string Name, string TransferSyntaxUid, FrameFormat Format, int MaxDeviation, bool Lossless, byte[] Encoded, byte[] Reference, byte[] Source);

/// <summary>A theory over the codec fixtures; skipped with a message when dcmtk, gdcm, pydicom or the shared data are absent.</summary>
public sealed class CodecFixtureTheoryAttribute : TheoryAttribute
{
    public CodecFixtureTheoryAttribute()
    {
        if (CodecFixtures.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
