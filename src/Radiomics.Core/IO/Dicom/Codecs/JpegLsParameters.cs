namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// The coding parameters of a JPEG-LS scan (ITU-T T.87 C.2.4.1 and A.2.1): MAXVAL, thresholds T1–T3, RESET, NEAR, and
/// the derived RANGE, qbpp and LIMIT. Zero preset values take the defaults of C.2.4.1.1.
/// </summary>
internal readonly record struct JpegLsParameters(int MaxVal, int T1, int T2, int T3, int Reset, int Near)
{
    public int Range => ((MaxVal + (2 * Near)) / ((2 * Near) + 1)) + 1;

    public int Qbpp => CeilLog2(Range);

    public int Limit
    {
        get
        {
            var bpp = Math.Max(2, CeilLog2(MaxVal + 1));
            return 2 * (bpp + Math.Max(8, bpp));
        }
    }

    /// <summary>Completes preset values (0 = default) for a precision and NEAR, T.87 C.2.4.1.1.</summary>
    public static JpegLsParameters Resolve(int precision, int near, int maxVal, int t1, int t2, int t3, int reset)
    {
        if (maxVal == 0)
        {
            maxVal = (1 << precision) - 1;
        }

        int dt1, dt2, dt3;
        if (maxVal >= 128)
        {
            var factor = (Math.Min(maxVal, 4095) + 128) >> 8;
            dt1 = Clamp((factor * (3 - 2)) + 2 + (3 * near), near + 1, maxVal);
            dt2 = Clamp((factor * (7 - 3)) + 3 + (5 * near), dt1, maxVal);
            dt3 = Clamp((factor * (21 - 4)) + 4 + (7 * near), dt2, maxVal);
        }
        else
        {
            var factor = 256 / (maxVal + 1);
            dt1 = Clamp(Math.Max(2, (3 / factor) + (3 * near)), near + 1, maxVal);
            dt2 = Clamp(Math.Max(3, (7 / factor) + (5 * near)), dt1, maxVal);
            dt3 = Clamp(Math.Max(4, (21 / factor) + (7 * near)), dt2, maxVal);
        }

        var p = new JpegLsParameters(
            maxVal, t1 == 0 ? dt1 : t1, t2 == 0 ? dt2 : t2, t3 == 0 ? dt3 : t3, reset == 0 ? 64 : reset, near);
        if (p.MaxVal < 1 || p.MaxVal >= 1 << 16 || p.Near < 0 || p.Near > Math.Min(255, p.MaxVal / 2)
            || p.T1 < p.Near + 1 || p.T2 < p.T1 || p.T3 < p.T2 || p.T3 > p.MaxVal || p.Reset < 3)
        {
            throw new CodecStreamException($"invalid JPEG-LS parameters MAXVAL {p.MaxVal}, T1–T3 {p.T1}/{p.T2}/{p.T3}, RESET {p.Reset}, NEAR {p.Near}");
        }

        return p;
    }

    private static int Clamp(int i, int j, int maxVal) => i > maxVal || i < j ? j : i;

    private static int CeilLog2(int x)
    {
        var n = 0;
        while ((1 << n) < x)
        {
            n++;
        }

        return n;
    }
}
