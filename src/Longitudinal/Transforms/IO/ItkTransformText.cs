using System.Text;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// ITK's text transform format (<c>.tfm</c>, <c>.txt</c>; "#Insight Transform File V1.0"), as written by ITK's
/// <c>TxtTransformIO</c>, SimpleITK's <c>WriteTransform</c> and 3D Slicer. Each transform is a <c>Transform:</c> line
/// naming the class (<c>AffineTransform_double_3_3</c>) followed by its <c>Parameters:</c> and
/// <c>FixedParameters:</c>. All transforms map fixed-space points to moving-space points (LPS mm), as ours do.
/// </summary>
/// <remarks>
/// Read: <c>AffineTransform</c>, <c>MatrixOffsetTransformBase</c> and <c>Rigid3DTransform</c> (9 matrix entries row
/// by row, then 3 translations; centre in the fixed parameters), <c>Euler3DTransform</c> (angles X, Y, Z in radians,
/// then translation; fixed parameters the centre and optionally a fourth value, non-zero for <c>ComputeZYX</c>),
/// <c>TranslationTransform</c>, <c>VersorRigid3DTransform</c>, <c>Similarity3DTransform</c>,
/// <c>IdentityTransform</c> and cubic <c>BSplineTransform</c> (fixed parameters grid size, origin, spacing and
/// direction row by row; then the X, Y and Z coefficient blocks), each in <c>double</c> or <c>float</c>.
/// A file starting with a <c>CompositeTransform</c> lists the members in ITK's queue order, and ITK applies the queue
/// from its end: the last transform listed acts first on the fixed point. The result is our
/// <see cref="CompositeTransform"/> in application order, i.e. the listed members reversed. A file with several
/// transforms and no composite line is read the same way.
/// </remarks>
public static class ItkTransformText
{
    /// <summary>The first line of every file.</summary>
    public const string Header = "#Insight Transform File V1.0";

    /// <summary>Whether the text looks like an ITK transform file (its header or a <c>Transform:</c> line).</summary>
    public static bool LooksLike(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith("#Insight Transform File", StringComparison.Ordinal)
            || text.Split('\n').Any(l => l.TrimStart().StartsWith("Transform:", StringComparison.Ordinal));
    }

    /// <summary>
    /// The file text of <paramref name="transform"/>: affine, Euler, translation and B-spline transforms under their
    /// ITK names, any other linear transform as its affine, a composite as ITK's <c>CompositeTransform</c>.
    /// Dense displacement fields have no text form (write them with <see cref="DisplacementFieldFile"/>).
    /// </summary>
    public static string Serialize(ITransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        var sb = new StringBuilder().Append(Header).Append('\n');
        int count = 0;
        if (transform is CompositeTransform composite)
        {
            Entry(sb, count++, "CompositeTransform_double_3_3", null, null);
            // ITK applies its queue from the end, so the member acting first is listed last.
            for (int i = composite.Transforms.Count - 1; i >= 0; i--)
            {
                Append(sb, count++, composite.Transforms[i]);
            }
        }
        else
        {
            Append(sb, count, transform);
        }

        return sb.ToString();
    }

    /// <summary>Writes <paramref name="transform"/> atomically (see <see cref="Serialize"/>).</summary>
    public static void Write(ITransform transform, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = Serialize(transform);
        }
        catch (NotSupportedException e)
        {
            throw new TransformFileException(path, TransformFileProblem.Unsupported, e.Message, e);
        }

        TransformText.WriteAll(path, text);
    }

    /// <summary>Reads an ITK text transform file.</summary>
    public static ITransform Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(TransformText.ReadAll(path), path);
    }

    /// <summary>Parses the text of an ITK transform file; <paramref name="path"/> names the source in errors.</summary>
    public static ITransform Parse(string text, string path = "transform.tfm")
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = Entries(text, path);
        if (entries.Count == 0)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, "no 'Transform:' line.");
        }

        bool composite = entries[0].Name == "CompositeTransform";
        var members = composite ? entries.Skip(1).ToList() : entries;
        if (members.Count == 0)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, "the CompositeTransform has no members.");
        }

        if (members.Count == 1 && !composite)
        {
            return ToTransform(path, members[0]);
        }

        var chain = new ITransform[members.Count];
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].Name == "CompositeTransform")
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {members[i].Line}: a CompositeTransform can only be the first transform of a file.");
            }

            chain[members.Count - 1 - i] = ToTransform(path, members[i]);
        }

        return chain.Length == 1 ? chain[0] : new CompositeTransform(chain);
    }

    private sealed record ItkEntry(string Name, int Line)
    {
        public double[]? Parameters { get; set; }

        public double[]? FixedParameters { get; set; }
    }

    private static List<ItkEntry> Entries(string text, string path)
    {
        var entries = new List<ItkEntry>();
        var lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {n + 1}: '{Clip(line)}' is not 'Name: value'.");
            }

            string name = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
            switch (name)
            {
                case "Transform":
                    entries.Add(new ItkEntry(ClassName(path, value, n + 1), n + 1));
                    break;
                case "Parameters" or "FixedParameters":
                    if (entries.Count == 0)
                    {
                        throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {n + 1}: {name} before any 'Transform:' line.");
                    }

                    var values = TransformText.ParseNumbers(path, value, $"line {n + 1} ({name})");
                    var last = entries[^1];
                    if (name == "Parameters")
                    {
                        last.Parameters = values;
                    }
                    else
                    {
                        last.FixedParameters = values;
                    }

                    break;
                case "ComponentTransformFile":
                    throw new TransformFileException(path, TransformFileProblem.Unsupported, $"line {n + 1}: composite files that refer to component files are not read; save the composite as one file.");
                default:
                    throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {n + 1}: unknown field '{Clip(name)}'.");
            }
        }

        return entries;
    }

    /// <summary>The class name without its <c>_double_3_3</c> / <c>_float_3_3</c> suffix; only 3-D transforms are read.</summary>
    private static string ClassName(string path, string value, int line)
    {
        var parts = value.Split('_');
        if (parts.Length < 3 || parts[1] is not ("double" or "float"))
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {line}: '{Clip(value)}' is not an ITK transform type such as AffineTransform_double_3_3.");
        }

        if (parts.Skip(2).Any(d => d != "3"))
        {
            throw new TransformFileException(path, TransformFileProblem.Unsupported, $"line {line}: {value} is not a 3-D transform.");
        }

        return parts[0];
    }

    private static ITransform ToTransform(string path, ItkEntry e)
    {
        string what = $"line {e.Line}: {e.Name}";
        var p = e.Parameters ?? throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what} has no Parameters line.");
        var f = e.FixedParameters ?? [];
        switch (e.Name)
        {
            case "AffineTransform" or "MatrixOffsetTransformBase" or "Rigid3DTransform":
                TransformText.ExpectCount(path, p, 12, $"{what} Parameters");
                return new AffineTransform(Matrix3.FromRowMajor(p.AsSpan(0, 9)), new Vec3(p[9], p[10], p[11]), Centre(path, f, 3, what));
            case "Euler3DTransform":
            {
                TransformText.ExpectCount(path, p, 6, $"{what} Parameters");
                var c = Centre(path, f, 4, what);
                var t = new Vec3(p[3], p[4], p[5]);
                bool zyx = f.Length == 4 && f[3] != 0;
                return zyx
                    ? new AffineTransform(Euler3DTransform.RotationMatrixZYX(p[0], p[1], p[2]), t, c)
                    : new Euler3DTransform(p[0], p[1], p[2], t, c);
            }

            case "TranslationTransform":
                TransformText.ExpectCount(path, p, 3, $"{what} Parameters");
                return new TranslationTransform(new Vec3(p[0], p[1], p[2]));
            case "VersorRigid3DTransform":
                TransformText.ExpectCount(path, p, 6, $"{what} Parameters");
                return new AffineTransform(Versor.RotationMatrix(path, p[0], p[1], p[2]), new Vec3(p[3], p[4], p[5]), Centre(path, f, 3, what));
            case "Similarity3DTransform":
                TransformText.ExpectCount(path, p, 7, $"{what} Parameters");
                return new AffineTransform(p[6] * Versor.RotationMatrix(path, p[0], p[1], p[2]), new Vec3(p[3], p[4], p[5]), Centre(path, f, 3, what));
            case "IdentityTransform":
                return AffineTransform.Identity;
            case "BSplineTransform":
                return BSpline(path, p, f, what);
            case "DisplacementFieldTransform" or "GaussianSmoothingOnUpdateDisplacementFieldTransform" or "BSplineSmoothingOnUpdateDisplacementFieldTransform":
                throw new TransformFileException(path, TransformFileProblem.Unsupported, $"{what}: dense fields are not read from text files; write the field as an image (.nii.gz) and read that.");
            default:
                throw new TransformFileException(path, TransformFileProblem.Unsupported,
                    $"{what} is not read (supported: AffineTransform, MatrixOffsetTransformBase, Euler3DTransform, TranslationTransform, VersorRigid3DTransform, Similarity3DTransform, BSplineTransform, CompositeTransform).");
        }
    }

    /// <summary>The centre in the first three fixed parameters (absent: the origin).</summary>
    private static Vec3 Centre(string path, double[] f, int maxCount, string what)
    {
        if (f.Length == 0)
        {
            return Vec3.Zero;
        }

        if (f.Length < 3 || f.Length > maxCount)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what} FixedParameters hold the centre (3 values); the file has {f.Length}.");
        }

        return new Vec3(f[0], f[1], f[2]);
    }

    private static BSplineTransform BSpline(string path, double[] p, double[] f, string what)
    {
        TransformText.ExpectCount(path, f, 18, $"{what} FixedParameters (grid size, origin, spacing, direction)");
        var size = new int[3];
        for (int a = 0; a < 3; a++)
        {
            if (f[a] != Math.Round(f[a]) || f[a] < 4 || f[a] > 1 << 16)
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what}: grid size {f[a]} along axis {a} is not a whole number of at least 4 control points.");
            }

            size[a] = (int)f[a];
        }

        try
        {
            var grid = new ImageGeometry(new Size3(size[0], size[1], size[2]), new Vec3(f[6], f[7], f[8]), new Vec3(f[3], f[4], f[5]), Matrix3.FromRowMajor(f.AsSpan(9, 9)));
            if (3L * grid.VoxelCount > int.MaxValue)
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what}: a {grid.Size} control grid is too large.");
            }

            TransformText.ExpectCount(path, p, 3 * (int)grid.VoxelCount, $"{what} Parameters (3 × {grid.Size} coefficients)");
            return new BSplineTransform(grid, p);
        }
        catch (ArgumentException e)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what}: {e.Message}", e);
        }
    }

    private static void Append(StringBuilder sb, int index, ITransform transform)
    {
        switch (transform)
        {
            case Euler3DTransform e:
                Entry(sb, index, "Euler3DTransform_double_3_3",
                    [e.AngleX, e.AngleY, e.AngleZ, e.Translation.X, e.Translation.Y, e.Translation.Z],
                    [e.Centre.X, e.Centre.Y, e.Centre.Z, 0]);
                break;
            case TranslationTransform t:
                Entry(sb, index, "TranslationTransform_double_3_3", [t.Offset.X, t.Offset.Y, t.Offset.Z], []);
                break;
            case ILinearTransform l:
            {
                var a = l.ToAffine();
                Entry(sb, index, "AffineTransform_double_3_3",
                    [.. a.Matrix.ToRowMajorArray(), a.Translation.X, a.Translation.Y, a.Translation.Z],
                    [a.Centre.X, a.Centre.Y, a.Centre.Z]);
                break;
            }

            case BSplineTransform b:
            {
                var g = b.Grid;
                Entry(sb, index, "BSplineTransform_double_3_3", b.Coefficients.ToArray(),
                    [g.Size.X, g.Size.Y, g.Size.Z, g.Origin.X, g.Origin.Y, g.Origin.Z, g.Spacing.X, g.Spacing.Y, g.Spacing.Z, .. g.Direction.ToRowMajorArray()]);
                break;
            }

            default:
                throw new NotSupportedException($"{transform.GetType().Name} has no ITK text form; sample it to a displacement field and write that as an image.");
        }
    }

    private static void Entry(StringBuilder sb, int index, string type, double[]? parameters, double[]? fixedParameters)
    {
        sb.Append("#Transform ").Append(index).Append('\n');
        sb.Append("Transform: ").Append(type).Append('\n');
        if (parameters is not null)
        {
            sb.Append("Parameters: ").Append(TransformText.Numbers(parameters)).Append('\n');
            sb.Append("FixedParameters: ").Append(TransformText.Numbers(fixedParameters ?? [])).Append('\n');
        }
    }

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
