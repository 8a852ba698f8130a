using Radiomics.Imaging;
using Radiomics.IO;
using Spectre.Console;

namespace Radiomics.Cli;

/// <summary>Runs a command body and turns the toolkit's typed errors into one clear line and a non-zero exit code.</summary>
internal static class CommandAction
{
    public const int Success = 0;
    public const int Failure = 1;

    public static int Run(IAnsiConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ImageFileException or Longitudinal.Pipeline.StudyException or GeometryMismatchException or ArgumentException or InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return Failure;
        }
    }
}
