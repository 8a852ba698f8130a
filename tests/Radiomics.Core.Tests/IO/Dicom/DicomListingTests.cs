using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>Listing a folder reads headers only: 10,000 files whose pixel data is cut short list as one whole series.</summary>
public class DicomListingTests(ITestOutputHelper output)
{
    [Fact]
    public void Listing_ten_thousand_files_reads_headers_only()
    {
        const int slices = 10_000;
        using var tmp = new TempDirectory();
        string folder = tmp.File("series");
        Directory.CreateDirectory(folder);

        // One slice written by the toolkit is the template; each copy gets its own SOP instance UID (the last five
        // digits) and slice position (z = 10000.5 + k, as long as the template's), and loses the last 500 of its 512
        // pixel data bytes, so any read of pixel data would fail as truncated.
        var geometry = ImageGeometry.Create(16, 16, 1, new Vec3(0.5, 0.5, 1), new Vec3(-4, -4, 10000.5));
        DicomSeriesWriter.Write(new Image<short>(geometry), tmp.File("template"), new DicomSeriesWriterSettings { PatientId = "P01", StudyDate = "20240108", SeriesDescription = "many" });
        var template = File.ReadAllBytes(Directory.GetFiles(tmp.File("template")).Single());
        string uid = DicomFile.OpenHeader(Directory.GetFiles(tmp.File("template")).Single()).Dataset.GetString(DicomTags.SopInstanceUid)!;
        var latin1 = System.Text.Encoding.Latin1;
        string text = latin1.GetString(template, 0, template.Length - 500);
        Assert.Equal(2, text.Split(uid).Length - 1);
        Assert.Equal(1, text.Split("\\10000.5").Length - 1);
        Parallel.For(0, slices, k =>
        {
            string copy = text.Replace(uid, uid[..^5] + (10000 + k).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)[^5..], StringComparison.Ordinal)
                .Replace("\\10000.5", "\\" + (10000.5 + k).ToString("F1", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            File.WriteAllBytes(Path.Combine(folder, $"IM{k:D5}.dcm"), latin1.GetBytes(copy));
        });
        Directory.Delete(tmp.File("template"), recursive: true);
        var files = Directory.GetFiles(folder);
        Assert.Equal(slices, files.Length);

        var watch = Stopwatch.StartNew();
        var listing = DicomListing.Scan(tmp.Path);
        watch.Stop();
        output.WriteLine($"Listing {slices} files: {watch.Elapsed.TotalSeconds:F2} s on {Environment.ProcessorCount} cores.");

        Assert.Empty(listing.Unreadable);
        var series = Assert.Single(listing.Series);
        Assert.Equal(slices, series.Files);
        Assert.Equal(new Size3(16, 16, slices), series.Size);
        Assert.Equal(new Vec3(0.5, 0.5, 1), series.Spacing);
        Assert.Equal("P01", series.PatientId);

        // The pixel data really is cut short: reading the series reports it, naming a file.
        var e = Assert.Throws<ImageFileException>(() => DicomSeries.Read(Path.Combine(folder, Path.GetFileName(files[0]))));
        Assert.Equal(ImageFileProblem.Truncated, e.Problem);
        Assert.StartsWith(folder, e.FilePath, StringComparison.Ordinal);
    }

    /// <summary>A FIFO beside the series (as in /tmp) would block the scan forever if it were opened; it is passed over.</summary>
    [Fact]
    public async Task A_FIFO_or_a_link_to_a_device_in_the_folder_is_passed_over_without_opening_it()
    {
        using var tmp = new TempDirectory();
        var geometry = ImageGeometry.Create(8, 8, 3, new Vec3(1, 1, 2));
        DicomSeriesWriter.Write(new Image<short>(geometry), tmp.Path, new DicomSeriesWriterSettings { PatientId = "P01", StudyDate = "20240108" });
        using (var mkfifo = Process.Start("mkfifo", [tmp.File("pipe.dcm")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.CreateSymbolicLink(tmp.File("zero.dcm"), "/dev/zero");

        var listing = await Task.Run(() => DicomListing.Scan(tmp.Path)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, Assert.Single(listing.Series).Files);
        Assert.Empty(listing.Unreadable);
        var image = await Task.Run(() => ImageFile.Read(tmp.Path)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(new Size3(8, 8, 3), image.Geometry.Size);
    }
}
