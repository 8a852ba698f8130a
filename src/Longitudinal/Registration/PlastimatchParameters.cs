using System.Globalization;
using System.Text;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// plastimatch command files written from code: a centre alignment, an affine stage (ITK, regular step gradient
/// descent) and a coarse-to-fine cubic B-spline stage (plastimatch's own, mean squares, L-BFGS-B, small
/// bending-energy regularisation) — the multi-stage setting of plastimatch's documentation for one patient's scans.
/// </summary>
public static class PlastimatchParameters
{
    /// <summary>The <c>[STAGE]</c> sections. Each B-spline stage is (grid spacing mm, subsampling factors x y z, iterations).</summary>
    public static string Stages(double regularisationLambda = 0.005, int affineIterations = 30,
        IReadOnlyList<(double GridSpacingMm, int[] Subsampling, int Iterations)>? bspline = null)
    {
        bspline ??= [(40, [4, 4, 2], 40), (20, [2, 2, 1], 30), (12, [2, 2, 1], 15)];
        var text = new StringBuilder();
        text.Append("[STAGE]\nxform=align_center\n\n");
        text.Append(Invariant($"[STAGE]\nxform=affine\nimpl=itk\noptim=rsg\nmetric=mse\nmax_its={affineIterations}\nres=4 4 2\n\n"));
        for (int i = 0; i < bspline.Count; i++)
        {
            var (grid, res, its) = bspline[i];
            text.Append("[STAGE]\n");
            if (i == 0)
            {
                text.Append(Invariant($"xform=bspline\nimpl=plastimatch\nthreading=openmp\nmetric=mse\noptim=lbfgsb\nregularization_lambda={regularisationLambda}\n"));
            }

            text.Append(Invariant($"max_its={its}\ngrid_spac={grid} {grid} {grid}\nres={res[0]} {res[1]} {res[2]}\n\n"));
        }

        return text.ToString();
    }

    /// <summary>The <c>[GLOBAL]</c> section naming the images and the field to write.</summary>
    public static string Global(string fixedPath, string movingPath, string fieldPath) =>
        $"[GLOBAL]\nfixed={fixedPath}\nmoving={movingPath}\nvf_out={fieldPath}\n\n";

    /// <summary>A command file's text without its <c>[GLOBAL]</c> section (which the backend writes itself).</summary>
    public static string WithoutGlobal(string commandFile)
    {
        var kept = new StringBuilder();
        bool inGlobal = false;
        foreach (var line in commandFile.Split('\n'))
        {
            string t = line.Trim();
            if (t.StartsWith('[') && t.EndsWith(']'))
            {
                inGlobal = t.Equals("[GLOBAL]", StringComparison.OrdinalIgnoreCase);
            }

            if (!inGlobal)
            {
                kept.Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        return kept.ToString().Trim('\n') + "\n";
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
