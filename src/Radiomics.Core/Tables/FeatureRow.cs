using System.Globalization;

namespace Radiomics.Tables;

/// <summary>
/// One feature value of one ROI of one scan: a tidy row of a <see cref="FeatureTable"/>. <see cref="ImageType"/> says
/// which image the value comes from ("original", or a filter such as "wavelet-LLH" or "log-sigma-1mm");
/// <see cref="Aggregation"/> is the IBSI texture aggregation ("3D, merged") and <see cref="Variant"/> separates values of
/// one feature (e.g. "volume fraction at 10% intensity"); both are empty when not needed.
/// </summary>
public sealed record FeatureRow(
    string Subject, string TimePoint, string Region, string ImageType, string Family, string Feature, string IbsiCode,
    string Aggregation, string Variant, double Value)
{
    /// <summary>
    /// The channel (sequence or map) of a multi-parametric visit the value comes from, e.g. "T2" or "ADC"; empty for a
    /// single-channel scan or a value of all channels together (habitat fractions). Tables write a <c>channel</c>
    /// column only when some row has one, so single-channel tables keep their layout.
    /// </summary>
    public string Channel { get; init; } = "";

    /// <summary>
    /// A row of a feature CSV (features.csv and every table that shares its columns): <c>family</c>, <c>feature</c> and
    /// <c>value</c> are required; the other columns default to empty (<c>image_type</c> to "original").
    /// </summary>
    public static FeatureRow From(TableRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Text("subject", ""), r.Text("timepoint", ""), r.Text("region", ""), r.Text("image_type", "original"),
            r.Text("family"), r.Text("feature"), r.Text("ibsi_code", ""), r.Text("aggregation", ""), r.Text("variant", ""), r.Number("value"))
        {
            Channel = r.Text("channel", ""),
        };
    }

    /// <summary>
    /// The name of this feature as a column of a wide table: channel (when any), image type, family and feature, then aggregation and
    /// variant when present, e.g. <c>original.glcm.Joint entropy [3D, merged]</c> or
    /// <c>original.ivh.Volume at intensity fraction (volume fraction at 10% intensity)</c>.
    /// </summary>
    public string ColumnName
    {
        get
        {
            var name = Channel.Length > 0 ? $"{Channel}.{ImageType}.{Family}.{Feature}" : $"{ImageType}.{Family}.{Feature}";
            if (Aggregation.Length > 0)
            {
                name += $" [{Aggregation}]";
            }

            if (Variant.Length > 0)
            {
                name += $" ({Variant})";
            }

            return name;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ColumnName} = {Value:G6}");
}
