using System.Numerics.Tensors;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// PyRadiomics' voxel-wise intensity transforms (square, square root, logarithm, exponential): no parameters, each a
/// function of the voxel and of the image's largest finite magnitude c.
/// </summary>
public abstract record IntensityTransformSettings : FilterSettings
{
    public override void Validate()
    {
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        Transform(voxels, IntensityScale.MaxAbs(voxels));
        return voxels;
    }

    /// <summary>Transforms <paramref name="voxels"/> in place; <paramref name="c"/> is their largest finite magnitude.</summary>
    private protected abstract void Transform(double[] voxels, double c);
}

/// <summary>
/// PyRadiomics "square" image type: <c>(x / √c)²</c>, <c>c = max|x|</c>, which keeps the image's largest magnitude.
/// An all-zero image stays zero.
/// </summary>
public sealed record SquareSettings : IntensityTransformSettings
{
    public override string ImageTypeName() => "square";

    private protected override void Transform(double[] voxels, double c)
    {
        if (c > 0)
        {
            TensorPrimitives.Multiply(voxels, voxels, voxels);
            TensorPrimitives.Multiply(voxels, 1 / c, voxels);
        }
    }
}

/// <summary>PyRadiomics "squareroot" image type: <c>sign(x)·√(c·|x|)</c>, <c>c = max|x|</c>.</summary>
public sealed record SquareRootSettings : IntensityTransformSettings
{
    public override string ImageTypeName() => "squareroot";

    private protected override void Transform(double[] voxels, double c)
    {
        for (int i = 0; i < voxels.Length; i++)
        {
            double x = voxels[i];
            voxels[i] = Math.Sign(x) * Math.Sqrt(c * Math.Abs(x));
        }
    }
}

/// <summary>
/// PyRadiomics "logarithm" image type: <c>sign(x)·log(|x| + 1)</c>, rescaled so that its largest magnitude is that
/// of the image.
/// </summary>
public sealed record LogarithmSettings : IntensityTransformSettings
{
    public override string ImageTypeName() => "logarithm";

    private protected override void Transform(double[] voxels, double c)
    {
        for (int i = 0; i < voxels.Length; i++)
        {
            double x = voxels[i];
            voxels[i] = Math.Sign(x) * Math.Log(Math.Abs(x) + 1);
        }

        double m = IntensityScale.MaxAbs(voxels);
        if (m > 0)
        {
            TensorPrimitives.Multiply(voxels, c / m, voxels);
        }
    }
}

/// <summary>
/// PyRadiomics "exponential" image type: <c>exp(x · log(c) / c)</c>, <c>c = max|x|</c>, so that <c>x = c</c> maps to c.
/// An all-zero image gives ones.
/// </summary>
public sealed record ExponentialSettings : IntensityTransformSettings
{
    public override string ImageTypeName() => "exponential";

    private protected override void Transform(double[] voxels, double c)
    {
        double coefficient = c > 0 ? Math.Log(c) / c : 0;
        TensorPrimitives.Multiply(voxels, coefficient, voxels);
        TensorPrimitives.Exp(voxels, voxels);
    }
}

internal static class IntensityScale
{
    /// <summary>The largest finite magnitude (0 for an all-zero image).</summary>
    public static double MaxAbs(double[] voxels)
    {
        double max = 0;
        foreach (var x in voxels)
        {
            double a = Math.Abs(x);
            if (a > max && double.IsFinite(a))
            {
                max = a;
            }
        }

        return max;
    }
}
