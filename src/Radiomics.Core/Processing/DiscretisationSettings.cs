namespace Radiomics.Processing;

/// <summary>Discretisation of ROI intensities (IBSI 1, 4R0B). Immutable; YAML maps onto it.</summary>
public sealed record DiscretisationSettings
{
    /// <summary>The method. Default <see cref="DiscretisationMethod.FixedBinNumber"/>.</summary>
    public DiscretisationMethod Method { get; init; } = DiscretisationMethod.FixedBinNumber;

    /// <summary>N_g for fixed bin number. Default 32.</summary>
    public int BinNumber { get; init; } = 32;

    /// <summary>w_b for fixed bin size, in intensity units. Default 25 (HU).</summary>
    public double BinWidth { get; init; } = 25;

    /// <summary>
    /// X_gl,min for fixed bin size. Null (default): the lower bound of the re-segmentation range, or the ROI's
    /// minimum intensity when there is none, as the manual prescribes.
    /// </summary>
    public double? LowerBound { get; init; }

    public static DiscretisationSettings FixedBinNumber(int binNumber) => new() { Method = DiscretisationMethod.FixedBinNumber, BinNumber = binNumber };

    public static DiscretisationSettings FixedBinSize(double binWidth, double? lowerBound = null) =>
        new() { Method = DiscretisationMethod.FixedBinSize, BinWidth = binWidth, LowerBound = lowerBound };

    public static DiscretisationSettings None => new() { Method = DiscretisationMethod.None };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate(string what = "discretisation")
    {
        switch (Method)
        {
            case DiscretisationMethod.FixedBinNumber when BinNumber < 1 || BinNumber > Discretise.MaximumGreyLevels:
                throw new ArgumentException($"The {what} bin number must lie in 1..{Discretise.MaximumGreyLevels}; got {BinNumber}.", nameof(BinNumber));
            case DiscretisationMethod.FixedBinSize when !(BinWidth > 0 && double.IsFinite(BinWidth)):
                throw new ArgumentException($"The {what} bin width must be finite and positive; got {BinWidth}.", nameof(BinWidth));
            case DiscretisationMethod.FixedBinSize when LowerBound is { } lb && !double.IsFinite(lb):
                throw new ArgumentException($"The {what} lower bound must be finite; got {lb}.", nameof(LowerBound));
            case DiscretisationMethod.None or DiscretisationMethod.FixedBinNumber or DiscretisationMethod.FixedBinSize:
                break;
            default:
                throw new ArgumentException($"Unknown {what} method {Method}.", nameof(Method));
        }
    }
}
