namespace Radiomics.Habitats.Workflows;

/// <summary>One scan of a habitat analysis: an image file and its tumour mask on the same grid.</summary>
/// <param name="Image">Image file (any format <see cref="IO.ImageFile"/> reads).</param>
/// <param name="Mask">Mask file on the image's grid.</param>
public sealed record HabitatScan(string Image, string Mask);
