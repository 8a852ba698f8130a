using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// A tumour's volume ratio (follow-up / baseline) from a registration's Jacobian, measured on the map that expands the
/// tumour. A regularised field is biased towards no change, and far more where it has to compress tissue than where it
/// stretches it (docs/volume-change.md). The study registers each follow-up (fixed) with its baseline (moving): that map
/// expands a shrinking tumour, so its ratio |Ω| / ∫_Ω det J is kept. When it says the tumour grew, the baseline is
/// registered with the follow-up as well, and the ratio is ∫_Ω₀ det J dx / |Ω₀| over the baseline tumour Ω₀ instead.
/// </summary>
public static class JacobianVolumeChange
{
    /// <summary>
    /// The volume ratio on the map that expands the tumour: <see cref="FromFollowUp"/> when it says the tumour shrank
    /// (or <paramref name="onExpandingMap"/> is false), else <see cref="FromBaseline"/> (one more registration).
    /// </summary>
    /// <param name="registration">The registration that gave <paramref name="forwardJacobian"/> (follow-up fixed, baseline moving).</param>
    /// <param name="forwardJacobian">det J of the follow-up-to-baseline map on the follow-up grid.</param>
    /// <param name="followUpMask">The follow-up tumour (given or propagated), on the follow-up grid.</param>
    /// <param name="baseline">The baseline image.</param>
    /// <param name="followUp">The follow-up image.</param>
    /// <param name="baselineMask">The baseline tumour, on the baseline grid.</param>
    /// <param name="onExpandingMap">False: always the forward ratio.</param>
    /// <param name="parallelism">Threads for the Jacobian.</param>
    /// <param name="cancellation">Stops the second registration.</param>
    public static (double Ratio, JacobianMap Map) Measure(
        IImageRegistration registration, ReadOnlySpan<float> forwardJacobian, LabelMap followUpMask, Image baseline, Image followUp, LabelMap baselineMask,
        bool onExpandingMap, Parallelism parallelism, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(followUpMask);
        double ratio = FromFollowUp(forwardJacobian, followUpMask.Voxels);
        return ratio > 1 && onExpandingMap
            ? (FromBaseline(registration, baseline, followUp, baselineMask, parallelism, cancellation), JacobianMap.BaselineToFollowUp)
            : (ratio, JacobianMap.FollowUpToBaseline);
    }

    /// <summary>|Ω| / ∫_Ω det J over the follow-up mask, with <paramref name="jacobian"/> the det J of the follow-up-to-baseline map.</summary>
    public static double FromFollowUp(ReadOnlySpan<float> jacobian, ReadOnlySpan<byte> followUpMask)
    {
        var (sum, count) = SumInside(jacobian, followUpMask);
        return count / sum;
    }

    /// <summary>
    /// Registers <paramref name="baseline"/> (fixed) with <paramref name="followUp"/> (moving) and returns
    /// ∫_Ω₀ det J dx / |Ω₀| over <paramref name="baselineMask"/>: the follow-up volume the baseline tumour became.
    /// </summary>
    /// <exception cref="Radiomics.Features.EmptyRoiException">The baseline mask is empty.</exception>
    public static double FromBaseline(
        IImageRegistration registration, Image baseline, Image followUp, LabelMap baselineMask, Parallelism parallelism, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(baselineMask);
        baselineMask.Geometry.EnsureMatches(baseline.Geometry, "the baseline mask and its image");
        var result = registration.Execute(baseline, followUp, progress: null, cancellation);
        var jacobian = DisplacementField.JacobianDeterminant(result.Transform, baseline.Geometry, parallelism);
        var (sum, count) = SumInside(jacobian.Voxels, baselineMask.Voxels);
        return count == 0
            ? throw new Radiomics.Features.EmptyRoiException("the baseline mask is empty: no volume change can be measured.")
            : sum / count;
    }

    private static (double Sum, long Count) SumInside(ReadOnlySpan<float> values, ReadOnlySpan<byte> mask)
    {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i] != 0)
            {
                sum += values[i];
                count++;
            }
        }

        return (sum, count);
    }
}
