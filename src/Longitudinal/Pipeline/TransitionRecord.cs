using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// Voxels of a follow-up that carried habitat <see cref="FromHabitat"/> at baseline (through the registration) and
/// carry <see cref="ToHabitat"/> now; habitat 0 is outside the tumour (tissue lost or gained).
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="FromTimePoint">The baseline time point.</param>
/// <param name="ToTimePoint">The follow-up time point.</param>
/// <param name="FromHabitat">Habitat at baseline (0: outside the tumour).</param>
/// <param name="ToHabitat">Habitat at the follow-up (0: outside the tumour).</param>
/// <param name="Voxels">Follow-up voxels that made this transition.</param>
/// <param name="VolumeMm3">Their volume in mm³.</param>
/// <param name="FractionOfFrom">Share of the baseline habitat's voxels that went to <see cref="ToHabitat"/>.</param>
public sealed record TransitionRecord(
    string Subject, string FromTimePoint, string ToTimePoint, int FromHabitat, int ToHabitat, long Voxels, double VolumeMm3, double FractionOfFrom)
{
    /// <summary>The CSV layout: one column per property, in this order.</summary>
    public static readonly IReadOnlyList<TableColumn<TransitionRecord>> Columns =
    [
        new("subject", r => r.Subject), new("from_timepoint", r => r.FromTimePoint), new("to_timepoint", r => r.ToTimePoint),
        new("from_habitat", r => r.FromHabitat), new("to_habitat", r => r.ToHabitat), new("voxels", r => r.Voxels),
        new("volume_mm3", r => r.VolumeMm3), new("fraction_of_from", r => r.FractionOfFrom),
    ];

    public static string Header => RecordTable.Header(Columns);

    public string ToCsv() => RecordTable.Row(Columns, this);

    public static TransitionRecord From(TableRow r) => new(
        r.Text("subject"), r.Text("from_timepoint"), r.Text("to_timepoint"), Habitat(r, "from_habitat"), Habitat(r, "to_habitat"),
        r.Integer("voxels"), r.Number("volume_mm3"), r.Number("fraction_of_from"));

    /// <summary>
    /// The rows of one transition matrix: every (from, to) pair but outside → outside, with the share of the baseline
    /// habitat's voxels (NaN for growth from outside and for an empty baseline habitat). <see cref="TransitionMatrix.From"/>
    /// rebuilds the matrix.
    /// </summary>
    public static IEnumerable<TransitionRecord> Of(string subject, string fromTimePoint, string toTimePoint, Habitats.Model.HabitatTransitions transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        for (int a = 0; a <= transitions.K; a++)
        {
            for (int b = 0; b <= transitions.K; b++)
            {
                if (a == 0 && b == 0)
                {
                    continue;
                }

                yield return new TransitionRecord(subject, fromTimePoint, toTimePoint, a, b, transitions.Count(a, b), transitions.VolumeMm3(a, b),
                    a == 0 ? double.NaN : transitions.Probability(a, b));
            }
        }
    }

    public static List<TransitionRecord> ReadCsv(string path) => RecordTable.Read(path, From);

    public static void WriteCsv(string path, IEnumerable<TransitionRecord> records) => RecordTable.Write(path, Columns, records);

    private static int Habitat(TableRow r, string column) =>
        r.Integer(column) is >= 0 and <= 255 and var h ? (int)h : throw new TableFileException(r.Source, r.Line, $"the {column} {r.Text(column)} is not a habitat number (0–255).");
}
