namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' <c>gldm</c> class (its <c>radiomics/gldm.py</c> and the C matrix code).</summary>
/// <remarks>
/// IBSI's NGLDM with coarseness α = <c>gldm_a</c>, but the dependence count k excludes the centre voxel (IBSI counts it,
/// so PyRadiomics' j = k + 1 matches IBSI's k for the emphasis features), neighbours come from PyRadiomics' angle set
/// over the bounding box, and neighbours outside the ROI are ignored.
/// </remarks>
internal static class PyRadiomicsGldm
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsTextureInput input)
    {
        var v = input.Volume;
        var angles = PyRadiomicsAngles.Generate(v.Size, input.Settings.Distances, bidirectional: true, input.Force2DDimension);
        int g = input.GrayLevels.Length;
        var index = new int[input.Ng + 1];
        for (int k = 0; k < g; k++)
        {
            index[input.GrayLevels[k]] = k;
        }

        var m = new double[g, (2 * angles.Length) + 1];
        foreach (var (z, y, x, i) in v.RoiVoxels)
        {
            int dep = 0;
            foreach (var a in angles)
            {
                int j = v.Neighbour(z, y, x, a);
                if (j >= 0 && v.Mask[j] && Math.Abs(input.Bins[i] - input.Bins[j]) <= input.Settings.GldmA)
                {
                    dep++;
                }
            }

            m[index[input.Bins[i]], dep]++;
        }

        var features = PyRadiomicsZoneFeatures.DependenceFeatures(m, [.. input.GrayLevels.Select(l => (double)l)]);
        return features.Select(f => (f.Key, f.Value));
    }
}
