namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// Decodes one lossless (process 14) Huffman scan, T.81 annex H: each sample is its prediction (selection value 1–7
/// from the left, upper and upper-left neighbours; predictor 1 on the first line and after each restart, 2 in the first
/// column) plus a Huffman-coded difference, modulo 2^16, at the point-transformed precision.
/// </summary>
internal static class JpegLosslessScan
{
    /// <summary>Decodes the scan starting at <paramref name="position"/>; returns the position of the marker after it.</summary>
    public static int Decode(
        ReadOnlySpan<byte> data, int position, JpegFrame frame, JpegComponent[] scan, JpegHuffmanTable[] tables,
        int predictor, int pointTransform, int restartInterval)
    {
        if (predictor is < 1 or > 7)
        {
            throw new CodecStreamException($"lossless selection value {predictor} is outside 1–7");
        }

        if (pointTransform >= frame.Precision)
        {
            throw new CodecStreamException($"point transform {pointTransform} is not below the precision {frame.Precision}");
        }

        var width = frame.Width;
        var height = frame.Height;
        if (restartInterval > 0 && restartInterval % width != 0)
        {
            throw CodecStreamException.Unsupported($"a lossless restart interval of {restartInterval} samples that is not a whole number of rows ({width})");
        }

        var initial = 1 << (frame.Precision - pointTransform - 1);
        var reader = new JpegBitReader(data, position);
        var rowsPerInterval = restartInterval > 0 ? restartInterval / width : int.MaxValue;
        var nextRestart = 0;
        var intervalRow = 0;
        foreach (var component in scan)
        {
            if (component.Samples.Length == 0)
            {
                component.Samples = new int[width * height];
                component.Stride = width;
            }
        }

        for (var y = 0; y < height; y++)
        {
            if (restartInterval > 0 && y > 0 && y % rowsPerInterval == 0)
            {
                reader.Restart(nextRestart);
                nextRestart = (nextRestart + 1) & 7;
                intervalRow = y;
            }

            if (scan.Length == 1)
            {
                var component = scan[0];
                var row = component.Samples.AsSpan(y * width, width);
                var above = y == intervalRow ? default : component.Samples.AsSpan((y - 1) * width, width);
                DecodeRow(ref reader, tables[component.DcTable], row, above, predictor, initial);
            }
            else
            {
                DecodeInterleavedRow(ref reader, scan, tables, y, width, y == intervalRow, predictor, initial);
            }

            if (reader.Overrun)
            {
                throw new CodecStreamException($"the entropy-coded data ends at row {y + 1} of {height}");
            }
        }

        foreach (var component in scan)
        {
            component.Decoded = true;
        }

        return reader.EndOfScan();
    }

    /// <summary>One row of a single-component scan; <paramref name="above"/> is empty on the first row of an interval.</summary>
    private static void DecodeRow(
        ref JpegBitReader reader, JpegHuffmanTable table, Span<int> row, ReadOnlySpan<int> above, int predictor, int initial)
    {
        if (above.IsEmpty)
        {
            var previous = initial;
            for (var x = 0; x < row.Length; x++)
            {
                previous = (previous + reader.DecodeDifference(table)) & 0xFFFF;
                row[x] = previous;
            }

            return;
        }

        var ra = (above[0] + reader.DecodeDifference(table)) & 0xFFFF;
        row[0] = ra;
        for (var x = 1; x < row.Length; x++)
        {
            int rb = above[x], rc = above[x - 1];
            var prediction = Predict(predictor, ra, rb, rc);
            ra = (prediction + reader.DecodeDifference(table)) & 0xFFFF;
            row[x] = ra;
        }
    }

    /// <summary>One row of an interleaved scan (every component sampled 1×1): one sample of each component in turn.</summary>
    private static void DecodeInterleavedRow(
        ref JpegBitReader reader, JpegComponent[] scan, JpegHuffmanTable[] tables, int y, int width, bool firstLine, int predictor, int initial)
    {
        for (var x = 0; x < width; x++)
        {
            foreach (var component in scan)
            {
                var row = component.Samples.AsSpan(y * width, width);
                int prediction;
                if (firstLine)
                {
                    prediction = x == 0 ? initial : row[x - 1];
                }
                else
                {
                    var above = component.Samples.AsSpan((y - 1) * width, width);
                    if (x == 0)
                    {
                        prediction = above[0];
                    }
                    else
                    {
                        prediction = Predict(predictor, row[x - 1], above[x], above[x - 1]);
                    }
                }

                row[x] = (prediction + reader.DecodeDifference(tables[component.DcTable])) & 0xFFFF;
            }
        }
    }

    /// <summary>The lossless predictor (T.81 table H.1) from the left (ra), upper (rb) and upper-left (rc) samples.</summary>
    private static int Predict(int predictor, int ra, int rb, int rc) => predictor switch
    {
        1 => ra,
        2 => rb,
        3 => rc,
        4 => ra + rb - rc,
        5 => ra + ((rb - rc) >> 1),
        6 => rb + ((ra - rc) >> 1),
        _ => (ra + rb) >> 1,
    };
}
