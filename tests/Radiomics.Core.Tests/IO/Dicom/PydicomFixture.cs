using System.Diagnostics;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>The PET and Enhanced MR fixtures of make_fixtures.py, written once per test run with Debian's python3-pydicom.</summary>
public sealed class PydicomFixture : IDisposable
{
    private readonly TempDirectory _tmp = new();
    private readonly Lazy<string> _root;

    public PydicomFixture()
    {
        _root = new Lazy<string>(() =>
        {
            ExternalTool.Run(Python, Script!, _tmp.Path);
            return _tmp.Path;
        });
    }

    public const string Python = "/usr/bin/python3";

    public static string? Script => SharedData.RepositoryRoot is { } repo
        ? Path.Combine(repo, "tests", "Radiomics.Core.Tests", "IO", "Dicom", "make_fixtures.py")
        : null;

    public static readonly Lazy<string?> SkipReason = new(() =>
    {
        if (Script is null || !File.Exists(Python))
        {
            return "Debian's /usr/bin/python3 or the fixture script is missing; the pydicom fixtures are skipped.";
        }

        try
        {
            ExternalTool.Run(Python, "-c", "import pydicom, numpy");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "python3-pydicom is not installed (apt-get install python3-pydicom); the pydicom fixtures are skipped.";
        }
    });

    public string Folder(string name) => Path.Combine(_root.Value, name);

    public void Dispose() => _tmp.Dispose();
}

/// <summary>A fact that needs python3-pydicom; skipped with a message when it is absent.</summary>
public sealed class PydicomFactAttribute : FactAttribute
{
    public PydicomFactAttribute()
    {
        if (PydicomFixture.SkipReason.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
