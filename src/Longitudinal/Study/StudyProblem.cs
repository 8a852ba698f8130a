namespace Radiomics.Longitudinal.Study;

public enum StudyProblemKind
{
    /// <summary>A manifest row lacks a required value or has one that cannot be read.</summary>
    InvalidRow,

    /// <summary>A date is neither an ISO date (yyyy-mm-dd) nor a day number.</summary>
    InvalidDate,

    /// <summary>A time point has no date or day; chronological order falls back to the manifest order.</summary>
    MissingDate,

    /// <summary>The same subject, time point and region appear twice.</summary>
    Duplicate,

    /// <summary>Rows of one time point name different image files.</summary>
    InconsistentImage,

    /// <summary>An image or mask file does not exist.</summary>
    MissingFile,

    /// <summary>A file exists but its header cannot be read.</summary>
    UnreadableFile,

    /// <summary>A mask's grid differs from its image's grid.</summary>
    GeometryMismatch,

    /// <summary>The baseline has no mask for a region that follow-ups need propagated.</summary>
    MissingBaselineMask,

    /// <summary>A subject has only one time point, so no change can be computed.</summary>
    SingleTimePoint,

    /// <summary>A subject, time point or region ID is not a plain name (a path, '.', '..', a separator, a reserved name).</summary>
    InvalidId,

    /// <summary>A multi-parametric visit lacks its reference channel, or its visits disagree on the reference.</summary>
    MissingReferenceChannel,

    /// <summary>Visits of a multi-parametric study have different sets of channels.</summary>
    InconsistentChannels,

    /// <summary>A channel's grid does not overlap the reference channel's grid in physical space.</summary>
    DisjointChannels,
}

public enum StudyProblemSeverity
{
    /// <summary>The subject cannot be processed.</summary>
    Error,

    /// <summary>The subject can be processed, with the stated limitation.</summary>
    Warning,
}

/// <summary>One problem found in a study before any work starts, with where it comes from.</summary>
public sealed record StudyProblem(
    StudyProblemKind Kind, StudyProblemSeverity Severity, string Message, int Line = 0, string? Subject = null, string? TimePoint = null, string? Path = null)
{
    public override string ToString()
    {
        var where = new List<string>();
        if (Line > 0)
        {
            where.Add($"line {Line}");
        }

        if (Subject is not null)
        {
            where.Add($"subject {Subject}");
        }

        if (TimePoint is not null)
        {
            where.Add($"time point {TimePoint}");
        }

        string prefix = Severity == StudyProblemSeverity.Error ? "error" : "warning";
        return where.Count > 0 ? $"{prefix} ({string.Join(", ", where)}): {Message}" : $"{prefix}: {Message}";
    }
}
