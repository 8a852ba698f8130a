namespace Radiomics.TestSupport;

/// <summary>
/// A reference-data theory whose cases take minutes each (e.g. 3D Gabor filtering of a 1 mm CT volume). Runs when
/// <c>TOOLKIT_LONG_TESTS=1</c>; otherwise it is skipped with a message saying how to run it, so CI stays fast.
/// </summary>
public sealed class LongRunningTheoryAttribute : TheoryAttribute
{
    public const string Variable = "TOOLKIT_LONG_TESTS";

    public LongRunningTheoryAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.SkipReason;
        }
        else if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Long-running reference check (minutes per case); set {Variable}=1 to run it.";
        }
    }
}
