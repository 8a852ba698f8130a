using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.DeltaMaps;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>A study's delta voxel maps: every channel's change of each follow-up in the baseline frame, written beside the other maps.</summary>
internal static class DeltaMapStage
{
    /// <summary>The follow-up's channels matched to the baseline's by ID (a multi-parametric visit lacking one is an error).</summary>
    public static DeltaVoxelMap Compute(ScanResult baseline, ScanResult followUp, DisplacementFieldTransform followUpToBaseline, Parallelism parallelism, string scan)
    {
        var channels = new List<DeltaChannel>(baseline.Channels.Count);
        foreach (var c in baseline.Channels)
        {
            var match = followUp.Channels.FirstOrDefault(f => f.Id == c.Id)
                ?? throw new StudyException($"{scan}: the follow-up has no channel '{c.Id}', which the baseline has, so its change cannot be mapped.");
            channels.Add(new DeltaChannel(c.Id, c.Image, match.Image));
        }

        return DeltaVoxelMaps.Compute(channels, baseline.Mask, followUpToBaseline, parallelism, scan);
    }

    /// <summary>
    /// <c>maps/&lt;follow-up&gt;_volume_ratio.nii.gz</c> and <c>maps/&lt;follow-up&gt;_delta[_&lt;channel&gt;].nii.gz</c> on the
    /// baseline grid, zero outside the baseline region.
    /// </summary>
    public static void Write(DeltaVoxelMap map, ImageGeometry baselineGrid, StudyLayout layout, string subject, string followUp)
    {
        ImageFile.Write(OnGrid(map.VolumeRatio, map.Region, baselineGrid), layout.SubjectMap(subject, followUp, "volume_ratio"));
        foreach (var channel in map.Channels)
        {
            string kind = channel.Id.Length == 0 ? "delta" : $"delta_{channel.Id}";
            ImageFile.Write(OnGrid(channel.Difference, map.Region, baselineGrid), layout.SubjectMap(subject, followUp, kind));
        }
    }

    /// <summary>The region's values pasted onto the whole grid; everything else 0 (NaN upsets most viewers).</summary>
    private static Image<float> OnGrid(Image<float> values, LabelMap region, ImageGeometry grid)
    {
        var inside = region.Voxels;
        var source = values.Voxels;
        var patch = new float[source.Length];
        for (int i = 0; i < patch.Length; i++)
        {
            patch[i] = inside[i] != 0 && float.IsFinite(source[i]) ? source[i] : 0;
        }

        return new Image<float>(grid).Paste(new Image<float>(values.Geometry, patch));
    }
}
