using Radiomics.Workflows;
using Spectre.Console;

namespace Radiomics.Cli;

/// <summary>Spectre progress bars for a workflow: one bar per step, added when the workflow first reports the step.</summary>
internal static class WorkflowProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with progress bars; without them when the output is CSV or JSON, which must hold only the table.</summary>
    public static T Run<T>(IAnsiConsole console, OutputFormat format, Func<IProgress<WorkflowProgress>?, T> work) =>
        format != OutputFormat.Table ? work(null) : console.Progress().Start(ctx =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            // Spectre redraws on its own thread; reporting synchronously keeps the bars in step with the work.
            var progress = new SynchronousProgress<WorkflowProgress>(p =>
            {
                if (!tasks.TryGetValue(p.Step, out var task))
                {
                    task = ctx.AddTask(Markup.Escape(p.Step), maxValue: Math.Max(p.Total, double.Epsilon));
                    tasks.Add(p.Step, task);
                }

                task.Value = p.Done;
            });
            return work(progress);
        });
}
