namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// Decodes one JPEG-LS scan (ITU-T T.87 annex A): context modelling on the quantised local gradients, median edge
/// detection prediction with bias correction, limited-length Golomb codes, and run mode with run interruption samples.
/// Lossless (NEAR 0) and near-lossless; components non-interleaved (ILV 0) or line-interleaved (ILV 1).
/// </summary>
internal sealed class JpegLsScan
{
    private static readonly int[] J =
        [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    private readonly JpegLsParameters p;
    private readonly int[] a = new int[367];
    private readonly int[] b = new int[367];
    private readonly int[] c = new int[367];
    private readonly int[] n = new int[367];
    private readonly int[] nn = new int[367];
    private readonly int range;
    private readonly int qbpp;
    private readonly int limit;
    private readonly int step;
    private readonly sbyte[] quantised;
    private int runIndex;

    private JpegLsScan(JpegLsParameters parameters)
    {
        p = parameters;
        range = p.Range;
        qbpp = p.Qbpp;
        limit = p.Limit;
        step = (2 * p.Near) + 1;
        var initialA = Math.Max(2, (range + 32) / 64);
        Array.Fill(a, initialA);
        Array.Fill(n, 1);
        quantised = new sbyte[(2 * p.MaxVal) + 1];
        for (var d = -p.MaxVal; d <= p.MaxVal; d++)
        {
            quantised[d + p.MaxVal] = (sbyte)Quantise(d);
        }
    }

    /// <summary>
    /// Decodes a scan of the component planes <paramref name="planes"/> (each (height+1)×(width+2), row −1 zero) into
    /// their rows 0…height−1; returns the position of the marker after the scan.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> data, int position, JpegLsParameters parameters, int[][] planes, int width, int height)
    {
        var scan = new JpegLsScan(parameters);
        var reader = new JpegLsBitReader(data, position);
        var stride = width + 2;
        var runIndices = new int[planes.Length];
        for (var y = 0; y < height; y++)
        {
            for (var i = 0; i < planes.Length; i++)
            {
                var plane = planes[i];
                var prev = y * stride;
                var cur = (y + 1) * stride;
                plane[cur] = plane[prev + 1];
                plane[prev + width + 1] = plane[prev + width];
                scan.runIndex = runIndices[i];
                scan.DecodeLine(ref reader, plane.AsSpan(prev, stride), plane.AsSpan(cur, stride), width);
                runIndices[i] = scan.runIndex;
            }

            if (reader.Overrun)
            {
                throw new CodecStreamException($"the JPEG-LS scan data ends at row {y + 1} of {height}");
            }
        }

        return reader.EndOfScan();
    }

    /// <summary>Decodes one line; index 0 of each span is the sample left of column 0.</summary>
    private void DecodeLine(ref JpegLsBitReader reader, Span<int> prev, Span<int> cur, int width)
    {
        var x = 1;
        while (x <= width)
        {
            var ra = cur[x - 1];
            var rb = prev[x];
            var rc = prev[x - 1];
            var rd = prev[x + 1];
            int d1 = rd - rb, d2 = rb - rc, d3 = rc - ra;
            if (Math.Abs(d1) <= p.Near && Math.Abs(d2) <= p.Near && Math.Abs(d3) <= p.Near)
            {
                x += RunMode(ref reader, prev, cur, x, width);
                continue;
            }

            var q = quantised.AsSpan();
            var qs = (((q[d1 + p.MaxVal] * 9) + q[d2 + p.MaxVal]) * 9) + q[d3 + p.MaxVal];
            cur[x] = Regular(ref reader, qs, Predict(ra, rb, rc));
            x++;
        }
    }

    private int Quantise(int d)
    {
        if (d <= -p.T3)
        {
            return -4;
        }

        if (d <= -p.T2)
        {
            return -3;
        }

        if (d <= -p.T1)
        {
            return -2;
        }

        if (d < -p.Near)
        {
            return -1;
        }

        if (d <= p.Near)
        {
            return 0;
        }

        if (d < p.T1)
        {
            return 1;
        }

        if (d < p.T2)
        {
            return 2;
        }

        return d < p.T3 ? 3 : 4;
    }

    private static int Predict(int ra, int rb, int rc)
    {
        if (rc >= Math.Max(ra, rb))
        {
            return Math.Min(ra, rb);
        }

        return rc <= Math.Min(ra, rb) ? Math.Max(ra, rb) : ra + rb - rc;
    }

    private int Regular(ref JpegLsBitReader reader, int qs, int prediction)
    {
        var sign = qs < 0 ? -1 : 1;
        var q = qs * sign;
        var px = Math.Clamp(prediction + (sign * c[q]), 0, p.MaxVal);
        var k = GolombParameter(n[q], a[q]);
        var m = DecodeValue(ref reader, k, limit);
        var error = (m >> 1) ^ -(m & 1);
        if (k == 0 && p.Near == 0 && (2 * b[q]) + n[q] - 1 < 0)
        {
            error = ~error;
        }

        // Context update (T.87 A.6).
        b[q] += error * step;
        a[q] += Math.Abs(error);
        if (n[q] == p.Reset)
        {
            a[q] >>= 1;
            b[q] >>= 1;
            n[q] >>= 1;
        }

        n[q]++;
        if (b[q] + n[q] <= 0)
        {
            b[q] += n[q];
            if (b[q] <= -n[q])
            {
                b[q] = -n[q] + 1;
            }

            if (c[q] > -128)
            {
                c[q]--;
            }
        }
        else if (b[q] > 0)
        {
            b[q] -= n[q];
            if (b[q] > 0)
            {
                b[q] = 0;
            }

            if (c[q] < 127)
            {
                c[q]++;
            }
        }

        return Reconstruct(px, error * sign);
    }

    /// <summary>The Golomb parameter k: the least k with N·2^k ≥ A; beyond the sample precision the stream is corrupt.</summary>
    private int GolombParameter(int count, int accumulated)
    {
        var k = 0;
        while ((long)count << k < accumulated)
        {
            if (++k > qbpp + 1)
            {
                throw new CodecStreamException("a JPEG-LS context's statistics grow beyond the sample range");
            }
        }

        return k;
    }

    private int Reconstruct(int prediction, int error)
    {
        var v = prediction + (error * step);
        if (v < -p.Near)
        {
            v += range * step;
        }
        else if (v > p.MaxVal + p.Near)
        {
            v -= range * step;
        }

        return Math.Clamp(v, 0, p.MaxVal);
    }

    private int DecodeValue(ref JpegLsBitReader reader, int k, int codeLimit)
    {
        var high = reader.ReadUnary(codeLimit);
        if (high >= codeLimit - (qbpp + 1))
        {
            return reader.ReadBits(qbpp) + 1;
        }

        return k == 0 ? high : (high << k) + reader.ReadBits(k);
    }

    /// <summary>Run mode at column <paramref name="x"/> (T.87 A.7); returns the samples decoded.</summary>
    private int RunMode(ref JpegLsBitReader reader, Span<int> prev, Span<int> cur, int x, int width)
    {
        var ra = cur[x - 1];
        var remaining = width - x + 1;
        var count = 0;
        while (reader.ReadBit())
        {
            var run = Math.Min(1 << J[runIndex], remaining - count);
            count += run;
            if (run == 1 << J[runIndex] && runIndex < 31)
            {
                runIndex++;
            }

            if (count == remaining)
            {
                break;
            }
        }

        if (count != remaining)
        {
            count += reader.ReadBits(J[runIndex]);
        }

        if (count > remaining)
        {
            throw new CodecStreamException("a JPEG-LS run passes the end of its line");
        }

        cur.Slice(x, count).Fill(ra);
        if (count == remaining)
        {
            return count;
        }

        var end = x + count;
        var rb = prev[end];
        cur[end] = Interruption(ref reader, ra, rb);
        if (runIndex > 0)
        {
            runIndex--;
        }

        return count + 1;
    }

    private int Interruption(ref JpegLsBitReader reader, int ra, int rb)
    {
        var type = Math.Abs(ra - rb) <= p.Near ? 1 : 0;
        var q = 365 + type;
        var temp = type == 1 ? a[q] + (n[q] >> 1) : a[q];
        var k = GolombParameter(n[q], temp);

        var em = DecodeValue(ref reader, k, limit - J[runIndex] - 1);
        var t = em + type;
        var map = t & 1;
        var magnitude = (t + map) / 2;
        var error = (k != 0 || (2 * nn[q]) >= n[q]) == (map != 0) ? -magnitude : magnitude;

        if (error < 0)
        {
            nn[q]++;
        }

        a[q] += (em + 1 - type) >> 1;
        if (n[q] == p.Reset)
        {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }

        n[q]++;
        return type == 1 ? Reconstruct(ra, error) : Reconstruct(rb, error * (rb > ra ? 1 : -1));
    }
}
