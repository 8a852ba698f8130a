using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>Needs the shared data, plastimatch (writes the DICOM) and dcmtk's dcmodify (sets the study dates); skipped with a message otherwise.</summary>
public sealed class DicomStudyFactAttribute : FactAttribute
{
    public DicomStudyFactAttribute()
    {
        Skip = !SharedData.IsAvailable ? SharedData.SkipReason
            : !StudyDicomTests.OnPath("plastimatch") ? "plastimatch is not installed (apt-get install plastimatch); the DICOM study test is skipped."
            : !StudyDicomTests.OnPath("dcmodify") ? "dcmodify is not installed (apt-get install dcmtk); the DICOM study test is skipped."
            : null;
    }
}

/// <summary>
/// A study straight from the hospital's DICOM: plastimatch writes brain1 and brain2 (as two time points of one patient)
/// as CT series with RTSTRUCTs, <c>study --dicom --write-manifest</c> proposes the manifest, and the study on it gives
/// the features of the same study on the NRRD images and label maps.
/// </summary>
public class StudyDicomTests
{
    internal static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    [DicomStudyFact]
    public void Study_on_a_proposed_DICOM_manifest_gives_the_features_of_the_NRRD_study()
    {
        using var tmp = new TempDirectory();
        (string Case, string Date)[] scans = [("brain1", "20240108"), ("brain2", "20240304")];
        var nrrd = new List<string> { "subject,timepoint,date,image,mask" };
        foreach (var (name, date) in scans)
        {
            // The tumour's neighbourhood, re-indexed to the identity direction (plastimatch's RTSTRUCT of a flipped grid
            // disagrees with its label map; see PlastimatchFixture) and the label map made binary (one ROI).
            var image = ImageFile.Read<short>(SharedData.Path("data", "pyradiomics", $"{name}_image.nrrd"));
            var label = ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", $"{name}_label.nrrd"));
            var box = label.BoundingBox()!.Value.Pad(new Index3(12, 12, 2), image.Geometry.Size);
            string imagePath = tmp.File($"nrrd/{name}_image.nrrd"), labelPath = tmp.File($"nrrd/{name}_label.nrrd");
            ImageFile.Write(ToIdentityDirection(image.Crop(box)), imagePath);
            ImageFile.Write(LabelMap.Threshold(ToIdentityDirection(label.Image.Crop(box)), v => v != 0), labelPath);
            string iso = $"{date[..4]}-{date[4..6]}-{date[6..]}";
            nrrd.Add($"P01,{iso},{iso},{name}_image.nrrd,{name}_label.nrrd");

            string series = tmp.File($"pacs/{name}");
            Run("plastimatch", "convert", "--input", imagePath, "--output-dicom", series, "--input-ss-img", labelPath, "--patient-id", "P01");
            Run("dcmodify", ["-nb", "-m", $"(0008,0020)={date}", .. Directory.GetFiles(series)]);
        }

        File.WriteAllLines(tmp.File("nrrd/manifest.csv"), nrrd);
        string manifest = tmp.File("review/manifest.csv");
        var (code, output) = CliRunner.Run("study", "--dicom", tmp.File("pacs"), "--write-manifest", manifest);
        Assert.True(code == 0, output);
        Assert.Contains("1 subject(s), 2 time point(s), 2 mask row(s)", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(manifest).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal("subject,timepoint,date,image,mask,region,roi,segment", rows[0]);
        // The series folder is the image (it holds one image series); the mask is the RTSTRUCT beside it.
        Assert.StartsWith("P01,2024-01-08,2024-01-08,../pacs/brain1,../pacs/brain1/rtss", rows[1], StringComparison.Ordinal);
        Assert.EndsWith(",tumour,Unknown Structure,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("P01,2024-03-04,2024-03-04,", rows[2], StringComparison.Ordinal);

        string[] options = ["--no-registration", "--no-habitats", "--threads", "2"];
        (code, output) = CliRunner.Run(["study", manifest, "-o", tmp.File("out-dicom"), .. options]);
        Assert.True(code == 0, output);
        (code, output) = CliRunner.Run(["study", tmp.File("nrrd/manifest.csv"), "-o", tmp.File("out-nrrd"), .. options]);
        Assert.True(code == 0, output);

        var fromDicom = FeatureTable.ReadCsv(tmp.File("out-dicom/subjects/P01/features.csv")).ToDictionary(Key);
        var fromNrrd = FeatureTable.ReadCsv(tmp.File("out-nrrd/subjects/P01/features.csv")).ToDictionary(Key);
        Assert.True(fromNrrd.Count > 100, $"{fromNrrd.Count} features");
        Assert.Equal(fromNrrd.Keys.Order(), fromDicom.Keys.Order());
        Assert.Equal(2, fromNrrd.Keys.Select(k => k.TimePoint).Distinct().Count());
        // Same voxels on the same grid (plastimatch keeps the int16 values; the RTSTRUCT rasterises to the label map).
        foreach (var (key, expected) in fromNrrd)
        {
            double actual = fromDicom[key].Value;
            Assert.True(
                (double.IsNaN(expected.Value) && double.IsNaN(actual)) || Math.Abs(actual - expected.Value) <= 1e-6 * Math.Max(1, Math.Abs(expected.Value)),
                $"{key}: DICOM {actual} against NRRD {expected.Value}");
        }

        // With habitats, each DICOM scan's habitat map comes back as a DICOM SEG of its series, equal to the NIfTI map.
        (code, output) = CliRunner.Run(["study", manifest, "-o", tmp.File("out-habitats"), "--no-registration", "-k", "2", "--threads", "2"]);
        Assert.True(code == 0, output);
        foreach (var (_, date) in scans)
        {
            string iso = $"{date[..4]}-{date[4..6]}-{date[6..]}";
            var nifti = ImageFile.ReadLabelMap(tmp.File($"out-habitats/subjects/P01/maps/{iso}_habitats.nii.gz"));
            var seg = Radiomics.IO.Dicom.DicomSegmentation.Read(tmp.File($"out-habitats/subjects/P01/maps/{iso}_habitats.seg.dcm"));
            Assert.Equal(nifti.Labels().Select(l => (int)l), seg.Segments.Select(x => x.Number).Order());
            Assert.Equal(nifti.Voxels.ToArray(), seg.ToLabelMap(geometry: nifti.Geometry).Voxels.ToArray());
        }
    }

    private static (string TimePoint, string Column) Key(FeatureRow r) => (r.TimePoint, r.ColumnName);

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), $"{tool} did not finish in 2 minutes");
        Assert.True(p.ExitCode == 0, $"{tool} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    /// <summary>The same voxels at the same physical places on a grid whose direction is the identity (axis-aligned grids only).</summary>
    private static Image<T> ToIdentityDirection<T>(Image<T> image) where T : unmanaged, System.Numerics.INumber<T>
    {
        var g = image.Geometry;
        var d = g.Direction;
        bool fx = d.M00 < 0, fy = d.M11 < 0, fz = d.M22 < 0;
        var size = g.Size;
        var origin = g.IndexToPhysical(fx ? size.X - 1 : 0, fy ? size.Y - 1 : 0, fz ? size.Z - 1 : 0);
        var result = new ImageBuilder<T>(new ImageGeometry(size, g.Spacing, origin, Matrix3.Identity));
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    result[x, y, z] = image[fx ? size.X - 1 - x : x, fy ? size.Y - 1 - y : y, fz ? size.Z - 1 - z : z];
                }
            }
        }

        return result.ToImage();
    }
}
