namespace Radiomics.TestSupport;

/// <summary>
/// Finds the reference data folder (<c>../shared</c>): the <c>TOOLKIT_SHARED_DIR</c> environment variable, else a
/// <c>shared/</c> folder beside the repository. Tests that need it are skipped with a message when it is absent.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "TOOLKIT_SHARED_DIR";

    private static readonly Lazy<string?> RootLazy = new(Locate);

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? Root => RootLazy.Value;

    public static bool IsAvailable => Root is not null;

    public static string SkipReason =>
        $"Reference data not found: set {EnvironmentVariable} or place the shared/ folder beside the repository (looked beside {RepositoryRoot ?? "(repository not found)"}).";

    /// <summary>The repository root: the nearest folder above the test binaries holding Toolkit.sln.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Toolkit.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }

    /// <summary>A path inside the shared folder; throws when the folder is absent (guard tests with <see cref="SharedDataFactAttribute"/>).</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(SkipReason), .. parts]);

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Directory.Exists(env) ? System.IO.Path.GetFullPath(env) : null;
        }

        var repo = RepositoryRoot;
        if (repo is null)
        {
            return null;
        }

        var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(repo, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}
