using System.Text;
using Radiomics.Habitats.Model;
using Radiomics.IO;
using Radiomics.Longitudinal.Delta;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// A study's per-habitat tables (<c>habitat_features.csv</c>, <c>habitat_features_skipped.csv</c>,
/// <c>habitat_deltas.csv</c>) streamed from the finished subjects' own tables with one subject in memory at a time,
/// so the study's memory does not grow with its subjects (they are several times the whole-tumour tables: one set of
/// features per habitat). The files hold the same bytes as concatenating every subject's table and computing the
/// deltas of the whole: rows by subject, deltas by habitat and then subject. The tables returned read the files when
/// their rows are first used.
/// </summary>
internal static class HabitatStudyTables
{
    /// <summary>Writes the tables when some subject has per-habitat features or skips; otherwise removes an earlier run's.</summary>
    /// <param name="subjects">The finished subjects in table order, each with the study folder that holds it.</param>
    /// <param name="layout">The study folder the tables go to.</param>
    /// <param name="days">Each subject's time points and their days.</param>
    /// <param name="kinds">The kinds of change.</param>
    public static (HabitatFeatureTable Features, IReadOnlyList<HabitatFeatureSkip> Skips, HabitatDeltaTable Deltas) Write(
        IReadOnlyList<(StudyLayout Folder, string Subject)> subjects, StudyLayout layout,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> days, IReadOnlyCollection<DeltaKind> kinds)
    {
        var shape = Shape.Of(subjects, days, kinds);
        if (shape.Features == 0 && shape.Skips == 0)
        {
            File.Delete(layout.HabitatFeatures);
            File.Delete(layout.HabitatFeaturesSkipped);
            File.Delete(layout.HabitatDeltas);
            return (HabitatFeatureTable.Empty, [], HabitatDeltaTable.Empty);
        }

        RecordTable.Write(layout.HabitatFeatures, shape.FeatureColumns, subjects.SelectMany(ReadFeatures));
        HabitatFeatureSkip.WriteCsv(layout.HabitatFeaturesSkipped, subjects.SelectMany(ReadSkips));
        WriteDeltas(subjects, layout.HabitatDeltas, shape.DeltaColumns, days, kinds);
        return (
            HabitatFeatureTable.OnDisk(layout.HabitatFeatures, shape.Features),
            new TableFileRows<HabitatFeatureSkip>(layout.HabitatFeaturesSkipped, shape.Skips, HabitatFeatureSkip.ReadCsv),
            HabitatDeltaTable.OnDisk(layout.HabitatDeltas, shape.Deltas));
    }

    /// <summary>
    /// The deltas habitat by habitat: each subject's go to one temporary part per habitat, and the parts follow the
    /// header in habitat order (a subject's deltas depend on its own rows only).
    /// </summary>
    private static void WriteDeltas(
        IReadOnlyList<(StudyLayout Folder, string Subject)> subjects, string path, IReadOnlyList<TableColumn<HabitatDeltaRow>> columns,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> days, IReadOnlyCollection<DeltaKind> kinds)
    {
        string full = Path.GetFullPath(path);
        var parts = new SortedDictionary<int, (string Path, StreamWriter Writer)>();
        try
        {
            foreach (var subject in subjects)
            {
                foreach (var row in HabitatDeltaTable.Compute(ReadFeatures(subject), days, kinds).Rows)
                {
                    if (!parts.TryGetValue(row.Habitat, out var part))
                    {
                        string partPath = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.habitat{row.Habitat}.{Guid.NewGuid():N}.tmp");
                        part = (partPath, new StreamWriter(partPath, append: false, new UTF8Encoding(false), 1 << 16));
                        parts[row.Habitat] = part;
                    }

                    part.Writer.Write(RecordTable.Row(columns, row));
                    part.Writer.Write('\n');
                }
            }

            foreach (var part in parts.Values)
            {
                part.Writer.Dispose();
            }

            AtomicFile.Write(full, stream =>
            {
                stream.Write(Encoding.UTF8.GetBytes(RecordTable.Header(columns) + "\n"));
                foreach (var part in parts.Values)
                {
                    using var file = File.OpenRead(part.Path);
                    file.CopyTo(stream);
                }
            });
        }
        finally
        {
            foreach (var part in parts.Values)
            {
                part.Writer.Dispose();
                File.Delete(part.Path);
            }
        }
    }

    private static HabitatFeatureTable ReadFeatures((StudyLayout Folder, string Subject) subject) =>
        File.Exists(subject.Folder.SubjectHabitatFeatures(subject.Subject))
            ? HabitatFeatureTable.ReadCsv(subject.Folder.SubjectHabitatFeatures(subject.Subject))
            : HabitatFeatureTable.Empty;

    private static IReadOnlyList<HabitatFeatureSkip> ReadSkips((StudyLayout Folder, string Subject) subject) =>
        File.Exists(subject.Folder.SubjectHabitatFeaturesSkipped(subject.Subject))
            ? HabitatFeatureSkip.ReadCsv(subject.Folder.SubjectHabitatFeaturesSkipped(subject.Subject))
            : [];

    /// <summary>
    /// What the study tables will hold, found one subject at a time before any is written: their row counts, and their
    /// CSV layouts (a table's layout depends only on whether some row has a channel, so a subject table with channels
    /// gives the study's layout when there is one, and an empty table's layout is the one without).
    /// </summary>
    private sealed record Shape(
        int Features, int Skips, int Deltas, IReadOnlyList<TableColumn<HabitatFeatureRow>> FeatureColumns, IReadOnlyList<TableColumn<HabitatDeltaRow>> DeltaColumns)
    {
        public static Shape Of(
            IReadOnlyList<(StudyLayout Folder, string Subject)> subjects,
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> days, IReadOnlyCollection<DeltaKind> kinds)
        {
            var shape = new Shape(0, 0, 0, HabitatFeatureTable.Empty.CsvLayout, HabitatDeltaTable.Empty.CsvLayout);
            bool featureChannels = false, deltaChannels = false;
            foreach (var subject in subjects)
            {
                var features = ReadFeatures(subject);
                var deltas = HabitatDeltaTable.Compute(features, days, kinds);
                shape = shape with { Features = shape.Features + features.Count, Skips = shape.Skips + ReadSkips(subject).Count, Deltas = shape.Deltas + deltas.Rows.Count };
                if (!featureChannels && features.Any(r => r.Feature.Channel.Length > 0))
                {
                    featureChannels = true;
                    shape = shape with { FeatureColumns = features.CsvLayout };
                }

                if (!deltaChannels && deltas.Rows.Any(r => r.Delta.Channel.Length > 0))
                {
                    deltaChannels = true;
                    shape = shape with { DeltaColumns = deltas.CsvLayout };
                }
            }

            return shape;
        }
    }
}
