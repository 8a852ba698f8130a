using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Habitat channels from a PyRadiomics params file, HABIT's way: PyRadiomics' voxel-based features
/// (<see cref="PyRadiomicsVoxelExtractor"/>), one channel per image type × feature class × feature, with the file's
/// <c>voxelSetting</c> (kernelRadius, maskedKernel). Channel names are PyRadiomics' (<c>original_glcm_Contrast</c>,
/// <c>wavelet-LLH_firstorder_Mean</c>). The region's voxels (every non-zero voxel) are the ROI.
/// </summary>
public sealed class PyRadiomicsVoxelFeature : IVoxelFeature
{
    private readonly PyRadiomicsSettings _settings;
    private readonly string _source;

    /// <exception cref="SettingsException">The settings resample the image (habitat channels live on the image's grid) or map no class.</exception>
    public PyRadiomicsVoxelFeature(PyRadiomicsSettings settings, string source = "PyRadiomics settings")
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ResampledPixelSpacing is not null)
        {
            throw new SettingsException(source, null, "Habitat channels are computed on the image's own grid; remove resampledPixelSpacing (resample the scans beforehand instead).");
        }

        _settings = settings with { Label = 1 };
        _source = source;
        ChannelNames = PyRadiomicsVoxelExtractor.MapNames(_settings);
        if (ChannelNames.Count == 0)
        {
            throw new SettingsException(source, null, "The params file enables no first-order or texture feature; habitat channels need at least one (shape classes have no voxel-based maps).");
        }
    }

    /// <summary>The channels a PyRadiomics params file (YAML or JSON) defines.</summary>
    /// <exception cref="SettingsException">The file is not a valid PyRadiomics params file, or see the constructor.</exception>
    public static PyRadiomicsVoxelFeature FromParamsFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var settings = PyRadiomicsParamsFile.Load(path).PyRadiomics
            ?? throw new SettingsException(path, null, "Not a PyRadiomics params file (its top-level keys must be among setting, imageType, featureClass, voxelSetting).");
        return new PyRadiomicsVoxelFeature(settings, Path.GetFileName(path));
    }

    public IReadOnlyList<string> ChannelNames { get; }

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(output);
        var labels = region.Voxels;
        var target = new byte[region.Geometry.VoxelCount];
        for (int i = 0; i < labels.Length; i++)
        {
            target[i] = labels[i] != 0 ? (byte)1 : (byte)0;
        }

        var maps = PyRadiomicsVoxelExtractor.Extract(image, new LabelMap(new Image<byte>(region.Geometry, target)), _settings, _source).ToDictionary(m => m.Name, m => m.Map);
        var size = image.Geometry.Size;
        for (int c = 0; c < ChannelNames.Count; c++)
        {
            var map = maps[ChannelNames[c]];
            var corner = image.Geometry.PhysicalToIndex(map.Geometry.IndexToPhysical(Vec3.Zero));
            int ox = (int)Math.Round(corner.X), oy = (int)Math.Round(corner.Y), oz = (int)Math.Round(corner.Z);
            var m = map.Geometry.Size;
            var values = map.Voxels;
            var channel = output[c].Span;
            for (int z = 0; z < m.Z; z++)
            {
                for (int y = 0; y < m.Y; y++)
                {
                    for (int x = 0; x < m.X; x++)
                    {
                        int v = x + ox + (size.X * (y + oy + (size.Y * (z + oz))));
                        if (labels[v] != 0)
                        {
                            channel[v] = (float)values[x + (m.X * (y + (m.Y * z)))];
                        }
                    }
                }
            }

            progress?.Report((c + 1.0) / ChannelNames.Count);
        }
    }
}
