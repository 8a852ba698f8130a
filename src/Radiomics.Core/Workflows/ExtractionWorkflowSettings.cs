using Radiomics.Features;

namespace Radiomics.Workflows;

/// <summary>Settings of <see cref="ExtractionWorkflow"/>; the defaults are those of <c>radiomics extract</c>.</summary>
public sealed record ExtractionWorkflowSettings
{
    /// <summary>Feature settings (IBSI by default, or the PyRadiomics flavour from a params file).</summary>
    public FeatureSettings Features { get; init; } = new();

    /// <summary>Label of the ROI in the mask; needed when the mask holds several (overrides a PyRadiomics params file's label).</summary>
    public int? Label { get; init; }

    /// <summary>When the mask is an RTSTRUCT: the ROI name (case-insensitive) or number.</summary>
    public string? Roi { get; init; }

    /// <summary>When the mask is a DICOM SEG: the segment number.</summary>
    public int? Segment { get; init; }

    /// <summary>Subject identifier for the table's subject column (IBSI definitions, one case).</summary>
    public string Subject { get; init; } = "";

    /// <summary>Time point for the table's timepoint column (IBSI definitions, one case).</summary>
    public string TimePoint { get; init; } = "";
}
