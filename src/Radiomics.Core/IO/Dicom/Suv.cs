using System.Globalization;
using System.Numerics.Tensors;
using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>
/// Standardised uptake values of a PET series following the QIBA vendor-neutral procedure: activity concentration
/// (Units BQML) × weight / injected dose decayed to the scan start (DecayCorrection START) or to administration
/// (ADMIN), with the scan start from SeriesDate/Time unless the series was saved after acquisition began, then
/// AcquisitionDate/Time. Philips images in counts (Units CNTS) use the SUV scale factor (7053,1000); Units GML already
/// are SUVbw.
/// </summary>
public static class Suv
{
    /// <summary>The factor that turns this series' rescaled values into the requested SUV.</summary>
    /// <param name="header">A PET image data set of the series.</param>
    /// <param name="kind">Body weight, lean body mass (James) or body surface area (Du Bois).</param>
    /// <param name="series">The series, named in errors.</param>
    public static double Factor(DicomDataset header, SuvKind kind, string series)
    {
        ArgumentNullException.ThrowIfNull(header);
        string path = series;
        string units = header.GetString(DicomTags.Units)?.Trim().ToUpperInvariant() ?? throw Missing(series, "Units (0054,1001)");
        if (units == "GML" && kind == SuvKind.BodyWeight)
        {
            return 1;
        }

        if (units == "CNTS" && kind == SuvKind.BodyWeight && header.GetNumber(DicomTags.PhilipsSuvScaleFactor, path) is { } philips and > 0)
        {
            return philips;
        }

        if (units != "BQML")
        {
            throw new DicomSeriesException(series, DicomSeriesProblem.MissingTag, $"Units (0054,1001) is '{units}'; SUV needs activity concentration in BQML (or Philips CNTS with its SUV scale factor (7053,1000) for SUVbw).");
        }

        double weight = header.GetNumber(DicomTags.PatientWeight, path) is { } w and > 0 ? w : throw Missing(series, "PatientWeight (0010,1030)");
        var radiopharmaceutical = header.GetItem(DicomTags.RadiopharmaceuticalInformationSequence)
            ?? throw Missing(series, "RadiopharmaceuticalInformationSequence (0054,0016)");
        double dose = radiopharmaceutical.GetNumber(DicomTags.RadionuclideTotalDose, path) is { } d and > 0 ? d : throw Missing(series, "RadionuclideTotalDose (0018,1074)");
        string decay = header.GetString(DicomTags.DecayCorrection)?.Trim().ToUpperInvariant() ?? throw Missing(series, "DecayCorrection (0054,1102)");
        double decayedDose;
        if (decay == "ADMIN")
        {
            decayedDose = dose;
        }
        else if (decay == "START")
        {
            double halfLife = radiopharmaceutical.GetNumber(DicomTags.RadionuclideHalfLife, path) is { } h and > 0 ? h : throw Missing(series, "RadionuclideHalfLife (0018,1075)");
            var scan = ScanStart(header, series);
            var injection = DicomDateTime.DateTimeValue(radiopharmaceutical.GetString(DicomTags.RadiopharmaceuticalStartDateTime))
                ?? DicomDateTime.Combine(header.GetString(DicomTags.SeriesDate), radiopharmaceutical.GetString(DicomTags.RadiopharmaceuticalStartTime))
                ?? throw Missing(series, "RadiopharmaceuticalStartDateTime (0018,1078) or RadiopharmaceuticalStartTime (0018,1072)");
            double seconds = (scan - injection).TotalSeconds;
            if (seconds < 0)
            {
                throw new DicomSeriesException(series, DicomSeriesProblem.MissingTag, $"the scan starts at {scan:yyyy-MM-dd HH:mm:ss}, before the injection at {injection:yyyy-MM-dd HH:mm:ss} (RadiopharmaceuticalStartTime).");
            }

            decayedDose = dose * Math.Pow(2, -seconds / halfLife);
        }
        else
        {
            throw new DicomSeriesException(series, DicomSeriesProblem.MissingTag, $"DecayCorrection (0054,1102) is '{decay}'; SUV needs START or ADMIN.");
        }

        return kind switch
        {
            SuvKind.BodyWeight => weight * 1000 / decayedDose,
            SuvKind.LeanBodyMass => LeanBodyMass(header, weight, series) * 1000 / decayedDose,
            SuvKind.BodySurfaceArea => BodySurfaceArea(header, weight, series) * 10000 / decayedDose,
            _ => 1,
        };
    }

    /// <summary>The image multiplied by the SUV factor.</summary>
    public static Image<float> Apply(Image<float> image, DicomDataset header, SuvKind kind, string series)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (kind == SuvKind.None)
        {
            return image;
        }

        float factor = (float)Factor(header, kind, series);
        var result = new float[image.Voxels.Length];
        TensorPrimitives.Multiply(image.Voxels, factor, result);
        return new Image<float>(image.Geometry, result);
    }

    /// <summary>James' lean body mass (kg): men 1.10 W − 128 (W/H)², women 1.07 W − 148 (W/H)², H in cm.</summary>
    public static double LeanBodyMass(DicomDataset header, double weight, string series)
    {
        double height = Height(header, series);
        string sex = header.GetString(DicomTags.PatientSex)?.Trim().ToUpperInvariant() ?? throw Missing(series, "PatientSex (0010,0040)");
        double ratio = weight / height;
        return sex switch
        {
            "M" => 1.10 * weight - 128 * ratio * ratio,
            "F" => 1.07 * weight - 148 * ratio * ratio,
            _ => throw new DicomSeriesException(series, DicomSeriesProblem.MissingTag, $"PatientSex (0010,0040) is '{sex}'; lean body mass needs M or F."),
        };
    }

    /// <summary>Du Bois' body surface area (m²): 0.007184 W^0.425 H^0.725, H in cm.</summary>
    public static double BodySurfaceArea(DicomDataset header, double weight, string series) =>
        0.007184 * Math.Pow(weight, 0.425) * Math.Pow(Height(header, series), 0.725);

    private static double Height(DicomDataset header, string series)
    {
        double metres = header.GetNumber(DicomTags.PatientSize, series) is { } s and > 0 ? s : throw Missing(series, "PatientSize (0010,1020)");
        return metres * 100;
    }

    private static DateTime ScanStart(DicomDataset header, string series)
    {
        var seriesStart = DicomDateTime.Combine(header.GetString(DicomTags.SeriesDate), header.GetString(DicomTags.SeriesTime));
        var acquisition = DicomDateTime.Combine(header.GetString(DicomTags.AcquisitionDate), header.GetString(DicomTags.AcquisitionTime))
            ?? DicomDateTime.DateTimeValue(header.GetString(DicomTags.AcquisitionDateTime));
        if (seriesStart is { } s && (acquisition is null || s <= acquisition))
        {
            return s;
        }

        // The series was created after acquisition began (post-processed): QIBA falls back to the acquisition time.
        return acquisition ?? throw Missing(series, "SeriesDate/SeriesTime (0008,0021/0031) or AcquisitionDate/AcquisitionTime (0008,0022/0032)");
    }

    private static DicomSeriesException Missing(string series, string tag) =>
        new(series, DicomSeriesProblem.MissingTag, string.Create(CultureInfo.InvariantCulture, $"SUV needs {tag}, which is missing or not a positive value."));
}
