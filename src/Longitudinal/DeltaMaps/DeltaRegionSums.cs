namespace Radiomics.Longitudinal.DeltaMaps;

/// <summary>Sums over one part of a region (the whole region or one habitat) that a <see cref="DeltaVoxelRecord"/> is made of.</summary>
internal struct DeltaRegionSums
{
    private long _voxels, _tracked;
    private double _volumeRatio, _baseline, _followUp, _difference, _modulated;

    /// <summary>Index 0 is the whole region, h = 1..<paramref name="habitatCount"/> the voxels of habitat h.</summary>
    public static DeltaRegionSums[] Accumulate(ReadOnlySpan<byte> region, ReadOnlySpan<byte> habitats, int habitatCount, ReadOnlySpan<float> volumeRatio, DeltaChannelMap channel)
    {
        var sums = new DeltaRegionSums[habitatCount + 1];
        var baseline = channel.Baseline.Voxels;
        var followUp = channel.FollowUp.Voxels;
        for (int i = 0; i < region.Length; i++)
        {
            if (region[i] == 0)
            {
                continue;
            }

            sums[0].Add(volumeRatio[i], baseline[i], followUp[i]);
            if (!habitats.IsEmpty && habitats[i] is > 0 and var h && h <= habitatCount)
            {
                sums[h].Add(volumeRatio[i], baseline[i], followUp[i]);
            }
        }

        return sums;
    }

    private void Add(float volumeRatio, float baseline, float followUp)
    {
        _voxels++;
        _volumeRatio += volumeRatio;
        _baseline += baseline;
        // Tissue that moved outside the follow-up's field of view has no follow-up value; it still has a volume.
        if (float.IsFinite(followUp))
        {
            _tracked++;
            _followUp += followUp;
            _difference += followUp - baseline;
            _modulated += (followUp * volumeRatio) - baseline;
        }
    }

    public readonly DeltaVoxelRecord ToRecord(string subject, string baseline, string followUp, string channel, int habitat, double voxelVolume) => new(
        subject, baseline, followUp, channel, habitat, _voxels, _voxels * voxelVolume, _volumeRatio * voxelVolume,
        Mean(_baseline, _voxels), Mean(_followUp, _tracked), Mean(_difference, _tracked), Mean(_modulated, _tracked), _voxels - _tracked);

    private static double Mean(double sum, long n) => n == 0 ? double.NaN : sum / n;
}
