namespace Radiomics.IO.Dicom;

/// <summary>The slices of a DICOM series do not make the volume asked for; names the series (or folder) and the problem.</summary>
public sealed class DicomSeriesException : RadiomicsException
{
    public DicomSeriesException(string series, DicomSeriesProblem problem, string detail)
        : base($"DICOM series {series}: {detail}")
    {
        Series = series;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The series (SeriesInstanceUID, with its folder) or the folder that was read.</summary>
    public string Series { get; }

    public DicomSeriesProblem Problem { get; }

    public string Detail { get; }
}
