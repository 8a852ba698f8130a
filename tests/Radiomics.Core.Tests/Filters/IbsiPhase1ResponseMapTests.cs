using Radiomics.Filters;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.Filters;

/// <summary>
/// IBSI 2 phase 1: every reference response map (<c>&lt;id&gt;-ValidCRM.nii.gz</c>) is reproduced within 1 % of the
/// reference map's intensity range at every voxel. The configuration of each test id (IBSI 2 manual, arXiv
/// 2006.05470, "Phase 1" tables) is written down here: phantom, filter, parameters, boundary, 2D/3D, pooling.
/// All phantoms are 64×64×64 voxels of 2 mm; "2D" filters work in axial slices; the first letter of a Laws or
/// wavelet combination and the first Riesz order refer to the x axis.
/// </summary>
public class IbsiPhase1ResponseMapTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, (string Phantom, FilterSettings Filter)> Configurations = new()
    {
        // 1. Mean filter, support 15 voxels.
        ["1_a_1"] = ("checkerboard", new MeanSettings { Support = 15, Boundary = BoundaryCondition.Zero }),
        ["1_a_2"] = ("checkerboard", new MeanSettings { Support = 15, Boundary = BoundaryCondition.Nearest }),
        ["1_a_3"] = ("checkerboard", new MeanSettings { Support = 15, Boundary = BoundaryCondition.Periodic }),
        ["1_a_4"] = ("checkerboard", new MeanSettings { Support = 15, Boundary = BoundaryCondition.Mirror }),
        ["1_b_1"] = ("impulse", new MeanSettings { Support = 15, Boundary = BoundaryCondition.Zero, Dimensions = FilterDimensions.TwoD }),

        // 2. Laplacian of Gaussian, truncation 4σ.
        ["2_a"] = ("impulse", new LaplacianOfGaussianSettings { Sigma = 3, Truncation = 4, Boundary = BoundaryCondition.Zero }),
        ["2_b"] = ("checkerboard", new LaplacianOfGaussianSettings { Sigma = 5, Truncation = 4, Boundary = BoundaryCondition.Mirror }),
        ["2_c"] = ("checkerboard", new LaplacianOfGaussianSettings { Sigma = 5, Truncation = 4, Boundary = BoundaryCondition.Mirror, Dimensions = FilterDimensions.TwoD }),

        // 3. Laws kernels; rotation invariance by max pooling; energy over δ = 7.
        ["3_a_1"] = ("impulse", new LawsSettings { Kernel = "E5L5S5", Boundary = BoundaryCondition.Zero }),
        ["3_a_2"] = ("impulse", new LawsSettings { Kernel = "E5L5S5", Boundary = BoundaryCondition.Zero, RotationInvariant = true, Pooling = Pooling.Max }),
        ["3_a_3"] = ("impulse", new LawsSettings { Kernel = "E5L5S5", Boundary = BoundaryCondition.Zero, RotationInvariant = true, Pooling = Pooling.Max, Energy = true, EnergyDistance = 7 }),
        ["3_b_1"] = ("checkerboard", new LawsSettings { Kernel = "E3W5R5", Boundary = BoundaryCondition.Mirror }),
        ["3_b_2"] = ("checkerboard", new LawsSettings { Kernel = "E3W5R5", Boundary = BoundaryCondition.Mirror, RotationInvariant = true, Pooling = Pooling.Max }),
        ["3_b_3"] = ("checkerboard", new LawsSettings { Kernel = "E3W5R5", Boundary = BoundaryCondition.Mirror, RotationInvariant = true, Pooling = Pooling.Max, Energy = true, EnergyDistance = 7 }),
        ["3_c_1"] = ("checkerboard", new LawsSettings { Kernel = "L5S5", Boundary = BoundaryCondition.Mirror }),
        ["3_c_2"] = ("checkerboard", new LawsSettings { Kernel = "L5S5", Boundary = BoundaryCondition.Mirror, RotationInvariant = true, Pooling = Pooling.Max }),
        ["3_c_3"] = ("checkerboard", new LawsSettings { Kernel = "L5S5", Boundary = BoundaryCondition.Mirror, RotationInvariant = true, Pooling = Pooling.Max, Energy = true, EnergyDistance = 7 }),

        // 4. Gabor, modulus response; 4.x.2 pool orientations (mean) over the three orthogonal planes.
        ["4_a_1"] = ("impulse", new GaborSettings { Sigma = 10, Lambda = 4, Gamma = 0.5, Theta = 60, Boundary = BoundaryCondition.Zero }),
        ["4_a_2"] = ("impulse", new GaborSettings { Sigma = 10, Lambda = 4, Gamma = 0.5, Theta = 0, ThetaStep = 45, OrthogonalPlanes = true, Pooling = Pooling.Mean, Boundary = BoundaryCondition.Zero }),
        ["4_b_1"] = ("sphere", new GaborSettings { Sigma = 20, Lambda = 8, Gamma = 2.5, Theta = 225, Boundary = BoundaryCondition.Mirror }),
        ["4_b_2"] = ("sphere", new GaborSettings { Sigma = 20, Lambda = 8, Gamma = 2.5, Theta = 0, ThetaStep = 22.5, OrthogonalPlanes = true, Pooling = Pooling.Mean, Boundary = BoundaryCondition.Mirror }),

        // 5–7. Separable wavelets, undecimated; rotation invariance by mean pooling.
        ["5_a_1"] = ("impulse", new SeparableWaveletSettings { Family = "db2", Subband = "LHL", Level = 1, Boundary = BoundaryCondition.Zero }),
        ["5_a_2"] = ("impulse", new SeparableWaveletSettings { Family = "db2", Subband = "LHL", Level = 1, Boundary = BoundaryCondition.Zero, RotationInvariant = true, Pooling = Pooling.Mean }),
        ["6_a_1"] = ("sphere", new SeparableWaveletSettings { Family = "coif1", Subband = "HHL", Level = 1, Boundary = BoundaryCondition.Periodic }),
        ["6_a_2"] = ("sphere", new SeparableWaveletSettings { Family = "coif1", Subband = "HHL", Level = 1, Boundary = BoundaryCondition.Periodic, RotationInvariant = true, Pooling = Pooling.Mean }),
        ["7_a_1"] = ("checkerboard", new SeparableWaveletSettings { Family = "haar", Subband = "LLL", Level = 2, Boundary = BoundaryCondition.Mirror, RotationInvariant = true, Pooling = Pooling.Mean }),
        ["7_a_2"] = ("checkerboard", new SeparableWaveletSettings { Family = "haar", Subband = "HHH", Level = 2, Boundary = BoundaryCondition.Mirror, RotationInvariant = true, Pooling = Pooling.Mean }),

        // 8. Simoncelli non-separable wavelet, 3D, periodic.
        ["8_a_1"] = ("checkerboard", new SimoncelliSettings { Level = 1, Boundary = BoundaryCondition.Periodic }),
        ["8_a_2"] = ("checkerboard", new SimoncelliSettings { Level = 2, Boundary = BoundaryCondition.Periodic }),
        ["8_a_3"] = ("checkerboard", new SimoncelliSettings { Level = 3, Boundary = BoundaryCondition.Periodic }),

        // 9. Riesz-transformed LoG (σ = 3 mm, truncation 4σ), zero padding, not steered.
        ["9_a"] = ("impulse", new LaplacianOfGaussianSettings { Sigma = 3, Truncation = 4, Boundary = BoundaryCondition.Zero, Riesz = new RieszOrder { X = 1 } }),
        ["9_b_1"] = ("sphere", new LaplacianOfGaussianSettings { Sigma = 3, Truncation = 4, Boundary = BoundaryCondition.Zero, Riesz = new RieszOrder { Y = 2 } }),

        // 10. Riesz-transformed Simoncelli wavelet (level 1), nearest padding, not steered.
        ["10_b_1"] = ("pattern_1", new SimoncelliSettings { Level = 1, Boundary = BoundaryCondition.Nearest, Riesz = new RieszOrder { Y = 2 } }),
    };

    public static TheoryData<string> Ids => new(Configurations.Keys.Order(StringComparer.Ordinal));

    [SharedDataTheory]
    [MemberData(nameof(Ids))]
    public void Response_map_matches_IBSI_2_reference_within_one_percent_of_its_range(string id)
    {
        var (phantom, filter) = Configurations[id];
        var image = ImageFile.Read<double>(SharedData.Path("ibsi", "ibsi_2_digital_phantom", "nifti", phantom, "image", phantom + ".nii.gz"));
        var reference = ImageFile.Read<double>(SharedData.Path("ibsi", "ibsi_2_reference_data", "reference_response_maps", id + "-ValidCRM.nii.gz"));

        var response = filter.Apply(image);

        Assert.True(response.Geometry.Matches(reference.Geometry), $"{id}: response grid {response.Geometry} differs from the reference {reference.Geometry}.");
        var (min, max) = reference.Range();
        double worst = 0;
        int worstIndex = 0;
        var ours = response.Voxels;
        var theirs = reference.Voxels;
        for (int i = 0; i < ours.Length; i++)
        {
            double d = Math.Abs(ours[i] - theirs[i]);
            if (!(d <= worst))
            {
                worst = d;
                worstIndex = i;
            }
        }

        double relative = worst / (max - min);
        output.WriteLine($"{id} {filter.ImageTypeName()}: worst deviation {100 * relative:F4} % of the reference range at voxel {worstIndex}");
        Assert.True(relative <= 0.01, $"{id}: worst deviation {100 * relative:F3} % of the reference range ({ours[worstIndex]} vs {theirs[worstIndex]} at voxel {worstIndex}).");
    }

    [SharedDataFact]
    public void Every_reference_map_has_a_configuration()
    {
        var ids = Directory.GetFiles(SharedData.Path("ibsi", "ibsi_2_reference_data", "reference_response_maps"), "*-ValidCRM.nii.gz")
            .Select(f => Path.GetFileName(f).Replace("-ValidCRM.nii.gz", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(ids, Configurations.Keys.Order(StringComparer.Ordinal));
    }
}
