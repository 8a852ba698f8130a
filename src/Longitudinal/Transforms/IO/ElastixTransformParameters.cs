using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// Reads elastix's <c>TransformParameters.N.txt</c>: the transform elastix found, mapping fixed-image points to
/// moving-image points (LPS mm), as ours do.
/// </summary>
/// <remarks>
/// <para>Read: <c>TranslationTransform</c> (3 parameters), <c>EulerTransform</c> (angles X, Y, Z in radians, then
/// the translation; <c>CenterOfRotationPoint</c>; <c>ComputeZYX</c> as in ITK's <c>Euler3DTransform</c>),
/// <c>AffineTransform</c> (9 matrix entries row by row, then 3 translations; <c>CenterOfRotationPoint</c>) and
/// <c>SimilarityTransform</c> (versor, translation, isotropic scale).</para>
/// <para><c>InitialTransformParametersFileName</c> (or elastix 5's <c>InitialTransformParameterFileName</c>) chains are
/// followed until <c>NoInitialTransform</c>; a relative name is looked up beside the file that names it (and, since
/// elastix writes the path it was given for <c>-out</c>, by its bare file name there too). With
/// <c>HowToCombineTransforms "Compose"</c> elastix defines <c>T(x) = T₁(T₀(x))</c>, T₀ being the initial transform:
/// the initial transform acts first on the fixed point. <c>"Add"</c> is not read.</para>
/// <para>B-spline and other deformable transforms are refused: run <c>transformix -def all -tp
/// TransformParameters.N.txt</c> and read the <c>deformationField</c> image it writes with
/// <see cref="DisplacementFieldFile"/>.</para>
/// </remarks>
public static class ElastixTransformParameters
{
    private const int MaxChain = 32;

    /// <summary>Whether the text looks like an elastix parameter file (a <c>(Transform "…")</c> line).</summary>
    public static bool LooksLike(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n').Any(l => l.TrimStart().StartsWith("(Transform ", StringComparison.Ordinal));
    }

    /// <summary>Reads the file and the chain of initial transforms it names.</summary>
    public static ITransform Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var chain = new List<string>();
        return Read(Path.GetFullPath(path), chain);
    }

    /// <summary>Parses <c>(Key value …)</c> lines into a map; <c>//</c> starts a comment; quotes are removed.</summary>
    public static IReadOnlyDictionary<string, string[]> ParseMap(string text, string path = "TransformParameters.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = StripComment(lines[n]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != '(' || line[^1] != ')')
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {n + 1}: '{Clip(line)}' is not a '(Key value …)' entry.");
            }

            var words = Words(line[1..^1]);
            if (words.Count == 0)
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"line {n + 1}: empty entry '()'.");
            }

            map[words[0]] = [.. words.Skip(1)];
        }

        return map;
    }

    private static ITransform Read(string path, List<string> chain)
    {
        if (chain.Contains(path, StringComparer.Ordinal) || chain.Count >= MaxChain)
        {
            throw new TransformFileException(chain[0], TransformFileProblem.Malformed, $"the chain of initial transforms loops or is too long: {string.Join(" → ", chain.Select(Path.GetFileName))} → {Path.GetFileName(path)}.");
        }

        chain.Add(path);
        if (!File.Exists(path))
        {
            string detail = chain.Count > 1 ? $"named as the initial transform of {chain[^2]}." : "no such file.";
            throw new TransformFileException(path, TransformFileProblem.NotFound, detail);
        }

        var map = ParseMap(TransformText.ReadAll(path), path);
        var current = Current(path, map);
        string? initialName = Text(map, "InitialTransformParametersFileName") ?? Text(map, "InitialTransformParameterFileName");
        if (initialName is null || initialName == "NoInitialTransform")
        {
            return current;
        }

        string how = Text(map, "HowToCombineTransforms") ?? "Compose";
        if (how != "Compose")
        {
            throw new TransformFileException(path, TransformFileProblem.Unsupported, $"HowToCombineTransforms \"{how}\" is not read; only \"Compose\".");
        }

        var initial = Read(Resolve(path, initialName), chain);
        return Transform.Compose(initial, current);
    }

    /// <summary>The initial transform's file: as written, else beside <paramref name="path"/>, else by its bare name beside it.</summary>
    private static string Resolve(string path, string name)
    {
        string folder = Path.GetDirectoryName(path) ?? ".";
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : Path.Combine(folder, Path.GetFileName(name));
        }

        string beside = Path.GetFullPath(Path.Combine(folder, name));
        if (File.Exists(beside))
        {
            return beside;
        }

        string bare = Path.Combine(folder, Path.GetFileName(name));
        return File.Exists(bare) ? bare : beside;
    }

    private static ITransform Current(string path, IReadOnlyDictionary<string, string[]> map)
    {
        string type = Text(map, "Transform") ?? throw new TransformFileException(path, TransformFileProblem.Malformed, "no (Transform \"…\") entry.");
        if (Text(map, "FixedImageDimension") is { } dim && dim != "3")
        {
            throw new TransformFileException(path, TransformFileProblem.Unsupported, $"FixedImageDimension {dim}; only 3-D transforms are read.");
        }

        if (Text(map, "UseDirectionCosines") == "false")
        {
            throw new TransformFileException(path, TransformFileProblem.Unsupported, "(UseDirectionCosines \"false\"): elastix then ignores the image directions, so the parameters are not in physical space; rerun elastix with (UseDirectionCosines \"true\").");
        }

        if (Text(map, "UseBinaryFormatForTransformationParameters") == "true")
        {
            throw new TransformFileException(path, TransformFileProblem.Unsupported, "binary transform parameters; rerun elastix with (UseBinaryFormatForTransformationParameters \"false\").");
        }

        switch (type)
        {
            case "TranslationTransform":
            {
                var p = Numbers(path, map, "TransformParameters", 3, type);
                return new TranslationTransform(new Vec3(p[0], p[1], p[2]));
            }

            case "EulerTransform":
            {
                var p = Numbers(path, map, "TransformParameters", 6, type);
                var c = Centre(path, map, type);
                var t = new Vec3(p[3], p[4], p[5]);
                return Text(map, "ComputeZYX") == "true"
                    ? new AffineTransform(Euler3DTransform.RotationMatrixZYX(p[0], p[1], p[2]), t, c)
                    : new Euler3DTransform(p[0], p[1], p[2], t, c);
            }

            case "AffineTransform":
            {
                var p = Numbers(path, map, "TransformParameters", 12, type);
                return new AffineTransform(Matrix3.FromRowMajor(p.AsSpan(0, 9)), new Vec3(p[9], p[10], p[11]), Centre(path, map, type));
            }

            case "SimilarityTransform":
            {
                var p = Numbers(path, map, "TransformParameters", 7, type);
                return new AffineTransform(p[6] * Versor.RotationMatrix(path, p[0], p[1], p[2]), new Vec3(p[3], p[4], p[5]), Centre(path, map, type));
            }

            case "BSplineTransform" or "RecursiveBSplineTransform" or "BSplineStackTransform" or "SplineKernelTransform" or "MultiBSplineTransformWithNormal" or "DeformationFieldTransform":
                throw new TransformFileException(path, TransformFileProblem.Unsupported,
                    $"{type} is not read from elastix parameters; run 'transformix -def all -tp {Path.GetFileName(path)} -out DIR' and use DIR/deformationField.nii.gz (or .mhd) as the transform.");
            default:
                throw new TransformFileException(path, TransformFileProblem.Unsupported,
                    $"elastix transform \"{type}\" is not read (supported: TranslationTransform, EulerTransform, AffineTransform, SimilarityTransform).");
        }
    }

    private static Vec3 Centre(string path, IReadOnlyDictionary<string, string[]> map, string type)
    {
        if (!map.ContainsKey("CenterOfRotationPoint"))
        {
            return Vec3.Zero;
        }

        var c = Numbers(path, map, "CenterOfRotationPoint", 3, type);
        return new Vec3(c[0], c[1], c[2]);
    }

    private static double[] Numbers(string path, IReadOnlyDictionary<string, string[]> map, string key, int count, string type)
    {
        if (!map.TryGetValue(key, out var words))
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"{type} has no ({key} …) entry.");
        }

        var values = TransformText.ParseNumbers(path, string.Join(' ', words), key);
        TransformText.ExpectCount(path, values, count, $"{type} {key}");
        return values;
    }

    private static string? Text(IReadOnlyDictionary<string, string[]> map, string key) =>
        map.TryGetValue(key, out var v) && v.Length > 0 ? v[0] : null;

    private static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && line[i] == '/' && line[i + 1] == '/')
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>Splits on white space, keeping quoted strings (which may hold spaces, e.g. paths) whole.</summary>
    private static List<string> Words(string s)
    {
        var words = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }

            if (s[i] == '"')
            {
                int end = s.IndexOf('"', i + 1);
                end = end < 0 ? s.Length : end;
                words.Add(s[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            words.Add(s[start..i]);
        }

        return words;
    }

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
