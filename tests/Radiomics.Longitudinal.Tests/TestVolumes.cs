using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Tests;

/// <summary>Small smooth synthetic volumes for registration tests.</summary>
internal static class TestVolumes
{
    /// <summary>A sum of Gaussian blobs and a gentle ramp: smooth, with structure along every axis.</summary>
    public static Image<float> Blobs(ImageGeometry geometry, Func<Vec3, Vec3>? warp = null)
    {
        var size = geometry.Size;
        var v = new float[geometry.VoxelCount];
        var c = geometry.Centre;
        Vec3[] centres = [c + new Vec3(-8, -5, -3), c + new Vec3(7, 4, 2), c + new Vec3(2, -9, 5), c + new Vec3(-4, 8, -5)];
        double[] radii = [6, 5, 4, 5];
        double[] amps = [100, 70, 50, 80];
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    var p = geometry.IndexToPhysical(x, y, z);
                    if (warp is not null)
                    {
                        p = warp(p);
                    }

                    double s = 0.3 * (p - c).X + 10;
                    for (int k = 0; k < centres.Length; k++)
                    {
                        var d = p - centres[k];
                        s += amps[k] * Math.Exp(-d.Dot(d) / (2 * radii[k] * radii[k]));
                    }

                    v[i] = (float)s;
                }
            }
        }

        return new Image<float>(geometry, v);
    }
}
