using System.Diagnostics;
using System.IO.Compression;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.IO.Hostile;

/// <summary>
/// The hostile-file corpus (<see cref="HostileFiles"/>): every file is either refused with a typed
/// <see cref="ImageFileException"/> naming it and the expected problem, or read into a valid image, and no read
/// blocks, reads outside its data or throws anything else.
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper output)
{
    private const int Seed = 19;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(Seed)]
    [InlineData(Seed + 1000)]
    [InlineData(Seed + 2000)]
    public async Task Every_hostile_file_is_refused_with_a_typed_error_or_read_correctly(int seed)
    {
        using var tmp = new TempDirectory();
        var cases = HostileFiles.Generate(tmp.Path, seed, mutationsPerFormat: 60);
        var failures = new List<string>();
        var outcomes = new Dictionary<string, (int Refused, int Read)>();
        foreach (var c in cases)
        {
            var (image, error, other) = await ReadWithin(c.Path, Patience);
            var o = outcomes.GetValueOrDefault(c.Category);
            outcomes[c.Category] = error is null && other is null ? (o.Refused, o.Read + 1) : (o.Refused + 1, o.Read);
            if (other is not null)
            {
                failures.Add($"{c}: {other.GetType().Name}: {other.Message}");
                continue;
            }

            if (error is not null)
            {
                if (!error.Message.Contains(Path.GetFileName(error.FilePath), StringComparison.Ordinal) || !Path.GetFullPath(error.FilePath).StartsWith(tmp.Path, StringComparison.Ordinal))
                {
                    failures.Add($"{c}: the error names '{error.FilePath}', not a file of the corpus: {error.Message}");
                }

                if (c.Refusals is { Length: > 0 } expected && !expected.Contains(error.Problem))
                {
                    failures.Add($"{c}: refused as {error.Problem} ({error.Message}); expected {string.Join(" or ", expected)}");
                }
                else if (c.Refusals is { Length: 0 })
                {
                    failures.Add($"{c}: should read, but: {error.Message}");
                }

                continue;
            }

            if (c.Refusals is { Length: > 0 })
            {
                failures.Add($"{c}: read, but should be refused as {string.Join(" or ", c.Refusals)}");
            }
            else if (c.Refusals is { Length: 0 })
            {
                Assert.Equal(HostileFiles.Sample.Geometry.Size, image!.Geometry.Size);
                Assert.Equal(HostileFiles.Sample.Voxels.ToArray(), image.ConvertTo<short>().Voxels.ToArray());
            }
            else
            {
                Assert.True(image!.VoxelCount > 0 && image.Geometry.Direction.IsOrthonormal(1e-3), $"{c}: an image read from a mutated file must still be valid.");
            }
        }

        foreach (var (category, (refused, read)) in outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{category}: {refused} refused, {read} read");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(cases.Count > 450, $"the corpus has only {cases.Count} files");
        Assert.All(new[] { "path escape", "arithmetic", "compression", "geometry", "special file", "mutation" }, c => Assert.True(outcomes.ContainsKey(c), c));
    }

    [Fact]
    public async Task Headers_of_hostile_files_are_read_or_refused_with_typed_errors_only()
    {
        using var tmp = new TempDirectory();
        foreach (var c in HostileFiles.Generate(tmp.Path, Seed + 1, mutationsPerFormat: 30))
        {
            try
            {
                await Task.Run(() => ImageFile.ReadHeader(c.Path)).WaitAsync(Patience);
            }
            catch (Exception e) when (e is not RadiomicsException)
            {
                Assert.Fail($"{c}: {e.GetType().Name}: {e.Message}");
            }
            catch (RadiomicsException)
            {
                // Refused with a typed error, as it should be.
            }
        }
    }

    [Fact]
    public void A_small_gzip_file_with_an_honest_2_GiB_header_is_refused_before_allocating()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("honest.nii.gz");
        HonestHeaderFile.WriteNiftiGzZeros(path, 1024, 1024, 511);
        long fileBytes = new FileInfo(path).Length;
        using var budget = MemoryBudget.Override(1L << 30);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{fileBytes / 1024} KiB file, refused in {watch.Elapsed.TotalMilliseconds:0} ms after allocating {allocated / 1024} KiB: {e.Message}");
        Assert.Equal(ImageFileProblem.TooLarge, e.Problem);
        Assert.Contains("2 GiB", e.Message, StringComparison.Ordinal);
        Assert.Contains(MemoryBudget.EnvironmentVariable, e.Message, StringComparison.Ordinal);
        Assert.True(fileBytes < 4 << 20, $"the file should be small; it has {fileBytes} bytes");
        Assert.True(allocated < 16 << 20, $"{allocated} bytes were allocated before the refusal");
        Assert.Equal(ImageFileProblem.TooLarge, Assert.Throws<ImageFileException>(() => ImageFile.ReadHeader(path)).Problem);
    }

    [Fact]
    public void The_memory_budget_reads_sizes_with_units_and_refuses_nonsense()
    {
        Assert.Equal(1L << 30, MemoryBudget.ParseSize("1G"));
        Assert.Equal(512L << 20, MemoryBudget.ParseSize("512MiB"));
        Assert.Equal(1536L << 20, MemoryBudget.ParseSize("1.5G"));
        Assert.Equal(4096L, MemoryBudget.ParseSize("4096"));
        Assert.Null(MemoryBudget.ParseSize("-1G"));
        Assert.Null(MemoryBudget.ParseSize("lots"));
        Assert.True(MemoryBudget.DefaultBytes >= 256L << 20);
        using (MemoryBudget.Override(1234))
        {
            Assert.Equal(1234, MemoryBudget.Bytes);
        }

        Assert.NotEqual(1234, MemoryBudget.Bytes);
        Assert.Throws<InvalidInputException>(() => MemoryBudget.Override(0));
    }

    [Fact]
    public void An_image_within_the_budget_reads_and_one_beyond_it_is_refused_naming_the_size()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("small.nrrd");
        ImageFile.Write(HostileFiles.Sample, path);
        using (MemoryBudget.Override(48))
        {
            Assert.Equal(24, ImageFile.Read(path).VoxelCount);
        }

        using (MemoryBudget.Override(47))
        {
            var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
            Assert.Equal(ImageFileProblem.TooLarge, e.Problem);
            Assert.Contains("48 bytes", e.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<(Image? Image, ImageFileException? Error, Exception? Other)> ReadWithin(string path, TimeSpan patience)
    {
        try
        {
            return (await Task.Run(() => ImageFile.Read(path)).WaitAsync(patience), null, null);
        }
        catch (ImageFileException e)
        {
            return (null, e, null);
        }
        catch (TimeoutException)
        {
            return (null, null, new TimeoutException($"reading did not finish within {patience.TotalSeconds} s (a blocking open?)"));
        }
        catch (Exception e)
        {
            return (null, null, e);
        }
    }
}
