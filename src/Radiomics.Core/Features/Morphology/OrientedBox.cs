using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>A box with orthonormal <see cref="Axes"/> (columns) and edge lengths <see cref="Extents"/> along them.</summary>
public sealed record OrientedBox(Vec3 Centre, Matrix3 Axes, Vec3 Extents)
{
    public double Volume => Extents.X * Extents.Y * Extents.Z;

    public double SurfaceArea => 2 * ((Extents.X * Extents.Y) + (Extents.Y * Extents.Z) + (Extents.Z * Extents.X));

    /// <summary>Whether <paramref name="p"/> lies in the box, allowing <paramref name="tolerance"/> (mm) outside it.</summary>
    public bool Contains(Vec3 p, double tolerance = 1e-9)
    {
        var d = p - Centre;
        for (int k = 0; k < 3; k++)
        {
            if (Math.Abs(d.Dot(Axes.Column(k))) > (Extents[k] / 2) + tolerance)
            {
                return false;
            }
        }

        return true;
    }
}
