namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' <c>glszm</c> class (its <c>radiomics/glszm.py</c> and the C matrix code).</summary>
/// <remarks>
/// Same zones as IBSI (26-connected in 3D, 8-connected in-plane under force2D, which counts zones slice by slice), with
/// the neighbours restricted to PyRadiomics' angle set over the bounding box; grey levels are the bin numbers present.
/// </remarks>
internal static class PyRadiomicsGlszm
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsTextureInput input)
    {
        var v = input.Volume;
        var angles = PyRadiomicsAngles.Generate(v.Size, [1], bidirectional: true, input.Force2DDimension);
        int g = input.GrayLevels.Length;
        var index = new int[input.Ng + 1];
        for (int k = 0; k < g; k++)
        {
            index[input.GrayLevels[k]] = k;
        }

        var done = new bool[v.Count];
        var zones = new List<(int Level, int Size)>();
        var stack = new Stack<int>();
        int nyx = v.Size[1] * v.Size[2];
        for (int start = 0; start < v.Count; start++)
        {
            if (!v.Mask[start] || done[start])
            {
                continue;
            }

            int gl = input.Bins[start], size = 0;
            stack.Push(start);
            done[start] = true;
            while (stack.Count > 0)
            {
                int k = stack.Pop();
                size++;
                int z = k / nyx, y = k % nyx / v.Size[2], x = k % v.Size[2];
                foreach (var a in angles)
                {
                    int j = v.Neighbour(z, y, x, a);
                    if (j >= 0 && v.Mask[j] && !done[j] && input.Bins[j] == gl)
                    {
                        done[j] = true;
                        stack.Push(j);
                    }
                }
            }

            zones.Add((gl, size));
        }

        int maxSize = zones.Count == 0 ? 1 : zones.Max(z => z.Size);
        var m = new double[g, maxSize];
        foreach (var (level, size) in zones)
        {
            m[index[level], size - 1]++;
        }

        var features = PyRadiomicsZoneFeatures.ZoneFeatures(m, [.. input.GrayLevels.Select(l => (double)l)]);
        return features.Select(f => (f.Key, f.Value));
    }
}
