namespace Radiomics.TestSupport;

/// <summary>A fact that needs the shared reference data; skipped with a message saying so when it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.SkipReason;
        }
    }
}

/// <summary>A theory that needs the shared reference data; skipped with a message saying so when it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
