using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class FftTests
{
    private static Complex[] NaiveDft(Complex[] x)
    {
        int n = x.Length;
        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < n; j++)
            {
                result[k] += x[j] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)j * k % n) / n);
            }
        }

        return result;
    }

    [Fact]
    public void Matches_the_naive_DFT_for_every_good_length()
    {
        var lengths = Gen.Choose(1, 200).Select(Fft.GoodLength);
        Prop.ForAll(lengths.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (n, seed) =>
        {
            var random = new Random(seed);
            var x = new Complex[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            }

            var expected = NaiveDft(x);
            var actual = (Complex[])x.Clone();
            new Fft(n).Forward(actual, new Complex[n]);
            return expected.Zip(actual).All(p => (p.First - p.Second).Magnitude < 1e-10 * Math.Max(1, n));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Batch_transform_equals_one_transform_per_sequence()
    {
        int n = 60, count = 7;
        var random = new Random(5);
        var batch = new Complex[n * count];
        for (int i = 0; i < batch.Length; i++)
        {
            batch[i] = new Complex(random.NextDouble(), random.NextDouble());
        }

        var single = new Complex[count][];
        for (int b = 0; b < count; b++)
        {
            single[b] = new Complex[n];
            for (int j = 0; j < n; j++)
            {
                single[b][j] = batch[(j * count) + b];
            }

            new Fft(n).Forward(single[b], new Complex[n]);
        }

        new Fft(n).ForwardBatch(batch, new Complex[n * count], count);
        for (int b = 0; b < count; b++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.True((batch[(j * count) + b] - single[b][j]).Magnitude < 1e-12);
            }
        }
    }

    [Fact]
    public void Three_dimensional_transform_is_separable_and_respects_the_support()
    {
        var grid = new Size3(6, 5, 4);
        var support = new Size3(3, 2, 2);
        var random = new Random(9);
        var data = new Complex[grid.Count];
        for (int z = 0; z < support.Z; z++)
        {
            for (int y = 0; y < support.Y; y++)
            {
                for (int x = 0; x < support.X; x++)
                {
                    data[x + (grid.X * (y + (grid.Y * z)))] = new Complex(random.NextDouble(), random.NextDouble());
                }
            }
        }

        var expected = new Complex[grid.Count];
        for (int kz = 0; kz < grid.Z; kz++)
        {
            for (int ky = 0; ky < grid.Y; ky++)
            {
                for (int kx = 0; kx < grid.X; kx++)
                {
                    Complex sum = 0;
                    for (int i = 0; i < data.Length; i++)
                    {
                        int x = i % grid.X, y = i / grid.X % grid.Y, z = i / (grid.X * grid.Y);
                        double phase = -2 * Math.PI * ((double)kx * x / grid.X + (double)ky * y / grid.Y + (double)kz * z / grid.Z);
                        sum += data[i] * Complex.FromPolarCoordinates(1, phase);
                    }

                    expected[kx + (grid.X * (ky + (grid.Y * kz)))] = sum;
                }
            }
        }

        Fft3D.Forward(data, grid, support);
        Assert.All(expected.Zip(data), p => Assert.True((p.First - p.Second).Magnitude < 1e-10));
    }
}
