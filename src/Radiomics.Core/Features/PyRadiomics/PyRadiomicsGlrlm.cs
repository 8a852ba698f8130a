namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' <c>glrlm</c> class (its <c>radiomics/glrlm.py</c> and the C matrix code).</summary>
/// <remarks>
/// Differences from IBSI: one matrix per PyRadiomics direction, a direction dropped when no line along it holds two ROI
/// voxels (a one-slice ROI in 3D), features averaged over directions, or with <c>weightingNorm</c> one matrix summed
/// with the direction's physical length as weight; grey levels are bin numbers of the levels present.
/// </remarks>
internal static class PyRadiomicsGlrlm
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsTextureInput input)
    {
        var v = input.Volume;
        var s = input.Settings;
        var angles = PyRadiomicsAngles.Generate(v.Size, [1], bidirectional: false, input.Force2DDimension);
        int g = input.GrayLevels.Length, nr = v.Size.Max();
        var index = new int[input.Ng + 1];
        for (int k = 0; k < g; k++)
        {
            index[input.GrayLevels[k]] = k;
        }

        var matrices = new List<double[,]>();
        foreach (var a in angles)
        {
            var m = new double[g, nr];
            bool multiElement = false;
            for (int z = 0; z < v.Size[0]; z++)
            {
                for (int y = 0; y < v.Size[1]; y++)
                {
                    for (int x = 0; x < v.Size[2]; x++)
                    {
                        // A line starts where the step back along the direction leaves the box.
                        if (v.Neighbour(z, y, x, [-a[0], -a[1], -a[2]]) >= 0)
                        {
                            continue;
                        }

                        int gl = -1, run = 0, elements = 0;
                        int cz = z, cy = y, cx = x;
                        while (true)
                        {
                            int i = (((cz * v.Size[1]) + cy) * v.Size[2]) + cx;
                            if (v.Mask[i])
                            {
                                elements++;
                                if (gl == -1)
                                {
                                    gl = input.Bins[i];
                                    run = 1;
                                }
                                else if (input.Bins[i] == gl)
                                {
                                    run++;
                                }
                                else
                                {
                                    m[index[gl], run - 1]++;
                                    gl = input.Bins[i];
                                    run = 1;
                                }
                            }
                            else if (gl > -1)
                            {
                                m[index[gl], run - 1]++;
                                gl = -1;
                            }

                            cz += a[0];
                            cy += a[1];
                            cx += a[2];
                            if (cz < 0 || cy < 0 || cx < 0 || cz >= v.Size[0] || cy >= v.Size[1] || cx >= v.Size[2])
                            {
                                break;
                            }
                        }

                        if (gl > -1)
                        {
                            m[index[gl], run - 1]++;
                        }

                        multiElement |= elements > 1;
                    }
                }
            }

            if (!multiElement)
            {
                Array.Clear(m);
            }

            matrices.Add(m);
        }

        if (s.WeightingNorm is { } norm)
        {
            var merged = new double[g, nr];
            for (int k = 0; k < angles.Length; k++)
            {
                double w = PyRadiomicsWeights.Glrlm(norm, angles[k], v.Spacing);
                for (int r = 0; r < g; r++)
                {
                    for (int c = 0; c < nr; c++)
                    {
                        merged[r, c] += matrices[k][r, c] * w;
                    }
                }
            }

            matrices = [merged];
        }

        if (matrices.Count > 1)
        {
            matrices = [.. matrices.Where(m => m.Cast<double>().Sum() != 0)];
        }

        var level = input.GrayLevels.Select(l => (double)l).ToArray();
        var perAngle = matrices.Select(m => PyRadiomicsZoneFeatures.RunFeatures(m, level)).ToList();
        foreach (var name in perAngle[0].Keys)
        {
            yield return (name, PyRadiomicsTextureInput.NanMean(perAngle.Select(f => f[name])));
        }
    }
}
