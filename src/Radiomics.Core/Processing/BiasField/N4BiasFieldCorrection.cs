using Radiomics.Imaging;

namespace Radiomics.Processing.BiasField;

/// <summary>
/// N4 bias-field correction (Tustison, Avants, Cook et al., "N4ITK: improved N3 bias correction", IEEE TMI 29:1310,
/// 2010). In the log domain the image is the true intensity plus a smooth field; N4 alternates sharpening the
/// log-intensity histogram (<see cref="HistogramSharpening"/>) with fitting a cubic B-spline to the residual between
/// the image and its sharpened version, adding each fit to the field, over several levels whose control-point spacing
/// halves. The field is estimated on a shrunk image and evaluated at full resolution.
/// </summary>
public static class N4BiasFieldCorrection
{
    /// <summary>Corrects an MR image for a smooth multiplicative intensity non-uniformity.</summary>
    /// <param name="image">The scan (scalar; only positive intensities inside the mask are used).</param>
    /// <param name="mask">Voxels that estimate the field (e.g. the head or body); null: every voxel with a positive intensity.</param>
    /// <param name="settings">Levels, iterations, shrink factor and histogram parameters (ITK's defaults).</param>
    /// <param name="scan">How errors name the scan.</param>
    /// <exception cref="InvalidInputException">No positive intensity inside the mask, or the mask is off the image's grid.</exception>
    public static N4Result Apply(Image image, LabelMap? mask = null, N4Settings? settings = null, string scan = "the image")
    {
        ArgumentNullException.ThrowIfNull(image);
        settings ??= new N4Settings();
        settings.Validate();
        if (image.Components != 1)
        {
            throw new InvalidInputException($"{scan}: N4 needs a scalar image; this one has {image.Components} components.");
        }

        if (mask is not null && !mask.Geometry.Matches(image.Geometry))
        {
            throw new InvalidInputException($"{scan}: the N4 mask is not on the image's grid.");
        }

        var input = image as Image<float> ?? image.ConvertTo<float>();
        var size = input.Geometry.Size;
        var voxels = input.Voxels;
        var labels = mask is null ? default : mask.Voxels;

        // Shrunk grid: the voxel at the centre of each block (ITK's ShrinkImageFilter), so tissues are not mixed.
        int f = settings.ShrinkFactor;
        var small = new Size3(Blocks(size.X, f), Blocks(size.Y, f), Blocks(size.Z, f));
        int n = small.X * small.Y * small.Z;
        var logImage = new double[n];
        var used = new bool[n];
        var positions = new (double X, double Y, double Z)[n];
        for (int bz = 0; bz < small.Z; bz++)
        {
            for (int by = 0; by < small.Y; by++)
            {
                for (int bx = 0; bx < small.X; bx++)
                {
                    int x = Centre(bx, f, size.X), y = Centre(by, f, size.Y), z = Centre(bz, f, size.Z);
                    int i = x + (size.X * (y + (size.Y * z)));
                    int s = bx + (small.X * (by + (small.Y * bz)));
                    positions[s] = (x, y, z);
                    float v = voxels[i];
                    if (v > 0 && float.IsFinite(v) && (mask is null || labels[i] != 0))
                    {
                        used[s] = true;
                        logImage[s] = Math.Log(v);
                    }
                }
            }
        }

        if (Array.IndexOf(used, true) < 0)
        {
            throw new InvalidInputException($"{scan}: N4 found no positive intensity inside its mask.");
        }

        double[] extent = [size.X - 1, size.Y - 1, size.Z - 1];
        var lattices = new List<BSplineLattice>();
        var logField = new double[n];
        var corrected = (double[])logImage.Clone();
        var iterations = new List<int>();
        double convergence = double.NaN;
        for (int level = 0; level < settings.MaximumIterations.Length; level++)
        {
            int spans = (settings.InitialControlPoints - 3) << level;
            int[] spansPerAxis = [size.X > 1 ? spans : 1, size.Y > 1 ? spans : 1, size.Z > 1 ? spans : 1];
            var accumulated = new BSplineLattice(spansPerAxis, extent);
            lattices.Add(accumulated);
            int iteration = 0;
            for (; iteration < settings.MaximumIterations[level]; iteration++)
            {
                var sharpened = HistogramSharpening.Sharpen(corrected, used, settings);
                var residual = new double[n];
                for (int i = 0; i < n; i++)
                {
                    residual[i] = used[i] ? corrected[i] - sharpened[i] : 0;
                }

                var step = new BSplineLattice(spansPerAxis, extent);
                step.Fit(residual, used, i => positions[i]);
                accumulated.Add(step);

                // Convergence (ITK): coefficient of variation of exp(new field − old field) over the mask.
                double sum = 0, squares = 0;
                int count = 0;
                for (int i = 0; i < n; i++)
                {
                    if (!used[i])
                    {
                        continue;
                    }

                    double increment = step.Evaluate(positions[i].X, positions[i].Y, positions[i].Z);
                    logField[i] += increment;
                    corrected[i] = logImage[i] - logField[i];
                    double ratio = Math.Exp(increment);
                    sum += ratio;
                    squares += ratio * ratio;
                    count++;
                }

                double mean = sum / count;
                convergence = Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean))) / mean;
                if (convergence < settings.ConvergenceThreshold)
                {
                    iteration++;
                    break;
                }
            }

            iterations.Add(iteration);
        }

        // The field at full resolution: the sum of every level's lattice.
        var fieldVoxels = new float[input.Geometry.VoxelCount];
        var output = new float[input.Geometry.VoxelCount];
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    double log = 0;
                    foreach (var lattice in lattices)
                    {
                        log += lattice.Evaluate(x, y, z);
                    }

                    int i = x + (size.X * (y + (size.Y * z)));
                    double b = Math.Exp(log);
                    fieldVoxels[i] = (float)b;
                    output[i] = (float)(voxels[i] / b);
                }
            }
        }

        return new N4Result(new Image<float>(input.Geometry, output), new Image<float>(input.Geometry, fieldVoxels), iterations, convergence);
    }

    private static int Blocks(int length, int factor) => (length + factor - 1) / factor;

    private static int Centre(int block, int factor, int length) => Math.Min((block * factor) + (factor / 2), length - 1);
}
