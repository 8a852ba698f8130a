using Radiomics.Imaging;

namespace Radiomics.Processing.BiasField;

/// <summary>The corrected image, the multiplicative bias field (image = corrected × field inside the mask), and the iterations run per level.</summary>
public sealed record N4Result(Image<float> Corrected, Image<float> BiasField, IReadOnlyList<int> Iterations, double FinalConvergence);
