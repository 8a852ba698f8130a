using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Numerics;

namespace Radiomics.Features.PyRadiomics;

/// <summary>One feature map of voxel-based extraction, named as PyRadiomics names it (<c>original_glcm_Contrast</c>).</summary>
public sealed record PyRadiomicsFeatureMap(string Name, Image<double> Map);

/// <summary>
/// PyRadiomics' voxel-based extraction (<c>execute(…, voxelBased=True)</c> with its <c>voxelSetting</c>): for every ROI
/// voxel, the enabled first-order and texture classes of every image type computed on the voxel's kernel, giving one
/// map per feature on the ROI's bounding box padded by <c>kernelRadius</c>, <c>initValue</c> outside the ROI.
/// </summary>
/// <remarks>
/// As PyRadiomics: the kernel is the cube of half-width <c>kernelRadius</c> around the voxel (narrowed to the ROI's
/// bounding box in a thinner dimension, flat under force2D); with <c>maskedKernel</c> only its ROI voxels count,
/// otherwise all of them. The grey levels are discretised once over the whole ROI (the whole padded box when the kernel
/// is not masked), and every kernel's matrices keep the rows of all those levels, so Ng and the bin numbers are the
/// ROI's, not the kernel's. Shape classes are skipped, as PyRadiomics skips them in voxel-based mode. A kernel where a
/// class has no value (a masked kernel of one voxel has no GLCM pair) gives NaN there. <c>voxelBatch</c> only bounds
/// PyRadiomics' memory and changes no value.
/// </remarks>
public static class PyRadiomicsVoxelExtractor
{
    /// <summary>The feature maps of the ROI with label <see cref="PyRadiomicsSettings.Label"/>.</summary>
    /// <exception cref="SettingsException">The settings enable no class that can be mapped (only shape).</exception>
    public static IReadOnlyList<PyRadiomicsFeatureMap> Extract(Image image, LabelMap mask, PyRadiomicsSettings settings, string source = "settings") =>
        Extract(image, mask, settings, source, kernelLevelsOnly: true);

    /// <summary>
    /// As the public overload; <paramref name="kernelLevelsOnly"/> builds each kernel's matrices on the levels present
    /// in the kernel (far faster) instead of every level of the ROI as PyRadiomics does; the rows left out hold only
    /// zeros and change no value (the tests compare every map, MCC included).
    /// </summary>
    internal static IReadOnlyList<PyRadiomicsFeatureMap> Extract(Image image, LabelMap mask, PyRadiomicsSettings settings, string source, bool kernelLevelsOnly)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var classes = settings.FeatureClasses.Where(c => c.Name is not "shape" and not "shape2D").ToList();
        if (classes.Count == 0)
        {
            throw new SettingsException(source, null, "Voxel-based extraction maps the firstorder, glcm, glrlm, glszm, gldm and ngtdm classes; the settings enable only shape classes, which have no voxel-based maps.");
        }

        var (working, roi, resegmented, box, _) = PyRadiomicsExtractor.Prepare(image, mask, settings);
        var kernel = settings.Voxel;
        var textureMask = resegmented ?? roi;
        var grid = PyRadiomicsExtractor.Pad(box, kernel.KernelRadius, working.Geometry.Size);
        var cropMask = textureMask.Crop(grid);
        var size = grid.Size;
        var whole = new BoundingBox(new Index3(0, 0, 0), new Index3(size.X - 1, size.Y - 1, size.Z - 1));
        var roiBox = cropMask.BoundingBox()!.Value;

        // Kernel half-widths in (z, y, x): kernelRadius, at most the extent of the box the kernel lives in.
        var extent = kernel.MaskedKernel ? roiBox.Size : size;
        int[] half = [Math.Min(kernel.KernelRadius, extent.Z - 1), Math.Min(kernel.KernelRadius, extent.Y - 1), Math.Min(kernel.KernelRadius, extent.X - 1)];
        if (settings.Force2D)
        {
            half[settings.Force2DDimension] = 0;
        }

        var centres = new List<int>();
        var labels = cropMask.Voxels;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != 0)
            {
                centres.Add(i);
            }
        }

        var maps = new List<PyRadiomicsFeatureMap>();
        foreach (var type in settings.ImageTypes)
        {
            foreach (var (name, filtered, typeSettings) in PyRadiomicsImageTypes.Generate(working, textureMask, type, settings))
            {
                var volume = PyRadiomicsExtractor.Volume(filtered.Crop(grid), cropMask, whole);
                var discretised = kernel.MaskedKernel ? volume : new PyRadiomicsVolume(size.Z, size.Y, size.X, volume.Intensities, Enumerable.Repeat(true, volume.Count).ToArray(), volume.Spacing);
                var bins = PyRadiomicsBinning.Discretise(discretised, typeSettings.BinWidth, typeSettings.BinCount);
                var grayLevels = bins.Where((b, i) => discretised.Mask[i]).Distinct().Order().ToArray();
                var names = classes.SelectMany(c => Enabled(c).Select(f => (Class: c.Name, Name: f))).ToList();
                var values = names.Select(_ => Filled(volume.Count, kernel.InitValue)).ToArray();
                bool withoutMcc = !names.Any(n => n.Class == "glcm" && n.Name == "MCC");
                ParallelRows.For(0, centres.Count, Parallelism.AllCores, k =>
                {
                    var input = Kernel(discretised, bins, kernelLevelsOnly ? null : grayLevels, grayLevels[^1], typeSettings, centres[k], half, withoutMcc);
                    int column = 0;
                    foreach (var c in classes)
                    {
                        var computed = TryCompute(c, input);
                        foreach (var (_, feature) in names.Where(n => n.Class == c.Name))
                        {
                            values[column++][centres[k]] = computed.TryGetValue(feature, out var v) ? v : double.NaN;
                        }
                    }
                });
                var geometry = working.Geometry.Crop(grid);
                for (int f = 0; f < names.Count; f++)
                {
                    maps.Add(new PyRadiomicsFeatureMap($"{name}_{names[f].Class}_{names[f].Name}", new Image<double>(geometry, values[f])));
                }
            }
        }

        return maps;
    }

    /// <summary>The names of the maps <see cref="Extract(Image, LabelMap, PyRadiomicsSettings, string)"/> gives for these settings (its order may differ).</summary>
    public static IReadOnlyList<string> MapNames(PyRadiomicsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var classes = settings.FeatureClasses.Where(c => c.Name is not "shape" and not "shape2D").ToList();
        return [.. settings.ImageTypes.SelectMany(t => PyRadiomicsImageTypes.Names(t, settings))
            .SelectMany(image => classes.SelectMany(c => Enabled(c).Select(f => $"{image}_{c.Name}_{f}")))];
    }

    /// <summary>Writes each map as <c>&lt;name&gt;.&lt;extension&gt;</c> (nrrd, nii, nii.gz, mha) in <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<PyRadiomicsFeatureMap> maps, string directory, string extension = "nrrd")
    {
        ArgumentNullException.ThrowIfNull(maps);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var map in maps)
        {
            var path = Path.Combine(directory, map.Name + "." + extension.TrimStart('.'));
            ImageFile.Write(map.Map, path);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The enabled features of a class: those named (each checked), else all but the deprecated ones.</summary>
    private static IEnumerable<string> Enabled(PyRadiomicsFeatureClass c)
    {
        var all = PyRadiomicsCatalogue.Features(c.Name);
        if (c.Features.Count == 0)
        {
            return all.Except(PyRadiomicsNames.Deprecated(c.Name));
        }

        foreach (var f in c.Features)
        {
            if (!all.Contains(f))
            {
                throw new InvalidInputException($"Feature class '{c.Name}' has no feature '{f}'; it has {string.Join(", ", all)}.");
            }
        }

        return c.Features;
    }

    private static Dictionary<string, double> TryCompute(PyRadiomicsFeatureClass c, PyRadiomicsTextureInput input)
    {
        try
        {
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, value) in PyRadiomicsExtractor.Compute(c.Name, input))
            {
                result[name] = value;
            }

            return result;
        }
        catch (Exception e) when (e is RadiomicsException or ArithmeticException or IndexOutOfRangeException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>The kernel of voxel <paramref name="centre"/> as a volume of its own, with the ROI's bins.</summary>
    private static PyRadiomicsTextureInput Kernel(PyRadiomicsVolume v, int[] bins, int[]? grayLevels, int ng, PyRadiomicsSettings settings, int centre, int[] half, bool withoutMcc)
    {
        int cz = centre / v.Stride(0), cy = centre / v.Stride(1) % v.Size[1], cx = centre % v.Size[2];
        int z0 = Math.Max(0, cz - half[0]), z1 = Math.Min(v.Size[0] - 1, cz + half[0]);
        int y0 = Math.Max(0, cy - half[1]), y1 = Math.Min(v.Size[1] - 1, cy + half[1]);
        int x0 = Math.Max(0, cx - half[2]), x1 = Math.Min(v.Size[2] - 1, cx + half[2]);
        int nz = z1 - z0 + 1, ny = y1 - y0 + 1, nx = x1 - x0 + 1;
        var intensities = new double[nz * ny * nx];
        var inside = new bool[intensities.Length];
        var kernelBins = new int[intensities.Length];
        int k = 0;
        for (int z = z0; z <= z1; z++)
        {
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++, k++)
                {
                    int i = (((z * v.Size[1]) + y) * v.Size[2]) + x;
                    intensities[k] = v.Intensities[i];
                    inside[k] = v.Mask[i];
                    kernelBins[k] = inside[k] ? bins[i] : 0;
                }
            }
        }

        grayLevels ??= [.. kernelBins.Where((b, i) => inside[i]).Distinct().Order()];
        return new PyRadiomicsTextureInput(new PyRadiomicsVolume(nz, ny, nx, intensities, inside, v.Spacing), settings, kernelBins, grayLevels, ng) { WithoutMcc = withoutMcc };
    }

    private static double[] Filled(int count, double value)
    {
        var a = new double[count];
        Array.Fill(a, value);
        return a;
    }
}
