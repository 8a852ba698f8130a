using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>PET SUV from known dose, times and weight; Enhanced multi-frame MR equal to its single-frame twin.</summary>
public sealed class PydicomFixtureTests(PydicomFixture fixture) : IClassFixture<PydicomFixture>
{
    // make_fixtures.py: 370 MBq injected at 10:00, scan at 11:00, F-18 half-life 6586.2 s, 75 kg, 1.8 m, male.
    private static readonly double DecayedDose = 370e6 * Math.Pow(2, -3600 / 6586.2);
    private static readonly double[] Slopes = [0.5, 1.25, 2.0];

    private static double Activity(int x, int y, int k) => Slopes[k] * ((x + 5 * y) * 100 + 1000 * k);

    [PydicomFact]
    public void Pet_converts_to_suv_body_weight_within_1e4_relative()
    {
        var image = (Image<float>)DicomSeries.Read(fixture.Folder("pet"), new DicomSeriesOptions { Suv = SuvKind.BodyWeight });
        int checkedVoxels = 0;
        for (int k = 0; k < 3; k++)
        {
            for (int y = 0; y < 4; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    double expected = Activity(x, y, k) * 75_000 / DecayedDose;
                    if (expected != 0)
                    {
                        Assert.True(Math.Abs(image[x, y, k] - expected) <= 1e-4 * expected, $"[{x},{y},{k}]: {image[x, y, k]} vs {expected}");
                        checkedVoxels++;
                    }
                }
            }
        }

        Assert.Equal(59, checkedVoxels);
    }

    [PydicomFact]
    public void Pet_lean_body_mass_and_surface_area_follow_james_and_du_bois()
    {
        var activity = (Image<float>)DicomSeries.Read(fixture.Folder("pet"));
        var lbm = (Image<float>)DicomSeries.Read(fixture.Folder("pet"), new DicomSeriesOptions { Suv = SuvKind.LeanBodyMass });
        var bsa = (Image<float>)DicomSeries.Read(fixture.Folder("pet"), new DicomSeriesOptions { Suv = SuvKind.BodySurfaceArea });
        double james = 1.10 * 75 - 128 * Math.Pow(75 / 180.0, 2);
        double duBois = 0.007184 * Math.Pow(75, 0.425) * Math.Pow(180, 0.725);
        Assert.Equal(Activity(3, 2, 1), activity[3, 2, 1], 1e-3);
        Assert.Equal(Activity(3, 2, 1) * james * 1000 / DecayedDose, lbm[3, 2, 1], 1e-4 * lbm[3, 2, 1]);
        Assert.Equal(Activity(3, 2, 1) * duBois * 10_000 / DecayedDose, bsa[3, 2, 1], 1e-4 * bsa[3, 2, 1]);
    }

    [PydicomFact]
    public void Pet_without_dose_is_an_error_naming_the_tag()
    {
        var e = Assert.Throws<DicomSeriesException>(() => DicomSeries.Read(fixture.Folder("pet_nodose"), new DicomSeriesOptions { Suv = SuvKind.BodyWeight }));
        Assert.Equal(DicomSeriesProblem.MissingTag, e.Problem);
        Assert.Contains("RadionuclideTotalDose (0018,1074)", e.Message, StringComparison.Ordinal);
    }

    [PydicomFact]
    public void Enhanced_multiframe_reads_to_the_same_image_as_its_single_frame_twin()
    {
        var enhanced = ImageFile.Read(Path.Combine(fixture.Folder("enhanced"), "enhanced.dcm"));
        var single = ImageFile.Read(fixture.Folder("single"));
        Assert.True(enhanced.Geometry.Matches(single.Geometry, 1e-9), $"{enhanced.Geometry} vs {single.Geometry}");
        Assert.Equal(new Vec3(0.6, 0.8, 3), enhanced.Geometry.Spacing);
        Assert.Equal(((Image<float>)single).Voxels.ToArray(), ((Image<float>)enhanced).Voxels.ToArray());
        // The slice normal is −x, so z index 1 is the third position (x = 16 mm): slope 2, intercept 5, stored 19·3 + 14.
        Assert.Equal(2.0 * (19 * 3 + 14) + 5, ((Image<float>)enhanced)[4, 3, 1], 1e-6);
        Assert.Equal(new Vec3(19, -6, -5), enhanced.Geometry.Origin);
    }
}
