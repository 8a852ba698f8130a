using System.Globalization;

namespace Radiomics.IO.Dicom;

/// <summary>Parses DICOM dates (DA), times (TM) and date-times (DT) to a moment; offsets in DT are honoured.</summary>
internal static class DicomDateTime
{
    /// <summary>A date YYYYMMDD (also the old YYYY.MM.DD) and optional time HHMMSS.FFFFFF (also HH:MM:SS), or null when unreadable.</summary>
    public static DateTime? Combine(string? date, string? time)
    {
        if (date is null || time is null)
        {
            return null;
        }

        var d = Date(date);
        var t = Time(time);
        return d is { } day && t is { } tod ? day + tod : null;
    }

    public static DateTime? Date(string text)
    {
        text = text.Trim().Replace(".", "", StringComparison.Ordinal);
        return DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public static TimeSpan? Time(string text)
    {
        text = text.Trim().Replace(":", "", StringComparison.Ordinal);
        if (text.Length < 2)
        {
            return null;
        }

        string whole = text.Split('.')[0];
        double fraction = text.Contains('.', StringComparison.Ordinal) && double.TryParse("0." + text.Split('.')[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : 0;
        if (!int.TryParse(whole[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(whole.Length >= 4 ? whole[2..4] : "0", NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(whole.Length >= 6 ? whole[4..6] : "0", NumberStyles.None, CultureInfo.InvariantCulture, out int s)
            || h > 23 || m > 59 || s > 60)
        {
            return null;
        }

        return new TimeSpan(h, m, s) + TimeSpan.FromSeconds(fraction);
    }

    /// <summary>A DT value YYYYMMDDHHMMSS.FFFFFF&amp;ZZXX as UTC when it has an offset, else as local scanner time.</summary>
    public static DateTime? DateTimeValue(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 8)
        {
            return null;
        }

        text = text.Trim();
        TimeSpan offset = TimeSpan.Zero;
        bool hasOffset = false;
        int sign = text.IndexOfAny(['+', '-'], 8);
        if (sign > 0 && text.Length - sign == 5
            && int.TryParse(text.AsSpan(sign + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int oh)
            && int.TryParse(text.AsSpan(sign + 3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int om))
        {
            offset = new TimeSpan(oh, om, 0) * (text[sign] == '-' ? -1 : 1);
            hasOffset = true;
            text = text[..sign];
        }

        var day = Date(text[..8]);
        var time = text.Length > 8 ? Time(text[8..]) : TimeSpan.Zero;
        if (day is null || time is null)
        {
            return null;
        }

        var local = day.Value + time.Value;
        return hasOffset ? local - offset : local;
    }
}
