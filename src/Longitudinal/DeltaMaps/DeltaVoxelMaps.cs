using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;
using Radiomics.Processing;

namespace Radiomics.Longitudinal.DeltaMaps;

/// <summary>
/// Delta voxel maps: each follow-up channel pulled into the baseline frame through the inverted registration, and the
/// voxel-wise change of every baseline region voxel with the volume its tissue has at the follow-up (the Jacobian
/// determinant of the baseline-to-follow-up map). Where delta-radiomics compares one number per scan, these maps say
/// where in the tumour the change happened, and per habitat how much tissue is left.
/// </summary>
public static class DeltaVoxelMaps
{
    /// <summary>
    /// The change between the baseline and a follow-up.
    /// </summary>
    /// <param name="channels">The visit's channels (at least one; baselines on <paramref name="baselineRegion"/>'s grid, follow-ups on one grid).</param>
    /// <param name="baselineRegion">The tumour at baseline (every non-zero label counts).</param>
    /// <param name="followUpToBaseline">
    /// The registration's transform: follow-up points to baseline points (the study registers the baseline as the moving
    /// image). A <see cref="DisplacementFieldTransform"/> is used as it is; any other transform is sampled on the follow-up grid.
    /// </param>
    /// <param name="parallelism">Threads (0: all cores).</param>
    /// <param name="scan">Names the follow-up in errors.</param>
    public static DeltaVoxelMap Compute(
        IReadOnlyList<DeltaChannel> channels, LabelMap baselineRegion, ITransform followUpToBaseline, Parallelism parallelism = default, string scan = "the follow-up")
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(baselineRegion);
        ArgumentNullException.ThrowIfNull(followUpToBaseline);
        if (channels.Count == 0)
        {
            throw new InvalidInputException($"{scan}: delta voxel maps need at least one channel.");
        }

        var followUpGrid = channels[0].FollowUp.Geometry;
        foreach (var c in channels)
        {
            Require(c.Baseline.Geometry, baselineRegion.Geometry, $"{scan}, channel '{c.Id}': the baseline image and the baseline region");
            Require(c.FollowUp.Geometry, followUpGrid, $"{scan}, channel '{c.Id}': the follow-up channel and the first follow-up channel");
        }

        var box = baselineRegion.BoundingBox()
            ?? throw new EmptyRoiException($"{scan}: the baseline region is empty, so there are no voxels to follow.");
        // One voxel beyond the region keeps the Jacobian's differences central at the region's border.
        box = box.Pad(1, baselineRegion.Geometry.Size);
        var region = baselineRegion.Crop(box);
        var grid = region.Geometry;

        var forward = followUpToBaseline as DisplacementFieldTransform
            ?? DisplacementFieldTransform.Adopt(DisplacementField.Sample(followUpToBaseline, followUpGrid, parallelism));
        var toFollowUp = DisplacementField.Invert(forward, grid, parallelism: parallelism);
        var volumeRatio = DisplacementField.JacobianDeterminant(toFollowUp.Field, parallelism);

        var maps = new List<DeltaChannelMap>(channels.Count);
        foreach (var c in channels)
        {
            var baseline = c.Baseline.Crop(box);
            var followUp = Resampler.Resample(c.FollowUp, toFollowUp, grid, Interpolator.Linear, defaultValue: double.NaN, parallelism);
            maps.Add(Change(c.Id, baseline, followUp, volumeRatio, region));
        }

        return new DeltaVoxelMap(region, volumeRatio, maps);
    }

    private static DeltaChannelMap Change(string id, Image<float> baseline, Image<float> followUp, Image<float> volumeRatio, LabelMap region)
    {
        var inRegion = region.Voxels;
        int n = inRegion.Length;
        var b = baseline.Voxels;
        var f = followUp.Voxels;
        var j = volumeRatio.Voxels;
        var moved = new float[n];
        var difference = new float[n];
        var modulated = new float[n];
        for (int i = 0; i < n; i++)
        {
            bool inside = inRegion[i] != 0;
            moved[i] = inside ? f[i] : float.NaN;
            difference[i] = inside ? f[i] - b[i] : float.NaN;
            modulated[i] = inside ? (f[i] * j[i]) - b[i] : float.NaN;
        }

        var grid = region.Geometry;
        return new DeltaChannelMap(id, baseline, new Image<float>(grid, moved), new Image<float>(grid, difference), new Image<float>(grid, modulated));
    }

    private static void Require(ImageGeometry actual, ImageGeometry expected, string what)
    {
        if (!actual.Matches(expected))
        {
            throw new GeometryMismatchException(what, expected, actual);
        }
    }
}
