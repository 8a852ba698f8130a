using System.Numerics.Tensors;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// PyRadiomics "square" image type: <c>(x / √c)²</c>, <c>c = max|x|</c>, which keeps the image's largest magnitude.
/// An all-zero image stays zero.
/// </summary>
public sealed record SquareSettings : FilterSettings
{
    public override string ImageTypeName() => "square";

    public override void Validate()
    {
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        double c = IntensityScale.MaxAbs(voxels);
        if (c > 0)
        {
            TensorPrimitives.Multiply(voxels, voxels, voxels);
            TensorPrimitives.Multiply(voxels, 1 / c, voxels);
        }

        return voxels;
    }
}

/// <summary>PyRadiomics "squareroot" image type: <c>sign(x)·√(c·|x|)</c>, <c>c = max|x|</c>.</summary>
public sealed record SquareRootSettings : FilterSettings
{
    public override string ImageTypeName() => "squareroot";

    public override void Validate()
    {
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        double c = IntensityScale.MaxAbs(voxels);
        for (int i = 0; i < voxels.Length; i++)
        {
            double x = voxels[i];
            voxels[i] = Math.Sign(x) * Math.Sqrt(c * Math.Abs(x));
        }

        return voxels;
    }
}

/// <summary>
/// PyRadiomics "logarithm" image type: <c>sign(x)·log(|x| + 1)</c>, rescaled so that its largest magnitude is that
/// of the image.
/// </summary>
public sealed record LogarithmSettings : FilterSettings
{
    public override string ImageTypeName() => "logarithm";

    public override void Validate()
    {
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        double c = IntensityScale.MaxAbs(voxels);
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

        return voxels;
    }
}

/// <summary>
/// PyRadiomics "exponential" image type: <c>exp(x · log(c) / c)</c>, <c>c = max|x|</c>, so that <c>x = c</c> maps to c.
/// An all-zero image gives ones.
/// </summary>
public sealed record ExponentialSettings : FilterSettings
{
    public override string ImageTypeName() => "exponential";

    public override void Validate()
    {
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        double c = IntensityScale.MaxAbs(voxels);
        double coefficient = c > 0 ? Math.Log(c) / c : 0;
        TensorPrimitives.Multiply(voxels, coefficient, voxels);
        TensorPrimitives.Exp(voxels, voxels);
        return voxels;
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
