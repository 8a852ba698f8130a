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
        for (var y = 0; y < height; y++)
        {
            if (restartInterval > 0 && y > 0 && y % rowsPerInterval == 0)
            {
                reader.Restart(nextRestart);
                nextRestart = (nextRestart + 1) & 7;
                intervalRow = y;
            }

            var firstLine = y == intervalRow;
            for (var c = 0; c < scan.Length; c++)
            {
                var component = scan[c];
                if (component.Samples.Length == 0)
                {
                    component.Samples = new int[width * height];
                    component.Stride = width;
                }
            }

            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < scan.Length; c++)
                {
                    var component = scan[c];
                    var table = tables[component.DcTable];
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
                            int ra = row[x - 1], rb = above[x], rc = above[x - 1];
                            prediction = predictor switch
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
                    }

                    var ssss = reader.Decode(table);
                    int difference;
                    if (ssss == 0)
                    {
                        difference = 0;
                    }
                    else if (ssss == 16)
                    {
                        difference = 32768;
                    }
                    else if (ssss < 16)
                    {
                        var v = reader.ReadBits(ssss);
                        difference = v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v;
                    }
                    else
                    {
                        throw new CodecStreamException($"a lossless difference category of {ssss} bits (at most 16)");
                    }

                    row[x] = (prediction + difference) & 0xFFFF;
                }
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
}
