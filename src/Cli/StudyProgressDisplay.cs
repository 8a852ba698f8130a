using Radiomics.Longitudinal.Pipeline;
using Spectre.Console;

namespace Radiomics.Cli;

/// <summary>Spectre progress bars for a study: one bar for the cohort, one for the current subject's steps.</summary>
internal static class StudyProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with progress bars; without them when the output is CSV or JSON, which must hold only the table.</summary>
    public static T Run<T>(IAnsiConsole console, OutputFormat format, Func<IProgress<StudyProgress>?, T> work) =>
        format != OutputFormat.Table ? work(null) : console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var cohort = ctx.AddTask("Cohort", maxValue: 1);
                var step = ctx.AddTask("Preparing", maxValue: 1);
                // Spectre redraws on its own thread; reporting synchronously keeps the bars in step with the work.
                var progress = new Synchronous(p =>
                {
                    cohort.MaxValue = Math.Max(1, p.SubjectCount);
                    cohort.Value = p.SubjectsDone;
                    cohort.Description = $"Cohort ({p.SubjectsDone}/{p.SubjectCount} subjects)";
                    step.Description = Markup.Escape($"{p.Subject}: {p.Step}");
                    step.Value = p.StepFraction;
                });
                var result = work(progress);
                cohort.Value = cohort.MaxValue;
                step.Value = 1;
                step.Description = "Done";
                return result;
            });

    private sealed class Synchronous(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
