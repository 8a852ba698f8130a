using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Maps rows of a reference grid through a transform into continuous indices of another image: the shared first
/// step of every resampling. Dense fields on the reference grid itself are read without interpolation and linear
/// transforms are stepped incrementally; anything else goes point by point.
/// </summary>
internal sealed class PointMapper
{
    private readonly ITransform _transform;
    private readonly ImageGeometry _reference;
    private readonly ImageGeometry _target;
    private readonly DisplacementFieldTransform? _field;
    private readonly Matrix3 _k;
    private readonly Vec3 _k0;
    private readonly bool _linear;

    public PointMapper(ITransform transform, ImageGeometry reference, ImageGeometry target)
    {
        _transform = transform;
        _reference = reference;
        _target = target;
        if (transform is DisplacementFieldTransform f && f.Geometry.Matches(reference))
        {
            _field = f;
        }

        if (transform is ILinearTransform l)
        {
            var a = l.ToAffine();
            _k = target.PhysicalToIndexMatrix * a.Matrix * reference.IndexToPhysicalMatrix;
            _k0 = target.PhysicalToIndex(a.TransformPoint(reference.Origin));
            _linear = true;
        }
    }

    /// <summary>Continuous target indices of the voxels of reference row (<paramref name="y"/>, <paramref name="z"/>).</summary>
    public void MapRow(int y, int z, Span<double> px, Span<double> py, Span<double> pz)
    {
        int nx = _reference.Size.X;
        if (_linear)
        {
            double bx = _k0.X + _k.M01 * y + _k.M02 * z, by = _k0.Y + _k.M11 * y + _k.M12 * z, bz = _k0.Z + _k.M21 * y + _k.M22 * z;
            for (int x = 0; x < nx; x++)
            {
                px[x] = bx + _k.M00 * x;
                py[x] = by + _k.M10 * x;
                pz[x] = bz + _k.M20 * x;
            }

            return;
        }

        if (_field is not null)
        {
            int o = (z * _reference.Size.Y + y) * nx;
            var ux = _field.Component(0);
            var uy = _field.Component(1);
            var uz = _field.Component(2);
            for (int x = 0; x < nx; x++)
            {
                var p = _reference.IndexToPhysical(x, y, z) + new Vec3(ux[o + x], uy[o + x], uz[o + x]);
                var t = _target.PhysicalToIndex(p);
                px[x] = t.X;
                py[x] = t.Y;
                pz[x] = t.Z;
            }

            return;
        }

        for (int x = 0; x < nx; x++)
        {
            var t = _target.PhysicalToIndex(_transform.TransformPoint(_reference.IndexToPhysical(x, y, z)));
            px[x] = t.X;
            py[x] = t.Y;
            pz[x] = t.Z;
        }
    }
}
