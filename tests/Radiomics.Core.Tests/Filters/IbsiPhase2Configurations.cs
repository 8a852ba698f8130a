using Radiomics.Filters;

namespace Radiomics.Core.Tests.Filters;

/// <summary>
/// IBSI 2 phase 2 (IBSI 2 manual, arXiv 2006.05470, "Phase 2"): intensity statistics of filtered images of the
/// IBSI 1 CT phantom inside the GTV, for filter ids 1.A … 9.B. Configuration A works slice by slice (2D filters)
/// on the image as it is; configuration B resamples to 1×1×1 mm with cubic B-splines (intensities rounded to
/// integers, mask by linear interpolation at 0.5) and filters in 3D. Both re-segment the ROI to [−1000, 400] HU
/// on the unfiltered intensities, filter the whole image (not cropped) with mirror padding, and compute the 18
/// intensity statistics (IBSI 1 family "intensity_statistics") of the response map inside the ROI.
/// </summary>
public static class IbsiPhase2Configurations
{
    /// <summary>One phase 2 id. <paramref name="Filter"/> is null for the unfiltered image (1.A, 1.B).</summary>
    public sealed record Configuration(string Id, FilterSettings? Filter)
    {
        /// <summary>True for the "A" ids: 2D filtering, no resampling.</summary>
        public bool TwoD => Id.EndsWith('A');

        /// <summary>Resampled voxel spacing in mm (B ids), null for none.</summary>
        public double? ResampledSpacing => TwoD ? null : 1.0;

        /// <summary>Re-segmentation range of the unfiltered intensities.</summary>
        public (double Min, double Max) ResegmentationRange => (-1000, 400);
    }

    private const BoundaryCondition Mirror = BoundaryCondition.Mirror;
    private const FilterDimensions TwoD = FilterDimensions.TwoD;

    public static IReadOnlyList<Configuration> All { get; } =
    [
        new("1.A", null),
        new("1.B", null),

        // Mean filter, support 5 voxels.
        new("2.A", new MeanSettings { Support = 5, Boundary = Mirror, Dimensions = TwoD }),
        new("2.B", new MeanSettings { Support = 5, Boundary = Mirror }),

        // Laplacian of Gaussian, σ = 1.5 mm, truncation 4σ.
        new("3.A", new LaplacianOfGaussianSettings { Sigma = 1.5, Truncation = 4, Boundary = Mirror, Dimensions = TwoD }),
        new("3.B", new LaplacianOfGaussianSettings { Sigma = 1.5, Truncation = 4, Boundary = Mirror }),

        // Laws L5E5(E5), rotation invariant (max pooling), energy map over δ = 7.
        new("4.A", new LawsSettings { Kernel = "L5E5", RotationInvariant = true, Pooling = Pooling.Max, Energy = true, EnergyDistance = 7, Boundary = Mirror }),
        new("4.B", new LawsSettings { Kernel = "L5E5E5", RotationInvariant = true, Pooling = Pooling.Max, Energy = true, EnergyDistance = 7, Boundary = Mirror }),

        // Gabor σ = 5 mm, λ = 2 mm, γ = 1.5, θ = 0, 22.5, …, 337.5° (mean pooling); B also pools the orthogonal planes.
        new("5.A", new GaborSettings { Sigma = 5, Lambda = 2, Gamma = 1.5, Theta = 0, ThetaStep = 22.5, Pooling = Pooling.Mean, Boundary = Mirror }),
        new("5.B", new GaborSettings { Sigma = 5, Lambda = 2, Gamma = 1.5, Theta = 0, ThetaStep = 22.5, Pooling = Pooling.Mean, OrthogonalPlanes = true, Boundary = Mirror }),

        // Daubechies 3, level 1, LH (2D) / LLH (3D), rotation invariant (mean pooling).
        new("6.A", new SeparableWaveletSettings { Family = "db3", Subband = "LH", Level = 1, RotationInvariant = true, Pooling = Pooling.Mean, Boundary = Mirror }),
        new("6.B", new SeparableWaveletSettings { Family = "db3", Subband = "LLH", Level = 1, RotationInvariant = true, Pooling = Pooling.Mean, Boundary = Mirror }),

        // Daubechies 3, level 2, HH (2D) / HHH (3D), rotation invariant (mean pooling).
        new("7.A", new SeparableWaveletSettings { Family = "db3", Subband = "HH", Level = 2, RotationInvariant = true, Pooling = Pooling.Mean, Boundary = Mirror }),
        new("7.B", new SeparableWaveletSettings { Family = "db3", Subband = "HHH", Level = 2, RotationInvariant = true, Pooling = Pooling.Mean, Boundary = Mirror }),

        // Simoncelli wavelet, level 1 and 2. The manual asks for mirror padding; the reference implementation filters
        // in the Fourier domain without padding, i.e. periodically, which is what matches the reference values.
        new("8.A", new SimoncelliSettings { Level = 1, Boundary = BoundaryCondition.Periodic, Dimensions = TwoD }),
        new("8.B", new SimoncelliSettings { Level = 1, Boundary = BoundaryCondition.Periodic }),
        new("9.A", new SimoncelliSettings { Level = 2, Boundary = BoundaryCondition.Periodic, Dimensions = TwoD }),
        new("9.B", new SimoncelliSettings { Level = 2, Boundary = BoundaryCondition.Periodic }),
    ];
}
