using System.Text.Encodings.Web;
using System.Text.Json;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// The small JSON file <c>radiomics register</c> writes for its affine stage (<c>affine.json</c>): the matrix (three
/// rows), translation and centre of ITK's <c>AffineTransform</c>, so that the fixed point <c>x</c> maps to the moving
/// point <c>matrix·(x − center) + center + translation</c> (mm, LPS).
/// </summary>
public static class AffineTransformJson
{
    /// <summary>The human-readable statement of the mapping stored in every file.</summary>
    public const string Convention = "fixed point x maps to moving point matrix · (x − center) + center + translation (mm, LPS; ITK's AffineTransform)";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text of <paramref name="transform"/> (a plain writer: no reflection, so no serialiser start-up).</summary>
    public static string Serialize(AffineTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        var m = transform.Matrix;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("convention", Convention);
            json.WriteStartArray("matrix");
            for (int r = 0; r < 3; r++)
            {
                Numbers(json, null, m[r, 0], m[r, 1], m[r, 2]);
            }

            json.WriteEndArray();
            Numbers(json, "translation", transform.Translation.X, transform.Translation.Y, transform.Translation.Z);
            Numbers(json, "center", transform.Centre.X, transform.Centre.Y, transform.Centre.Z);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Numbers(Utf8JsonWriter json, string? name, double a, double b, double c)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        json.WriteNumberValue(a);
        json.WriteNumberValue(b);
        json.WriteNumberValue(c);
        json.WriteEndArray();
    }

    /// <summary>Writes <paramref name="transform"/> atomically.</summary>
    public static void Write(AffineTransform transform, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        TransformText.WriteAll(path, Serialize(transform));
    }

    /// <summary>Reads a file written by <see cref="Write"/> (the <c>convention</c> field is optional, <c>center</c> defaults to the origin).</summary>
    public static AffineTransform Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(TransformText.ReadAll(path), path);
    }

    /// <summary>Parses the JSON text; <paramref name="path"/> names the source in errors.</summary>
    public static AffineTransform Parse(string json, string path = "affine.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, "the top level must be an object with matrix, translation and center.");
            }

            if (!root.TryGetProperty("matrix", out var matrix) || matrix.ValueKind != JsonValueKind.Array || matrix.GetArrayLength() != 3)
            {
                throw Malformed(path, "'matrix' must be an array of 3 rows.");
            }

            var rows = new double[9];
            int r = 0;
            foreach (var row in matrix.EnumerateArray())
            {
                Triple(path, row, $"matrix row {r + 1}").CopyTo(rows, 3 * r);
                r++;
            }

            if (!root.TryGetProperty("translation", out var translation))
            {
                throw Malformed(path, "'translation' is missing.");
            }

            var t = Triple(path, translation, "translation");
            var c = root.TryGetProperty("center", out var center) ? Triple(path, center, "center") : [0, 0, 0];
            return new AffineTransform(Matrix3.FromRowMajor(rows), new Vec3(t[0], t[1], t[2]), new Vec3(c[0], c[1], c[2]));
        }
    }

    private static double[] Triple(string path, JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 3)
        {
            throw Malformed(path, $"'{what}' must be an array of 3 numbers.");
        }

        var values = new double[3];
        int i = 0;
        foreach (var v in element.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
            {
                throw Malformed(path, $"'{what}' must hold finite numbers; found {v.GetRawText()}.");
            }

            i++;
        }

        return values;
    }

    private static TransformFileException Malformed(string path, string detail) => new(path, TransformFileProblem.Malformed, detail);
}
