using System.CommandLine;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// The options of <c>study</c> that run one step of the study as a workflow job (<see cref="StudySteps"/>): validate,
/// fit the habitat model, run subjects without the cohort tables, write the cohort tables. The Snakemake workflow
/// calls these; the numbers are those of a single <c>study</c> run.
/// </summary>
internal sealed class StudyStepOptions
{
    public Option<bool> ValidateOnly { get; } = new("--validate-only") { Description = "Only check the manifest and the files' headers; write validation.txt and subjects.txt." };

    public Option<bool> FitHabitatModel { get; } = new("--fit-habitat-model") { Description = "Only fit the cohort habitat model on the baselines and write habitat_model.json." };

    public Option<bool> NoTables { get; } = new("--no-tables") { Description = "Run the subjects but leave the cohort tables to a later --tables-only (one workflow job per subject)." };

    public Option<bool> TablesOnly { get; } = new("--tables-only") { Description = "Only write the cohort tables and study.json from the finished subject folders (no image is read)." };

    public IEnumerable<Option> All => [ValidateOnly, FitHabitatModel, NoTables, TablesOnly];

    /// <summary>Runs the step asked for; null when none is (the whole study then runs).</summary>
    public int? Run(ParseResult parse, IAnsiConsole console, Cohort cohort, ValidationReport report, StudySettings settings, string output, bool keepGoing)
    {
        var steps = new[] { ValidateOnly, FitHabitatModel, TablesOnly }.Where(o => parse.GetValue(o)).ToList();
        if (steps.Count > 1)
        {
            throw new InvalidInputException($"{string.Join(" and ", steps.Select(o => o.Name))}: give one step at a time.");
        }

        if (parse.GetValue(ValidateOnly))
        {
            var validation = StudySteps.Validate(cohort, report, output, keepGoing);
            foreach (var problem in validation.Problems)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(problem.ToString())}[/]");
            }

            console.MarkupLine($"[green]Valid[/]: {cohort.Subjects.Count - validation.FailedSubjects.Count} of {cohort.Subjects.Count} subject(s); list in {Markup.Escape(new StudyLayout(output).SubjectList)}");
            return CommandAction.Success;
        }

        if (parse.GetValue(FitHabitatModel))
        {
            var model = StudyProgressDisplay.Run(console, OutputFormat.Table, p => StudySteps.FitHabitatModel(cohort, report, settings, output, keepGoing, p));
            console.MarkupLine($"[green]Habitat model[/]: {model.HabitatCount} habitats from {model.Training.Voxels} voxels of {model.Training.Scans} baseline(s) in {Markup.Escape(new StudyLayout(output).HabitatModel)}");
            return CommandAction.Success;
        }

        if (parse.GetValue(TablesOnly))
        {
            StudySummary.Write(console, OutputFormat.Table, StudySteps.WriteTables(settings, output, report));
            return CommandAction.Success;
        }

        return null;
    }
}
