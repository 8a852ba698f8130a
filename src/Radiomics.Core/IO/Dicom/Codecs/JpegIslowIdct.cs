namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// The accurate integer inverse DCT of the Independent JPEG Group's libjpeg (jidctint.c, "islow", Loeffler–Ligtenberg–
/// Moschytz with 13-bit constants), which dcmtk's dcmdjpeg uses by default; following it step by step, with its
/// range-limiting table, gives the same samples bit for bit. Precision 8 uses PASS1_BITS 2, precision 12 uses 1.
/// </summary>
internal static class JpegIslowIdct
{
    private const int ConstBits = 13;
    private const int Fix0298631336 = 2446;
    private const int Fix0390180644 = 3196;
    private const int Fix0541196100 = 4433;
    private const int Fix0765366865 = 6270;
    private const int Fix0899976223 = 7373;
    private const int Fix1175875602 = 9633;
    private const int Fix1501321110 = 12299;
    private const int Fix1847759065 = 15137;
    private const int Fix1961570560 = 16069;
    private const int Fix2053119869 = 16819;
    private const int Fix2562915447 = 20995;
    private const int Fix3072711026 = 25172;

    /// <summary>
    /// Transforms one block of quantised coefficients (natural order) with its quantisation table (natural order) into
    /// 8×8 samples written to <paramref name="output"/> at <paramref name="offset"/> with row <paramref name="stride"/>.
    /// </summary>
    public static void Transform(ReadOnlySpan<int> coefficients, ReadOnlySpan<int> quant, int precision, Span<int> output, int offset, int stride)
    {
        var pass1 = precision == 8 ? 2 : 1;
        var maxSample = (1 << precision) - 1;
        var centre = 1 << (precision - 1);
        var rangeMask = (4 * (maxSample + 1)) - 1;
        Span<int> ws = stackalloc int[64];

        for (var c = 0; c < 8; c++)
        {
            if (coefficients[8 + c] == 0 && coefficients[16 + c] == 0 && coefficients[24 + c] == 0 && coefficients[32 + c] == 0
                && coefficients[40 + c] == 0 && coefficients[48 + c] == 0 && coefficients[56 + c] == 0)
            {
                var dc = (coefficients[c] * quant[c]) << pass1;
                for (var r = 0; r < 8; r++)
                {
                    ws[(8 * r) + c] = dc;
                }

                continue;
            }

            var z2 = coefficients[16 + c] * quant[16 + c];
            var z3 = coefficients[48 + c] * quant[48 + c];
            var z1 = (z2 + z3) * Fix0541196100;
            var tmp2 = z1 + (z3 * -Fix1847759065);
            var tmp3 = z1 + (z2 * Fix0765366865);
            z2 = coefficients[c] * quant[c];
            z3 = coefficients[32 + c] * quant[32 + c];
            var tmp0 = (z2 + z3) << ConstBits;
            var tmp1 = (z2 - z3) << ConstBits;
            var tmp10 = tmp0 + tmp3;
            var tmp13 = tmp0 - tmp3;
            var tmp11 = tmp1 + tmp2;
            var tmp12 = tmp1 - tmp2;

            tmp0 = coefficients[56 + c] * quant[56 + c];
            tmp1 = coefficients[40 + c] * quant[40 + c];
            tmp2 = coefficients[24 + c] * quant[24 + c];
            tmp3 = coefficients[8 + c] * quant[8 + c];
            Odd(ref tmp0, ref tmp1, ref tmp2, ref tmp3);

            var shift = ConstBits - pass1;
            ws[c] = Descale(tmp10 + tmp3, shift);
            ws[56 + c] = Descale(tmp10 - tmp3, shift);
            ws[8 + c] = Descale(tmp11 + tmp2, shift);
            ws[48 + c] = Descale(tmp11 - tmp2, shift);
            ws[16 + c] = Descale(tmp12 + tmp1, shift);
            ws[40 + c] = Descale(tmp12 - tmp1, shift);
            ws[24 + c] = Descale(tmp13 + tmp0, shift);
            ws[32 + c] = Descale(tmp13 - tmp0, shift);
        }

        for (var r = 0; r < 8; r++)
        {
            var w = ws.Slice(8 * r, 8);
            var o = output.Slice(offset + (r * stride), 8);
            if (w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0 && w[6] == 0 && w[7] == 0)
            {
                o.Fill(Limit(Descale(w[0], pass1 + 3), rangeMask, centre, maxSample));
                continue;
            }

            var z2 = w[2];
            var z3 = w[6];
            var z1 = (z2 + z3) * Fix0541196100;
            var tmp2 = z1 + (z3 * -Fix1847759065);
            var tmp3 = z1 + (z2 * Fix0765366865);
            var tmp0 = (w[0] + w[4]) << ConstBits;
            var tmp1 = (w[0] - w[4]) << ConstBits;
            var tmp10 = tmp0 + tmp3;
            var tmp13 = tmp0 - tmp3;
            var tmp11 = tmp1 + tmp2;
            var tmp12 = tmp1 - tmp2;

            tmp0 = w[7];
            tmp1 = w[5];
            tmp2 = w[3];
            tmp3 = w[1];
            Odd(ref tmp0, ref tmp1, ref tmp2, ref tmp3);

            var shift = ConstBits + pass1 + 3;
            o[0] = Limit(Descale(tmp10 + tmp3, shift), rangeMask, centre, maxSample);
            o[7] = Limit(Descale(tmp10 - tmp3, shift), rangeMask, centre, maxSample);
            o[1] = Limit(Descale(tmp11 + tmp2, shift), rangeMask, centre, maxSample);
            o[6] = Limit(Descale(tmp11 - tmp2, shift), rangeMask, centre, maxSample);
            o[2] = Limit(Descale(tmp12 + tmp1, shift), rangeMask, centre, maxSample);
            o[5] = Limit(Descale(tmp12 - tmp1, shift), rangeMask, centre, maxSample);
            o[3] = Limit(Descale(tmp13 + tmp0, shift), rangeMask, centre, maxSample);
            o[4] = Limit(Descale(tmp13 - tmp0, shift), rangeMask, centre, maxSample);
        }
    }

    /// <summary>The odd part of jidctint.c: in tmp0..tmp3 (inputs 7, 5, 3, 1), out the four odd terms.</summary>
    private static void Odd(ref int tmp0, ref int tmp1, ref int tmp2, ref int tmp3)
    {
        var z1 = tmp0 + tmp3;
        var z2 = tmp1 + tmp2;
        var z3 = tmp0 + tmp2;
        var z4 = tmp1 + tmp3;
        var z5 = (z3 + z4) * Fix1175875602;
        tmp0 *= Fix0298631336;
        tmp1 *= Fix2053119869;
        tmp2 *= Fix3072711026;
        tmp3 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 *= -Fix1961570560;
        z4 *= -Fix0390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;
    }

    private static int Descale(int x, int n) => (x + (1 << (n - 1))) >> n;

    /// <summary>libjpeg's post-IDCT range limit: the value wraps at 4·(MAXJSAMPLE+1), then centres and clamps.</summary>
    private static int Limit(int x, int rangeMask, int centre, int maxSample)
    {
        var m = x & rangeMask;
        var s = m < (rangeMask + 1) / 2 ? m : m - (rangeMask + 1);
        return Math.Clamp(s + centre, 0, maxSample);
    }
}
