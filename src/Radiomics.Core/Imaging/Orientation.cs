namespace Radiomics.Imaging;

/// <summary>Anatomical orientation codes of an image's axes.</summary>
public static class Orientation
{
    /// <summary>
    /// The anatomical direction each index axis increases towards, as three letters in LPS terms (DICOM
    /// convention): an axis-aligned image with identity direction is "LPS"; a NIfTI-style RAS grid is "RAS".
    /// Oblique axes take the closest anatomical direction.
    /// </summary>
    public static string Code(Matrix3 direction)
    {
        Span<char> code = stackalloc char[3];
        for (int axis = 0; axis < 3; axis++)
        {
            var c = direction.Column(axis);
            int dominant = Math.Abs(c.X) >= Math.Abs(c.Y) && Math.Abs(c.X) >= Math.Abs(c.Z) ? 0 : Math.Abs(c.Y) >= Math.Abs(c.Z) ? 1 : 2;
            bool positive = c[dominant] > 0;
            code[axis] = dominant switch
            {
                0 => positive ? 'L' : 'R',
                1 => positive ? 'P' : 'A',
                _ => positive ? 'S' : 'I',
            };
        }

        return new string(code);
    }
}
