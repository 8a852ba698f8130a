using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.IO.Dicom.Codecs;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>
/// Series and RTSTRUCTs from an independent writer (plastimatch), re-encoded by dcmtk and gdcm, read back onto the
/// source NRRD's physical grid with identical voxel values; the RTSTRUCT rasterises to the source label map.
/// </summary>
public sealed class PlastimatchSeriesTests(PlastimatchFixture fixture, ITestOutputHelper output) : IClassFixture<PlastimatchFixture>
{
    public static TheoryData<string, string> CasesAndEncodings()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in PlastimatchFixture.Cases)
        {
            data.Add(c, "native");
            // Encodings whose tool (dcmtk, gdcm) is not installed are left out.
            foreach (var (e, (tool, _)) in PlastimatchFixture.Encodings)
            {
                if (ExternalTool.Exists(tool))
                {
                    data.Add(c, e);
                }
            }
        }

        return data;
    }

    [PlastimatchTheory]
    [MemberData(nameof(CasesAndEncodings))]
    public void Series_reads_onto_the_source_grid_with_identical_values(string name, string encoding)
    {
        string? dir = encoding == "native" ? fixture.Series(name) : fixture.Encoded(name, encoding);
        Assert.NotNull(dir);
        var source = ImageFile.Read(PlastimatchFixture.Source(name).Image);
        string uid = DicomFile.OpenHeader(Directory.GetFiles(dir!, "image*.dcm")[0]).TransferSyntaxUid;
        if (!TransferSyntax.IsNative(uid) && FrameDecoders.ForTransferSyntax(uid) is null)
        {
            // Without a decoder the syntax is named in a typed error, never a partial image.
            var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(dir!));
            Assert.Equal(ImageFileProblem.Unsupported, e.Problem);
            Assert.Contains(uid, e.Message, StringComparison.Ordinal);
            return;
        }

        var image = ImageFile.Read(dir!);
        var (maxOffset, differing) = CompareInPhysicalSpace(source, image);
        output.WriteLine($"{name} {encoding}: largest voxel-centre offset {maxOffset:E2} mm, {differing} differing voxels");
        Assert.True(maxOffset <= 1e-3, $"voxel centres differ by up to {maxOffset} mm");
        Assert.Equal(0, differing);
    }

    [PlastimatchTheory]
    [InlineData("brain1")]
    [InlineData("prostate")]
    public void Rtstruct_rasterises_to_the_source_label_map(string name)
    {
        string dir = fixture.Series(name);
        var source = ImageFile.ReadLabelMap(fixture.LabelMap(name));
        var rtss = Directory.GetFiles(dir, "rtss*.dcm").Single();
        var rt = RtStruct.Read(rtss);
        Assert.NotEmpty(rt.Rois);
        var reference = ImageFile.ReadHeader(dir).Geometry;
        var ours = ContourRasteriser.Rasterise(rt.Rois[0], reference, rtss).Mask;
        var theirs = ImageFile.ReadLabelMap(fixture.PlastimatchLabelMap(name));
        double dice = Dice(source, ours);
        double plastimatchDice = Dice(source, theirs);
        output.WriteLine($"{name}: Dice vs source label map, ours {dice:F4}, plastimatch's own rasterisation {plastimatchDice:F4}");
        Assert.True(dice >= 0.98, $"Dice {dice}");

        // The same through the convert workflow, which finds the referenced series itself.
        using var tmp = new Radiomics.TestSupport.TempDirectory();
        var result = DicomConversion.Run(new DicomConversionSettings { Input = rtss, Output = tmp.File("mask.nrrd"), Roi = rt.Rois[0].Name.ToUpperInvariant() });
        Assert.Equal(ours.Voxels.ToArray(), ImageFile.ReadLabelMap(result.Output).Voxels.ToArray());
    }

    [PlastimatchTheory]
    [InlineData("brain1")]
    [InlineData("prostate")]
    public void Written_rtstruct_rasterises_to_the_label_map_in_ours_and_in_plastimatch(string name)
    {
        string dir = fixture.Series(name);
        string labelPath = fixture.LabelMap(name);
        var source = ImageFile.ReadLabelMap(labelPath);
        using var tmp = new Radiomics.TestSupport.TempDirectory();
        string folder = tmp.File("series");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(dir, "image*.dcm"))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        string rtss = Path.Combine(folder, "ours_rtss.dcm");
        DicomConversion.Run(new DicomConversionSettings { Input = labelPath, Output = rtss, Reference = folder, RtStruct = true });
        var rt = RtStruct.Read(rtss);
        var grid = ImageFile.ReadHeader(folder).Geometry;
        var ours = ContourRasteriser.Rasterise(rt.Rois.Single(), grid, rtss).Mask;

        string theirsPath = tmp.File("plastimatch.nrrd");
        ExternalTool.Run("plastimatch", "convert", "--input", folder, "--output-labelmap", theirsPath);
        var theirs = ImageFile.ReadLabelMap(theirsPath);
        Assert.True(theirs.Geometry.Matches(grid), $"plastimatch's grid {theirs.Geometry} against {grid}");
        double dice = Dice(source, ours), plastimatchDice = Dice(source, theirs);
        output.WriteLine($"{name}: our RTSTRUCT against the source label map: Dice {dice:F4} (our rasterisation), {plastimatchDice:F4} (plastimatch's)");
        Assert.Equal(1.0, dice);
        Assert.True(plastimatchDice >= 0.98, $"plastimatch's rasterisation of our RTSTRUCT: Dice {plastimatchDice}");
    }

    /// <summary>Maps every source voxel centre into the DICOM image: the largest distance to the nearest voxel centre (mm) and the number of voxels whose values differ.</summary>
    internal static (double MaxOffset, long Differing) CompareInPhysicalSpace(Image source, Image image)
    {
        Assert.Equal(source.Geometry.VoxelCount, image.Geometry.VoxelCount);
        var a = source.ConvertTo<double>();
        var b = image.ConvertTo<double>();
        var sg = source.Geometry;
        var ig = image.Geometry;
        double max = 0;
        long differing = 0;
        for (int z = 0; z < sg.Size.Z; z++)
        {
            for (int y = 0; y < sg.Size.Y; y++)
            {
                for (int x = 0; x < sg.Size.X; x++)
                {
                    var p = sg.IndexToPhysical(x, y, z);
                    var n = ig.PhysicalToNearestIndex(p);
                    Assert.True(ig.Contains(n), $"source voxel [{x}, {y}, {z}] at {p} falls outside the DICOM image");
                    max = Math.Max(max, (ig.IndexToPhysical(n) - p).Norm);
                    if (a[x, y, z] != b[n])
                    {
                        differing++;
                    }
                }
            }
        }

        return (max, differing);
    }

    /// <summary>Dice of the non-zero voxels of two label maps, matched in physical space.</summary>
    internal static double Dice(LabelMap reference, LabelMap other)
    {
        var rg = reference.Geometry;
        var og = other.Geometry;
        long both = 0, inReference = 0, inOther = 0;
        for (int z = 0; z < rg.Size.Z; z++)
        {
            for (int y = 0; y < rg.Size.Y; y++)
            {
                for (int x = 0; x < rg.Size.X; x++)
                {
                    bool r = reference[x, y, z] != 0;
                    var n = og.PhysicalToNearestIndex(rg.IndexToPhysical(x, y, z));
                    bool o = og.Contains(n) && other[n.X, n.Y, n.Z] != 0;
                    inReference += r ? 1 : 0;
                    inOther += o ? 1 : 0;
                    both += r && o ? 1 : 0;
                }
            }
        }

        return 2.0 * both / (inReference + inOther);
    }
}
