using Radiomics.Imaging;

namespace Radiomics.Longitudinal.DeltaMaps;

/// <summary>
/// The voxel-wise change of a tumour between a baseline and a follow-up, in the baseline frame: every baseline
/// region voxel followed through the registration to where its tissue is at the follow-up. The maps cover the
/// region's bounding box plus one voxel (their geometry keeps them at the same physical place as the baseline).
/// </summary>
public sealed class DeltaVoxelMap
{
    internal DeltaVoxelMap(LabelMap region, Image<float> volumeRatio, IReadOnlyList<DeltaChannelMap> channels)
    {
        Region = region;
        VolumeRatio = volumeRatio;
        Channels = channels;
    }

    /// <summary>The baseline region on the maps' cropped grid.</summary>
    public LabelMap Region { get; }

    /// <summary>
    /// <c>det Dψ(x)</c> of the baseline-to-follow-up map ψ: the follow-up volume of the tissue in one baseline voxel over
    /// the voxel's volume (1: unchanged, 0.5: shrunk to half). Summed over a region times the voxel volume it gives the
    /// Jacobian-corrected volume that region's tissue has at the follow-up.
    /// </summary>
    public Image<float> VolumeRatio { get; }

    /// <summary>The change of every channel, in the order the channels were given.</summary>
    public IReadOnlyList<DeltaChannelMap> Channels { get; }

    /// <summary>The map's grid (the baseline grid cropped to the region).</summary>
    public ImageGeometry Geometry => Region.Geometry;

    /// <summary>The channel with ID <paramref name="id"/>.</summary>
    public DeltaChannelMap Channel(string id) =>
        Channels.FirstOrDefault(c => c.Id == id) ?? throw new ArgumentException($"There is no channel '{id}'; the channels are {string.Join(", ", Channels.Select(c => $"'{c.Id}'"))}.", nameof(id));

    /// <summary>
    /// Per channel, the whole region (habitat 0) and, when <paramref name="habitats"/> is given (a baseline habitat map on
    /// the baseline grid or on this map's grid), each of its habitats 1..<paramref name="habitatCount"/>.
    /// </summary>
    public IReadOnlyList<DeltaVoxelRecord> Summarise(string subject, string baselineTimePoint, string followUpTimePoint, LabelMap? habitats = null, int habitatCount = 0)
    {
        var labels = habitats is null ? null : OnThisGrid(habitats);
        var records = new List<DeltaVoxelRecord>();
        foreach (var channel in Channels)
        {
            var sums = DeltaRegionSums.Accumulate(Region.Voxels, labels, habitatCount, VolumeRatio.Voxels, channel);
            double voxel = Geometry.VoxelVolume;
            for (int h = 0; h <= habitatCount; h++)
            {
                records.Add(sums[h].ToRecord(subject, baselineTimePoint, followUpTimePoint, channel.Id, h, voxel));
            }
        }

        return records;
    }

    private ReadOnlySpan<byte> OnThisGrid(LabelMap habitats)
    {
        if (habitats.Geometry.Size == Geometry.Size && habitats.Geometry.OffsetIn(Geometry) is { X: 0, Y: 0, Z: 0 })
        {
            return habitats.Voxels;
        }

        var offset = Geometry.OffsetIn(habitats.Geometry)
            ?? throw new GeometryMismatchException("Delta voxel map summary: the habitat map is not on the baseline grid", Geometry, habitats.Geometry);
        var size = Geometry.Size;
        return habitats.Crop(new BoundingBox(offset, new Index3(offset.X + size.X - 1, offset.Y + size.Y - 1, offset.Z + size.Z - 1))).Voxels;
    }
}
