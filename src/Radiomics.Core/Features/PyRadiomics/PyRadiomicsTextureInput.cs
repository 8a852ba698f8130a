namespace Radiomics.Features.PyRadiomics;

/// <summary>A cropped volume with its discretisation: what every PyRadiomics feature class starts from.</summary>
internal sealed class PyRadiomicsTextureInput
{
    public PyRadiomicsTextureInput(PyRadiomicsVolume volume, PyRadiomicsSettings settings)
    {
        Volume = volume;
        Settings = settings;
        Bins = PyRadiomicsBinning.Discretise(volume, settings.BinWidth, settings.BinCount);
        var present = new SortedSet<int>();
        for (int i = 0; i < Bins.Length; i++)
        {
            if (volume.Mask[i])
            {
                present.Add(Bins[i]);
            }
        }

        GrayLevels = [.. present];
        Ng = GrayLevels[^1];
    }

    /// <summary>
    /// A kernel of voxel-based extraction: its bins come from the discretisation of the whole ROI and Ng is the ROI's
    /// highest level (PyRadiomics keeps a matrix row for every level of the ROI; <paramref name="grayLevels"/> may
    /// leave out the levels absent from the kernel, whose rows hold only zeros).
    /// </summary>
    public PyRadiomicsTextureInput(PyRadiomicsVolume volume, PyRadiomicsSettings settings, int[] bins, int[] grayLevels, int ng)
    {
        Volume = volume;
        Settings = settings;
        Bins = bins;
        GrayLevels = grayLevels;
        Ng = ng;
    }

    public PyRadiomicsVolume Volume { get; }

    /// <summary>Leave GLCM's MCC (an eigen-decomposition per direction) as NaN: voxel-based maps that do not ask for it.</summary>
    public bool WithoutMcc { get; init; }

    public PyRadiomicsSettings Settings { get; }

    /// <summary>Bin numbers (1-based) in the ROI, 0 outside.</summary>
    public int[] Bins { get; }

    /// <summary>The bin numbers present in the ROI, ascending.</summary>
    public int[] GrayLevels { get; }

    /// <summary>The highest bin number present.</summary>
    public int Ng { get; }

    /// <summary>The out-of-plane dimension under force2D, else −1.</summary>
    public int Force2DDimension => Settings.Force2D ? Settings.Force2DDimension : -1;

    /// <summary>numpy's <c>spacing(1)</c>, the ε PyRadiomics adds inside logarithms.</summary>
    public const double Eps = 2.220446049250313e-16;

    /// <summary>The mean over the finite values (numpy.nanmean); NaN when none.</summary>
    public static double NanMean(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
