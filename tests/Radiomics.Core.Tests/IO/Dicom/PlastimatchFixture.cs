using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>
/// DICOM written by an independent writer: plastimatch turns each reference NRRD image and its label map into a CT
/// series and an RTSTRUCT; dcmtk and gdcm re-encode the series in every transfer syntax they write. Built once per
/// test run under the temp folder.
/// </summary>
public sealed class PlastimatchFixture : IDisposable
{
    public static readonly string[] Cases = ["brain1", "prostate"];

    /// <summary>Encoding name → (tool, arguments before input and output).</summary>
    public static readonly IReadOnlyDictionary<string, (string Tool, string[] Args)> Encodings = new Dictionary<string, (string, string[])>
    {
        ["implicit-le"] = ("dcmconv", ["+ti"]),
        ["explicit-be"] = ("dcmconv", ["+tb"]),
        ["deflated"] = ("dcmconv", ["+td"]),
        ["jpeg-lossless"] = ("dcmcjpeg", ["+e1"]),
        ["jpeg-ls"] = ("dcmcjpls", ["+el"]),
        ["rle"] = ("dcmcrle", []),
        ["j2k"] = ("gdcmconv", ["--j2k"]),
    };

    private readonly TempDirectory _tmp = new();
    private readonly Dictionary<string, string> _built = [];
    private readonly Lock _lock = new();

    public static string? SkipReason =>
        !SharedData.IsAvailable ? SharedData.SkipReason
        : !ExternalTool.Exists("plastimatch") ? "plastimatch is not installed (apt-get install plastimatch); the independent-writer DICOM tests are skipped."
        : null;

    public static (string Image, string Label) Source(string name) => name switch
    {
        "brain1" => (SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"), SharedData.Path("data", "pyradiomics", "brain1_label.nrrd")),
        _ => (SharedData.Path("data", "pyradiomics", "prostate_phantom_subvolume.nrrd"), SharedData.Path("data", "pyradiomics", "prostate_phantom_subvolume-label.nrrd")),
    };

    /// <summary>The plastimatch series folder of a case (with its rtss_*.dcm).</summary>
    public string Series(string name)
    {
        lock (_lock)
        {
            if (_built.TryGetValue(name, out var dir))
            {
                return dir;
            }

            var (image, label) = Source(name);
            string u8 = Path.Combine(_tmp.Path, $"{name}_label_u8.nrrd");

            // plastimatch writes the image of a flipped grid (the prostate's direction is diag(-1, -1, 1)) correctly,
            // but its RTSTRUCT from such a grid disagrees with the label map (its own rasterisation too: Dice 0.28), so
            // both go in on the same voxels re-indexed to the identity direction.
            var sourceImage = Radiomics.IO.ImageFile.Read<double>(image);
            var sourceLabel = Radiomics.IO.ImageFile.Read<double>(label);
            image = Path.Combine(_tmp.Path, $"{name}_image_lps.nrrd");
            Radiomics.IO.ImageFile.Write(ToIdentityDirection(sourceImage), image);
            var labelImage = ToIdentityDirection(sourceLabel);
            // plastimatch reads a structure-set image as bit planes (value 9 = ROIs 1 and 4): one binary ROI of every
            // non-zero voxel keeps the comparison with the source label map one to one.
            // Regions touching the image edge (the prostate phantom's corners) are left out: plastimatch does not
            // contour them, so its RTSTRUCT could not describe them.
            var binary = EdgeFree(Radiomics.Imaging.LabelMap.Threshold(labelImage, v => v != 0), 2);
            Radiomics.IO.ImageFile.Write(binary, u8);
            dir = Path.Combine(_tmp.Path, name, "native");
            ExternalTool.Run("plastimatch", "convert", "--input", image, "--output-dicom", dir, "--input-ss-img", u8);
            _built[name] = dir;
            return dir;
        }
    }

    /// <summary>The series re-encoded (image files only); null when the tool is not installed.</summary>
    public string? Encoded(string name, string encoding)
    {
        string source = Series(name);
        lock (_lock)
        {
            string key = $"{name}/{encoding}";
            if (_built.TryGetValue(key, out var dir))
            {
                return dir;
            }

            var (tool, args) = Encodings[encoding];
            if (!ExternalTool.Exists(tool))
            {
                return null;
            }

            dir = Path.Combine(_tmp.Path, name, encoding);
            Directory.CreateDirectory(dir);
            foreach (var f in Directory.GetFiles(source, "image*.dcm"))
            {
                ExternalTool.Run(tool, [.. args, f, Path.Combine(dir, Path.GetFileName(f))]);
            }

            _built[key] = dir;
            return dir;
        }
    }

    /// <summary>The binary label map the case's RTSTRUCT was made from (identity direction).</summary>
    public string LabelMap(string name)
    {
        Series(name);
        return Path.Combine(_tmp.Path, $"{name}_label_u8.nrrd");
    }

    /// <summary>plastimatch's own rasterisation of its RTSTRUCT, as a label map.</summary>
    public string PlastimatchLabelMap(string name)
    {
        string source = Series(name);
        lock (_lock)
        {
            string path = Path.Combine(_tmp.Path, $"{name}_plastimatch_labelmap.nrrd");
            if (!File.Exists(path))
            {
                ExternalTool.Run("plastimatch", "convert", "--input", source, "--output-labelmap", path);
            }

            return path;
        }
    }

    public void Dispose() => _tmp.Dispose();

    /// <summary>The label map without the voxels within <paramref name="margin"/> voxels of the in-plane image edges.</summary>
    private static Radiomics.Imaging.LabelMap EdgeFree(Radiomics.Imaging.LabelMap labels, int margin)
    {
        var image = labels.Image.ToBuilder();
        var size = image.Geometry.Size;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    if (x < margin || y < margin || x >= size.X - margin || y >= size.Y - margin)
                    {
                        image[x, y, z] = 0;
                    }
                }
            }
        }

        return new Radiomics.Imaging.LabelMap(image.ToImage());
    }

    /// <summary>The same voxels at the same physical places on a grid whose direction is the identity (axis-aligned grids only).</summary>
    private static Radiomics.Imaging.Image<double> ToIdentityDirection(Radiomics.Imaging.Image<double> image)
    {
        var g = image.Geometry;
        var d = g.Direction;
        bool[] flip = [d.M00 < 0, d.M11 < 0, d.M22 < 0];
        var size = g.Size;
        var origin = g.IndexToPhysical(flip[0] ? size.X - 1 : 0, flip[1] ? size.Y - 1 : 0, flip[2] ? size.Z - 1 : 0);
        var result = new Radiomics.Imaging.ImageBuilder<double>(new Radiomics.Imaging.ImageGeometry(size, g.Spacing, origin, Radiomics.Imaging.Matrix3.Identity));
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    result[x, y, z] = image[flip[0] ? size.X - 1 - x : x, flip[1] ? size.Y - 1 - y : y, flip[2] ? size.Z - 1 - z : z];
                }
            }
        }

        return result.ToImage();
    }
}

/// <summary>A theory that needs the shared data and plastimatch; skipped with a message saying which is missing.</summary>
public sealed class PlastimatchTheoryAttribute : TheoryAttribute
{
    public PlastimatchTheoryAttribute()
    {
        if (PlastimatchFixture.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
