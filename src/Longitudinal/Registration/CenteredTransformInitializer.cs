using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The starting transform of a registration, after SimpleITK's <c>CenteredTransformInitializer</c>: a translation
/// matching image centres (geometry) or intensity centres of mass (moments), centred on the fixed image's centre.
/// </summary>
public static class CenteredTransformInitializer
{
    public static AffineTransform Create(Image fixedImage, Image movingImage, InitializationKind kind)
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(movingImage);
        return kind switch
        {
            InitializationKind.None => AffineTransform.Identity.WithCentre(fixedImage.Geometry.Centre),
            InitializationKind.Geometry => Centred(fixedImage.Geometry.Centre, movingImage.Geometry.Centre),
            _ => Centred(CentreOfMass(fixedImage.ConvertTo<float>()), CentreOfMass(movingImage.ConvertTo<float>())),
        };
    }

    internal static AffineTransform Centred(Vec3 fixedCentre, Vec3 movingCentre) =>
        new(Matrix3.Identity, movingCentre - fixedCentre, fixedCentre);

    /// <summary>
    /// Intensity-weighted centroid (mm) with weights <c>I − min(I)</c>, so CT air (−1000 HU) weighs nothing and the
    /// result does not depend on the intensity offset.
    /// </summary>
    public static Vec3 CentreOfMass(Image<float> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (min, _) = image.Range();
        var size = image.Geometry.Size;
        var v = image.Voxels;
        double sw = 0, sx = 0, sy = 0, sz = 0;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    double w = v[i] - min;
                    if (double.IsFinite(w) && w > 0)
                    {
                        sw += w;
                        sx += w * x;
                        sy += w * y;
                        sz += w * z;
                    }
                }
            }
        }

        return sw > 0 ? image.Geometry.IndexToPhysical(new Vec3(sx / sw, sy / sw, sz / sw)) : image.Geometry.Centre;
    }
}
