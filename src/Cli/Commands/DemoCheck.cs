using System.Globalization;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>The demo's measured changes next to the synthetic cohort's planted truth.</summary>
internal static class DemoCheck
{
    /// <summary>Tumour volume changes pass within this relative error of the true volume ratio.</summary>
    public const double VolumeTolerance = 0.03;

    /// <summary>IBSI code of the mesh volume (morphology), whose relative delta is the reported volume change.</summary>
    public const string VolumeCode = "RNU0";

    /// <summary>Tumour mean intensity changes pass within this many HU of the true change.</summary>
    public const double IntensityToleranceHu = 2.5;

    /// <summary>
    /// One follow-up: true and measured volume ratios (measured = 1 + the relative delta of the mesh volume), the
    /// registration's Jacobian volume ratio over the follow-up mask, Dice of the propagated baseline mask against the
    /// follow-up mask; the true change of the tumour's mean intensity (true mask, native grid) next to the measured one (absolute delta of IBSI Q4LE); the true and measured necrotic-core fraction (habitat 1); and the
    /// share of baseline habitat-2 (viable) voxels found in habitat 1 (core) at the follow-up.
    /// </summary>
    public sealed record Row(
        string Subject, string TimePoint, double TrueVolumeRatio, double MeasuredVolumeRatio, double JacobianVolumeRatio, double Dice,
        double ExpectedMeanChange, double MeasuredMeanChange, double TrueCoreFraction, double MeasuredCoreFraction, double ViableToCore)
    {
        public double VolumeError => (MeasuredVolumeRatio / TrueVolumeRatio) - 1;

        public double JacobianError => (JacobianVolumeRatio / TrueVolumeRatio) - 1;

        public bool Passes => Math.Abs(VolumeError) <= VolumeTolerance && Math.Abs(MeasuredMeanChange - ExpectedMeanChange) <= IntensityToleranceHu;
    }

    public static IReadOnlyList<Row> Compare(StudyResult result, IReadOnlyList<SyntheticTruth> truth)
    {
        var rows = new List<Row>();
        foreach (var group in truth.GroupBy(t => t.Subject))
        {
            var baseline = group.MinBy(t => t.Day)!;
            foreach (var now in group.Where(t => t != baseline).OrderBy(t => t.Day))
            {
                var registration = result.Registrations.FirstOrDefault(r => r.Subject == now.Subject && r.TimePoint == now.TimePoint);
                var toCore = result.Transitions.FirstOrDefault(t => t.Subject == now.Subject && t.ToTimePoint == now.TimePoint && t.FromHabitat == 2 && t.ToHabitat == 1);
                var coreFraction = result.Features.FirstOrDefault(r => r.Subject == now.Subject && r.TimePoint == now.TimePoint && r.Family == "habitat" && r.Feature == "Fraction" && r.Variant == "habitat 1");
                rows.Add(new Row(
                    now.Subject, now.TimePoint, now.TumourVolume / baseline.TumourVolume,
                    1 + (Delta(result, now, VolumeCode, DeltaKind.RelativePercent, "") / 100),
                    registration?.JacobianVolumeRatio ?? double.NaN,
                    registration?.Dice ?? double.NaN,
                    now.TumourMeanIntensity - baseline.TumourMeanIntensity,
                    Delta(result, now, MeanIntensityCode, DeltaKind.Absolute, ""),
                    now.HabitatVolumes[0] / now.HabitatVolumes.Sum(),
                    coreFraction?.Value ?? double.NaN,
                    toCore?.FractionOfFrom ?? double.NaN));
            }
        }

        return rows;
    }

    /// <summary>IBSI code of the mean intensity (intensity statistics).</summary>
    public const string MeanIntensityCode = "Q4LE";

    public static void Write(IAnsiConsole console, IReadOnlyList<Row> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Measured against the planted truth");
        foreach (var column in new[] { "subject", "time", "volume Δ true", "measured", "Jacobian", "Dice", "mean Δ HU true", "measured", "core true", "measured", "viable→core" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "subject" or "time" ? Justify.Left : Justify.Right });
        }

        foreach (var r in rows)
        {
            string colour = r.Passes ? "[green]" : "[red]";
            table.AddRow(
                Markup.Escape(r.Subject), Markup.Escape(r.TimePoint), Percent(r.TrueVolumeRatio - 1), colour + Percent(r.MeasuredVolumeRatio - 1) + "[/]",
                Percent(r.JacobianVolumeRatio - 1), Number(r.Dice, "F3"), Number(r.ExpectedMeanChange, "+0.0;-0.0;0.0"),
                colour + Number(r.MeasuredMeanChange, "+0.0;-0.0;0.0") + "[/]", Number(r.TrueCoreFraction, "P0"), Number(r.MeasuredCoreFraction, "P0"), Number(r.ViableToCore, "P0"));
        }

        console.Write(table);
        int passed = rows.Count(r => r.Passes);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{(passed == rows.Count ? "[green]" : "[yellow]")}{passed}/{rows.Count} follow-ups with volume change within {VolumeTolerance:P0} and mean intensity change within {IntensityToleranceHu} HU of the truth[/]"));
    }

    internal static string Percent(double value) => double.IsFinite(value) ? value.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "–";

    internal static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static double Delta(StudyResult result, SyntheticTruth now, string feature, DeltaKind kind, string variant)
    {
        var row = result.Deltas.Rows.FirstOrDefault(r => r.Subject == now.Subject && r.TimePoint == now.TimePoint && r.Kind == kind
            && (r.IbsiCode == feature || r.Feature == feature) && r.Variant == variant && r.ImageType == "original");
        return row?.Value ?? double.NaN;
    }
}
