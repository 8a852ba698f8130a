using FsCheck;
using FsCheck.Fluent;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Pipeline;

namespace Radiomics.Longitudinal.Tests.Pipeline;

public sealed class TransitionMatrixTests
{
    private static LabelMap Map(ImageGeometry geometry, int k, Random random)
    {
        var voxels = new byte[geometry.VoxelCount];
        for (int i = 0; i < voxels.Length; i++)
        {
            voxels[i] = (byte)random.Next(k + 1);
        }

        return new LabelMap(new Image<byte>(geometry, voxels));
    }

    [Fact]
    public void Rows_written_and_read_back_rebuild_the_matrix_with_its_voxel_volume() =>
        Prop.ForAll(Gen.Choose(1, 6).ToArbitrary(), Gen.Choose(1, 10_000).ToArbitrary(), (k, seed) =>
        {
            var random = new Random(seed);
            var geometry = ImageGeometry.Create(6, 5, 4, spacing: new(0.5, 0.7, 2.5));
            var before = Map(geometry, k, random);
            var after = Map(geometry, k, random);
            var transitions = HabitatTransitions.Compute(before, after, k);
            string path = Path.Combine(Path.GetTempPath(), $"transitions-{Guid.NewGuid():N}.csv");
            try
            {
                TransitionRecord.WriteCsv(path, TransitionRecord.Of("P1", "t0", "t1", transitions));
                var rebuilt = Assert.Single(TransitionMatrix.From(TransitionRecord.ReadCsv(path)));
                Assert.Equal(("P1", "t0", "t1"), (rebuilt.Subject, rebuilt.FromTimePoint, rebuilt.ToTimePoint));
                Assert.Equal(k, rebuilt.Transitions.K);
                Assert.Equal(0.5 * 0.7 * 2.5, rebuilt.Transitions.VoxelVolume, 12);
                var expected = transitions.ToMatrix();
                expected[0, 0] = 0; // outside → outside is not a transition row
                Assert.Equal(expected, rebuilt.Transitions.ToMatrix());
                Assert.Equal(transitions.Stability, rebuilt.Transitions.Stability, 12);
            }
            finally
            {
                File.Delete(path);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_count_matrix_that_is_not_square_is_refused() =>
        Assert.Throws<ArgumentException>(() => HabitatTransitions.FromCounts(new long[3, 2], 1));
}
