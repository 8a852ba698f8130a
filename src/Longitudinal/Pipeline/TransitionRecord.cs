using System.Globalization;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// Voxels of a follow-up that carried habitat <see cref="FromHabitat"/> at baseline (through the registration) and
/// carry <see cref="ToHabitat"/> now; habitat 0 is outside the tumour (tissue lost or gained).
/// </summary>
/// <remarks><c>FractionOfFrom</c>: Share of the baseline habitat's voxels that went to <see cref="ToHabitat"/>.</remarks>
public sealed record TransitionRecord(
    string Subject, string FromTimePoint, string ToTimePoint, int FromHabitat, int ToHabitat, long Voxels, double VolumeMm3, double FractionOfFrom)
{
    public static readonly string Header = "subject,from_timepoint,to_timepoint,from_habitat,to_habitat,voxels,volume_mm3,fraction_of_from";

    public string ToCsv() => Csv.Row(Subject, FromTimePoint, ToTimePoint, FromHabitat, ToHabitat, Voxels, VolumeMm3, FractionOfFrom);

    public static TransitionRecord Parse(IReadOnlyList<string> f) => new(
        f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture),
        long.Parse(f[5], CultureInfo.InvariantCulture), D(f[6]), D(f[7]));

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
