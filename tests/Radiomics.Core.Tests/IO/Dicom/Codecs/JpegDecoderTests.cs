using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.Core.Tests.IO.Dicom.Codecs;

public class JpegDecoderTests
{
    [Fact]
    public void Lossless_round_trip_is_exact_for_every_predictor_precision_and_restart_interval()
    {
        var gen =
            from rows in Gen.Choose(1, 16)
            from columns in Gen.Choose(1, 24)
            from precision in Gen.Choose(2, 16)
            from predictor in Gen.Choose(1, 7)
            from restartRows in Gen.Choose(0, 3)
            from seed in Gen.Choose(0, int.MaxValue)
            select (rows, columns, precision, predictor, restartRows, seed);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var samples = new int[c.rows * c.columns];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = random.Next(1 << c.precision);
            }

            var bits = c.precision <= 8 ? 8 : 16;
            var format = new FrameFormat(c.rows, c.columns, 1, bits, c.precision, false);
            var encoded = EncodeLossless(samples, c.rows, c.columns, c.precision, c.predictor, c.restartRows);
            var output = new byte[format.DecodedLength];
            new JpegDecoder().Decode(encoded, format, output, "frame.dcm");
            for (var i = 0; i < samples.Length; i++)
            {
                var v = bits == 8 ? output[i] : BinaryPrimitives.ReadUInt16LittleEndian(output.AsSpan(2 * i));
                Assert.Equal(samples[i], v);
            }
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>
    /// A process-14 encoder (T.81 annex H) for the round trip: one component, a Huffman table giving every difference
    /// category a 5-bit code, restart markers every <paramref name="restartRows"/> rows when positive.
    /// </summary>
    internal static byte[] EncodeLossless(int[] samples, int rows, int columns, int precision, int predictor, int restartRows)
    {
        var o = new List<byte> { 0xFF, 0xD8 };
        void Segment(byte marker, params byte[] body)
        {
            o.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
            o.AddRange(body);
        }

        Segment(0xC3, (byte)precision, (byte)(rows >> 8), (byte)rows, (byte)(columns >> 8), (byte)columns, 1, 1, 0x11, 0);
        var dht = new byte[1 + 16 + 17];
        dht[5] = 17; // seventeen codes of length 5: category c has code c
        for (var i = 0; i < 17; i++)
        {
            dht[17 + i] = (byte)i;
        }

        Segment(0xC4, dht);
        if (restartRows > 0)
        {
            var interval = restartRows * columns;
            Segment(0xDD, (byte)(interval >> 8), (byte)interval);
        }

        Segment(0xDA, 1, 1, 0x00, (byte)predictor, 0, 0);
        ulong buffer = 0;
        var count = 0;
        void Put(int value, int length)
        {
            for (var b = length - 1; b >= 0; b--)
            {
                buffer = (buffer << 1) | (uint)((value >> b) & 1);
                if (++count == 8)
                {
                    o.Add((byte)buffer);
                    if ((byte)buffer == 0xFF)
                    {
                        o.Add(0);
                    }

                    buffer = 0;
                    count = 0;
                }
            }
        }

        void Flush()
        {
            while (count != 0)
            {
                Put(1, 1);
            }
        }

        var intervalRow = 0;
        var restart = 0;
        for (var y = 0; y < rows; y++)
        {
            if (restartRows > 0 && y > 0 && y % restartRows == 0)
            {
                Flush();
                o.AddRange([0xFF, (byte)(0xD0 + restart)]);
                restart = (restart + 1) & 7;
                intervalRow = y;
            }

            for (var x = 0; x < columns; x++)
            {
                int prediction;
                if (y == intervalRow)
                {
                    prediction = x == 0 ? 1 << (precision - 1) : samples[(y * columns) + x - 1];
                }
                else if (x == 0)
                {
                    prediction = samples[((y - 1) * columns) + x];
                }
                else
                {
                    int ra = samples[(y * columns) + x - 1], rb = samples[((y - 1) * columns) + x], rc = samples[((y - 1) * columns) + x - 1];
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

                var d = (samples[(y * columns) + x] - prediction) & 0xFFFF;
                if (d == 0x8000)
                {
                    Put(16, 5);
                    continue;
                }

                if (d > 0x8000)
                {
                    d -= 0x10000;
                }

                var magnitude = Math.Abs(d);
                var category = magnitude == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)magnitude);
                Put(category, 5);
                if (category > 0)
                {
                    Put((d > 0 ? d : d - 1) & ((1 << category) - 1), category);
                }
            }
        }

        Flush();
        o.AddRange([0xFF, 0xD9]);
        return [.. o];
    }
}
