using System.Globalization;

namespace Radiomics.Cli.Commands;

/// <summary>Range checks of numeric options, each failing with an <see cref="InvalidInputException"/> naming the option and its value.</summary>
internal static class OptionChecks
{
    /// <summary>The most threads an option may ask for.</summary>
    public const int MaxThreads = 4096;

    /// <summary>0 (all cores) or a positive thread count.</summary>
    public static int Threads(int value, string option = "--threads") =>
        value is >= 0 and <= MaxThreads ? value
        : throw new InvalidInputException($"{option} {value}: give 0 (all cores) or a thread count from 1 to {MaxThreads}.");

    /// <summary>A finite number in (0, <paramref name="max"/>].</summary>
    public static double Positive(double value, string option, string unit, double max = 1e6) =>
        value > 0 && value <= max && double.IsFinite(value) ? value
        : throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: give a finite number of {unit} above 0 and at most {max}."));
}
