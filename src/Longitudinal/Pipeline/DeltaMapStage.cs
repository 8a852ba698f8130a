using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.DeltaMaps;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// A subject's delta voxel maps: every channel's change of each registered follow-up in the baseline frame, written
/// beside the other maps, and summarised per baseline habitat once the habitats are known.
/// </summary>
internal sealed class DeltaMapStage(StudyLayout layout, string subject, bool writeMaps, Parallelism parallelism)
{
    private readonly List<(string FollowUp, DeltaVoxelMap Map)> _maps = [];

    /// <summary>Maps the follow-up's change; its channels are matched to the baseline's by ID.</summary>
    /// <param name="baseline">The subject's baseline.</param>
    /// <param name="followUp">The registered follow-up.</param>
    /// <param name="field">The registration sampled on the follow-up grid (follow-up points to baseline points).</param>
    public void Add(ScanResult baseline, ScanResult followUp, Image<float> field)
    {
        string scan = HabitatNormalisation.ScanName(subject, followUp.TimePoint.Id, "delta maps");
        var channels = new List<DeltaChannel>(baseline.Channels.Count);
        foreach (var c in baseline.Channels)
        {
            var match = followUp.Channels.FirstOrDefault(f => f.Id == c.Id)
                ?? throw new StudyException($"{scan}: the follow-up has no channel '{c.Id}', which the baseline has, so its change cannot be mapped.");
            channels.Add(new DeltaChannel(c.Id, c.Image, match.Image));
        }

        var map = DeltaVoxelMaps.Compute(channels, baseline.Mask, DisplacementFieldTransform.Adopt(field), parallelism, scan);
        if (writeMaps)
        {
            Write(map, baseline.Mask.Geometry, followUp.TimePoint.Id);
        }

        _maps.Add((followUp.TimePoint.Id, map));
    }

    /// <summary>The summary rows of every follow-up (per baseline habitat when <paramref name="habitats"/> is given), written to the subject's <c>delta_voxels.csv</c>.</summary>
    public IReadOnlyList<DeltaVoxelRecord> Finish(string baseline, LabelMap? habitats, int habitatCount)
    {
        var records = _maps.SelectMany(m => m.Map.Summarise(subject, baseline, m.FollowUp, habitats, habitats is null ? 0 : habitatCount)).ToList();
        DeltaVoxelRecord.WriteCsv(layout.SubjectDeltaVoxels(subject), records);
        return records;
    }

    /// <summary>
    /// <c>maps/&lt;follow-up&gt;_volume_ratio.nii.gz</c> and <c>maps/&lt;follow-up&gt;_delta[_&lt;channel&gt;].nii.gz</c> on the
    /// baseline grid, zero outside the baseline region.
    /// </summary>
    private void Write(DeltaVoxelMap map, ImageGeometry baselineGrid, string followUp)
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

        return Image<float>.OnGrid(grid, new Image<float>(values.Geometry, patch));
    }
}
