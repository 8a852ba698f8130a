namespace Radiomics.Plotting.Charts;

/// <summary>Colours for labels and categories: a qualitative palette distinguishable by most colour-blind readers (Okabe–Ito).</summary>
public static class Palette
{
    private static readonly string[] Colors =
        ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999", "#000000"];

    /// <summary>The colour of label/category <paramref name="index"/> (0-based), cycling after nine.</summary>
    public static string Color(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];

    /// <summary>The colour with an alpha, as CSS <c>rgba(...)</c>.</summary>
    public static string Color(int index, double alpha)
    {
        string hex = Color(index);
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha})");
    }
}
