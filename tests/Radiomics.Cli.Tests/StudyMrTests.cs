using System.Globalization;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>The study on MR, as the issue tried it: two scanners, a gain change at follow-up, and the 143-voxel breast mask.</summary>
public class StudyMrTests
{
    /// <summary>
    /// The scan cropped around its tumour (baseline), and a follow-up moved by two voxels along x with the scanner's
    /// gain 1.5 times higher and an offset (no mask: it is propagated by registration).
    /// </summary>
    private static void WriteSubject(string folder, string name)
    {
        var image = ImageFile.Read<float>(SharedData.Path("data", "pyradiomics", $"{name}_image.nrrd"));
        var mask = ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", $"{name}_label.nrrd"));
        var box = mask.BoundingBox()!.Value.Pad(new Index3(16, 16, 3), image.Geometry.Size);
        var baseline = image.Crop(box);
        var followUp = new ImageBuilder<float>(baseline.Geometry);
        var size = baseline.Geometry.Size;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    followUp[x, y, z] = (1.5f * baseline[Math.Max(0, x - 2), y, z]) + 40;
                }
            }
        }

        Directory.CreateDirectory(Path.Combine(folder, name));
        ImageFile.Write(baseline, Path.Combine(folder, name, "t0.nii.gz"));
        ImageFile.Write(mask.Crop(box), Path.Combine(folder, name, "t0_mask.nii.gz"));
        ImageFile.Write(followUp.ToImage(), Path.Combine(folder, name, "t1.nii.gz"));
    }

    [SharedDataFact]
    public void Study_with_the_MR_preset_runs_an_MR_cohort_end_to_end_and_skips_emptying_perturbations()
    {
        using var dir = new TempDirectory();
        string data = dir.File("data");
        string[] subjects = ["brain2", "breast1"];
        foreach (var s in subjects)
        {
            WriteSubject(data, s);
        }

        File.WriteAllText(Path.Combine(data, "manifest.csv"), "subject,timepoint,date,image,mask\n" + string.Concat(subjects.Select(s =>
            $"{s},t0,0,{s}/t0.nii.gz,{s}/t0_mask.nii.gz\n{s},t1,60,{s}/t1.nii.gz,\n")));
        string output = dir.File("out");
        var (code, text) = CliRunner.Run("study", Path.Combine(data, "manifest.csv"), "-o", output, "--preset", "mr-default", "--stability", "-k", "3", "--grid-spacing", "20");
        Assert.True(code == 0, text);

        foreach (var s in subjects)
        {
            Assert.True(File.Exists(Path.Combine(output, "subjects", s, "maps", "t0_habitats.nii.gz")), s);
            Assert.True(File.Exists(Path.Combine(output, "subjects", s, "maps", "t1_habitats.nii.gz")), s);
        }

        // The 143-voxel breast mask, three slices thick, does not survive a one-voxel erosion: skipped and reported.
        var skipped = File.ReadAllLines(Path.Combine(output, "subjects", "breast1", "stability_skipped.csv"));
        Assert.Equal("subject,perturbation,reason", skipped[0]);
        Assert.Contains(skipped.Skip(1), l => l.StartsWith("breast1,erosion-1,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "stability.csv")));

        // The z-scored intensities do not see the gain change: the mean's change is a small fraction of the
        // foreground's standard deviation (it would be half the mean without normalisation).
        var deltas = File.ReadAllLines(Path.Combine(output, "deltas.csv"));
        var header = deltas[0].Split(',');
        int code_ = Array.IndexOf(header, "ibsi_code"), kind = Array.IndexOf(header, "delta"), value = Array.IndexOf(header, "value"), family = Array.IndexOf(header, "family");
        Assert.True(code_ >= 0 && kind >= 0 && value >= 0, deltas[0]);
        foreach (var s in subjects)
        {
            var row = deltas.Skip(1).Select(l => l.Split(',')).Single(p => p[0] == s && p[code_] == "Q4LE" && p[kind] == "absolute" && p[family] != "habitat");
            double change = double.Parse(row[value], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(change) < 0.25, $"{s}: mean intensity changed by {change} foreground SDs");
        }
    }
}
