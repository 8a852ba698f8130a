using FsCheck;
using FsCheck.Fluent;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.Longitudinal.Tests.Pipeline;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Hostile;

/// <summary>IDs are data, never paths: hostile subject, time point and region IDs never move an output out of its folder.</summary>
public sealed class HostileIdTests
{
    public static TheoryData<string> HostileIds => new()
    {
        "../../../escape_subject", "..", ".", "/tmp/escape_abs", "a/b", "a\\b", "C:escape", "", " ", ".hidden", "-rf",
        "CON", "nul.txt", "com1", "x\0y", "line\nbreak", "trailing.", new string('a', SafePath.MaxIdLength + 1), "two words",
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public void A_hostile_ID_is_refused_in_every_output_path(string id)
    {
        Assert.NotNull(SafePath.IdProblem(id));
        var layout = new StudyLayout(Path.Combine(Path.GetTempPath(), "radiomics-layout"));
        foreach (var build in new Func<string>[]
        {
            () => layout.SubjectFolder(id), () => layout.SubjectDone(id), () => layout.SubjectFeatures(id),
            () => layout.SubjectRegistrations(id), () => layout.SubjectTransitions(id), () => layout.SubjectStabilityRepeats(id),
            () => layout.SubjectMap(id, "t0", "tumour"), () => layout.SubjectMap("P01", id, "tumour"), () => layout.SubjectMap("P01", "t0", id),
        })
        {
            var e = Assert.Throws<InvalidInputException>(build);
            Assert.Contains("ID", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("P01")]
    [InlineData("patient_7-b")]
    [InlineData("2024.03.01")]
    [InlineData("sub+01=a@b,c")]
    [InlineData("Müller")]
    [InlineData("患者1")]
    public void Plain_names_are_IDs(string id)
    {
        Assert.Null(SafePath.IdProblem(id));
        var layout = new StudyLayout(Path.Combine(Path.GetTempPath(), "radiomics-layout"));
        Assert.Equal(Path.Combine(layout.SubjectsFolder, id, "maps", $"{id}_{id}.nii.gz"), layout.SubjectMap(id, id, id));
    }

    [Fact]
    public void Any_string_gives_a_path_under_the_subjects_folder_or_a_typed_refusal()
    {
        var root = Path.Combine(Path.GetTempPath(), "radiomics-layout");
        var layout = new StudyLayout(root);
        var alphabet = Gen.Elements('a', 'Z', '0', '.', '/', '\\', '-', '_', ' ', ':', '\0', '~', 'é', '*');
        var ids = Gen.ArrayOf(alphabet).Select(c => new string(c));
        Prop.ForAll(Gen.Three(ids).ToArbitrary(), t =>
        {
            var (subject, timePoint, region) = t;
            try
            {
                string path = layout.SubjectMap(subject, timePoint, region);
                return path.StartsWith(layout.SubjectsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && Path.GetFullPath(path) == path
                    && SafePath.IsValidId(subject) && SafePath.IsValidId(timePoint) && SafePath.IsValidId(region);
            }
            catch (InvalidInputException)
            {
                return !(SafePath.IsValidId(subject) && SafePath.IsValidId(timePoint) && SafePath.IsValidId(region));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("subject", "../../../escape_subject")]
    [InlineData("subject", "/tmp/escape_subject_abs")]
    [InlineData("subject", ".")]
    [InlineData("timepoint", "../../escape_timepoint")]
    [InlineData("timepoint", "..")]
    [InlineData("region", "../../../escape_region")]
    public void A_study_with_a_hostile_ID_stops_before_writing_and_keep_going_skips_only_that_subject(string column, string hostile)
    {
        using var tmp = new TempDirectory();
        var manifest = HostileManifest(tmp.Path, column, hostile);
        string output = Path.Combine(tmp.Path, "run", "out");
        var (cohort, report) = StudyManifest.Load(manifest);
        var full = report.Merge(StudyValidator.Validate(cohort));
        var problem = Assert.Single(full.Errors, p => p.Kind == StudyProblemKind.InvalidId);
        Assert.True(problem.Line > 1, "the problem names its manifest line");
        Assert.Contains(hostile.Trim(), problem.Message, StringComparison.Ordinal);

        var before = Snapshot(tmp.Path);
        var e = Assert.Throws<StudyException>(() => StudyPipeline.Run(cohort, report, StudyFixture.Quick, output));
        Assert.Contains("ID", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(tmp.Path));

        var result = StudyPipeline.Run(cohort, report, StudyFixture.Quick, output, new StudyRunOptions { KeepGoing = true });
        Assert.Equal(["P01", "P02"], result.Computed.Order(StringComparer.Ordinal));
        var written = Snapshot(tmp.Path).Except(before).ToList();
        Assert.NotEmpty(written);
        // Everything new is the output folder, a folder on the way to it, or inside it.
        Assert.All(written, p => Assert.True(
            p == output || output.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal) || p.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal),
            $"{p} lies outside {output}"));
        Assert.DoesNotContain(Snapshot(Path.GetTempPath(), recursive: false), p => p.Contains("escape_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forged_done_marker_cannot_point_another_subject_folder_elsewhere()
    {
        using var tmp = new TempDirectory();
        var layout = new StudyLayout(tmp.Path);
        Directory.CreateDirectory(Path.Combine(layout.SubjectsFolder, "P01"));
        File.WriteAllText(Path.Combine(layout.SubjectsFolder, "P01", "done.json"),
            """{"Subject":"../../../escape_subject","SettingsHash":"x","Days":{},"TimingsSeconds":{},"Finished":"2026-01-01T00:00:00+00:00"}""");
        var e = Assert.Throws<StudyException>(() => StudyTables.Finished(layout));
        Assert.Contains("escape_subject", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_region_setting_is_refused_before_any_output()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"), StudyFixture.Cohort with { Subjects = 1, TimePoints = 2, VolumeChangePerInterval = [0.1] });
        string output = Path.Combine(tmp.Path, "out");
        var e = Assert.Throws<InvalidInputException>(() => StudyPipeline.Run(cohort, report, StudyFixture.Quick with { Region = "../x" }, output));
        Assert.Contains("region", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>A valid two-subject manifest plus one subject whose <paramref name="column"/> holds <paramref name="hostile"/>.</summary>
    internal static string HostileManifest(string folder, string column, string hostile)
    {
        var (cohort, _, _) = StudyFixture.Write(Path.Combine(folder, "data"), StudyFixture.Cohort with { Subjects = 2, TimePoints = 2, VolumeChangePerInterval = [-0.25, 0.1] });
        var lines = new List<string> { "subject,timepoint,date,image,mask,region" };
        foreach (var s in cohort.Subjects)
        {
            foreach (var t in s.TimePoints)
            {
                lines.Add($"{s.Id},{t.Id},day{t.Day},{t.ImagePath},{t.Masks["tumour"]},tumour");
            }
        }

        var template = cohort.Subjects[0];
        foreach (var t in template.TimePoints)
        {
            string subject = column == "subject" ? hostile : "P09";
            string timePoint = column == "timepoint" && t == template.Baseline ? hostile : t.Id;
            string region = column == "region" && t == template.Baseline ? hostile : "tumour";
            lines.Add($"{subject},{timePoint},day{t.Day},{t.ImagePath},{t.Masks["tumour"]},{region}");
        }

        string path = Path.Combine(folder, "hostile.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static SortedSet<string> Snapshot(string folder, bool recursive = true) =>
        new(Directory.EnumerateFileSystemEntries(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly), StringComparer.Ordinal);
}
