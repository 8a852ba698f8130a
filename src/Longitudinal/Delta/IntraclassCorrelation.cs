namespace Radiomics.Longitudinal.Delta;

/// <summary>The ICC forms used for feature stability (Shrout &amp; Fleiss 1979; McGraw &amp; Wong 1996).</summary>
public enum IccForm
{
    /// <summary>ICC(2,1) = ICC(A,1): two-way random effects, absolute agreement, single measure.</summary>
    AbsoluteAgreement,

    /// <summary>ICC(3,1) = ICC(C,1): two-way mixed effects, consistency, single measure.</summary>
    Consistency,
}

/// <summary>An ICC value with the two-way ANOVA it comes from.</summary>
public sealed record IccResult(IccForm Form, double Value, int Subjects, int Repeats, double MeanSquareRows, double MeanSquareColumns, double MeanSquareError);

/// <summary>
/// Intraclass correlation of repeated measurements of one feature: rows are subjects (targets), columns are the
/// repeats (test–retest scans, perturbed masks, raters). From the two-way ANOVA mean squares
/// MS_R (subjects), MS_C (repeats) and MS_E (residual), with n subjects and k repeats:
/// ICC(2,1) = (MS_R − MS_E) / (MS_R + (k−1)·MS_E + k·(MS_C − MS_E)/n) and ICC(3,1) = (MS_R − MS_E) / (MS_R + (k−1)·MS_E).
/// </summary>
public static class IntraclassCorrelation
{
    /// <param name="ratings">n × k values; every value must be finite.</param>
    /// <param name="form">Absolute agreement, ICC(2,1), or consistency, ICC(3,1).</param>
    public static IccResult Compute(double[,] ratings, IccForm form)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        int n = ratings.GetLength(0), k = ratings.GetLength(1);
        if (n < 2 || k < 2)
        {
            throw new ArgumentException($"An ICC needs at least 2 subjects and 2 repeats; got {n} × {k}.", nameof(ratings));
        }

        double grand = 0;
        var rowMeans = new double[n];
        var colMeans = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double v = ratings[i, j];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Rating [{i}, {j}] is {v}; all ratings must be finite.", nameof(ratings));
                }

                rowMeans[i] += v;
                colMeans[j] += v;
                grand += v;
            }
        }

        grand /= n * k;
        double ssRows = 0, ssCols = 0, ssTotal = 0;
        for (int i = 0; i < n; i++)
        {
            rowMeans[i] /= k;
            ssRows += k * (rowMeans[i] - grand) * (rowMeans[i] - grand);
        }

        for (int j = 0; j < k; j++)
        {
            colMeans[j] /= n;
            ssCols += n * (colMeans[j] - grand) * (colMeans[j] - grand);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < k; j++)
            {
                ssTotal += (ratings[i, j] - grand) * (ratings[i, j] - grand);
            }
        }

        double msRows = ssRows / (n - 1);
        double msCols = ssCols / (k - 1);
        double msError = (ssTotal - ssRows - ssCols) / ((n - 1) * (k - 1));
        double value = form switch
        {
            IccForm.AbsoluteAgreement => (msRows - msError) / (msRows + (k - 1) * msError + k * (msCols - msError) / n),
            IccForm.Consistency => (msRows - msError) / (msRows + (k - 1) * msError),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
        };
        return new IccResult(form, value, n, k, msRows, msCols, msError);
    }
}
