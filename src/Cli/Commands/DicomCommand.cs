using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Radiomics.IO.Dicom;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary><c>radiomics dicom DIR [--json]</c>: patients, studies, series and RTSTRUCT ROIs / SEG segments under a folder, from headers only.</summary>
internal static class DicomCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder to search (recursively) for DICOM files." };
        var json = new Option<bool>("--json") { Description = "Print one JSON array of nested series objects (sizes and spacings as arrays, regions as objects)." };
        var format = TableOutput.CreateOption();
        var command = new Command("dicom", "List the patients, studies, series, ROIs and segments in a DICOM folder tree (headers only).") { dir, json, format };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var listing = DicomListing.Scan(parse.GetRequiredValue(dir).FullName);
            foreach (var bad in listing.Unreadable)
            {
                CommandAction.Error.WriteLine($"warning: {bad.Message}");
            }

            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(listing.Series.Select(s => new
                {
                    patient_id = s.PatientId,
                    patient_name = s.PatientName,
                    study_uid = s.StudyInstanceUid,
                    study_date = s.StudyDate,
                    series_uid = s.SeriesInstanceUid,
                    modality = s.Modality,
                    description = s.SeriesDescription,
                    files = s.Files,
                    size = s.Size is { } z ? new[] { z.X, z.Y, z.Z } : null,
                    spacing = s.Spacing is { } p ? new[] { p.X, p.Y, p.Z } : null,
                    regions = s.Regions.Select(r => new { number = r.Number, name = r.Name }),
                    folder = s.Folder,
                })));
                return CommandAction.Success;
            }

            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Patient").AddColumn("Study date").AddColumn("Modality").AddColumn("Description").AddColumn("Size").AddColumn("Spacing (mm)").AddColumn("ROIs / segments").AddColumn("Folder");
            string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
            string Size(DicomSeriesEntry s) => s.Size is { } z ? $"{z.X}×{z.Y}×{z.Z}" : "";
            string Spacing(DicomSeriesEntry s) => s.Spacing is { } p ? $"{F(p.X)}×{F(p.Y)}×{F(p.Z)}" : "";
            string Regions(DicomSeriesEntry s) => string.Join(", ", s.Regions.Select(r => $"{r.Number} {r.Name}"));
            foreach (var s in listing.Series)
            {
                table.AddRow(
                    new Text($"{s.PatientId} {s.PatientName}".Trim()), new Text(s.StudyDate), new Text(s.Modality), new Text(s.SeriesDescription),
                    new Text(s.Size is not null ? Size(s) : $"{s.Files} file(s)"), new Text(Spacing(s)), new Text(Regions(s)), new Text(s.Folder));
            }

            TableOutput.Print(console, printing, new Tables.ResultTable(
                ["patient_id", "patient_name", "study_uid", "study_date", "series_uid", "modality", "description", "files", "size", "spacing_mm", "regions", "folder"],
                listing.Series.Select(s => (IReadOnlyList<object?>)[s.PatientId, s.PatientName, s.StudyInstanceUid, s.StudyDate, s.SeriesInstanceUid, s.Modality, s.SeriesDescription, s.Files, Size(s), Spacing(s), Regions(s), s.Folder])),
                table);
            TableOutput.Message(console, printing, string.Create(CultureInfo.InvariantCulture, $"{listing.Series.Count} series, {listing.Series.Select(s => s.StudyInstanceUid).Distinct().Count()} studies, {listing.Series.Select(s => s.PatientId).Distinct().Count()} patients"));
            return CommandAction.Success;
        }));
        return command;
    }
}
