using System.Diagnostics;

namespace Radiomics.Longitudinal.Registration;

/// <summary>Starts the executables of the external backends (elastix, transformix, plastimatch) and reports their failures as <see cref="RegistrationException"/>s.</summary>
internal static class ExternalTool
{
    /// <summary>Whether <paramref name="executable"/> can be started (on PATH or as a path) with <paramref name="argument"/>.</summary>
    public static bool CanStart(string executable, string argument)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(executable, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            p?.WaitForExit(10_000);
            return p is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs the executable to its end and returns its standard output and error; a non-zero exit code is an error.</summary>
    public static string Run(string executable, IReadOnlyList<string> arguments, string installHint, CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"{executable} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"{executable} is not installed or not on PATH ({e.Message}); {installHint}.", inner: e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            try
            {
                process.WaitForExitAsync(cancellation).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            string log = stdout.Result + stderr.Result;
            if (process.ExitCode != 0)
            {
                log = log.Trim();
                throw new RegistrationException(RegistrationProblem.ExternalToolFailed,
                    $"{executable} failed with exit code {process.ExitCode}: {(log.Length > 800 ? log[^800..] : log)}");
            }

            return log;
        }
    }

    /// <summary>Removes a tool's temporary working folder; a leftover is harmless, since the result is already in memory.</summary>
    public static void DeleteTemporaryFolder(string work)
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // Another process may still hold a file of the tool's; the folder is under the system's temp path.
        }
    }
}
