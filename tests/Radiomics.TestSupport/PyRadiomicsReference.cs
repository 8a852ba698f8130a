using System.Globalization;
using System.Text;

namespace Radiomics.TestSupport;

/// <summary>
/// PyRadiomics' own baseline values (<c>data/baseline/baseline_&lt;class&gt;.csv</c> of AIM-Harvard/pyradiomics), read
/// at test time from <c>PYRADIOMICS_BASELINE_DIR</c>, else <c>$TOOLKIT_SHARED_DIR/pyradiomics/baseline</c>; and its example
/// params files from <c>PYRADIOMICS_EXAMPLES_DIR</c>. Nothing of PyRadiomics is committed.
/// </summary>
public static class PyRadiomicsReference
{
    public const string BaselineVariable = "PYRADIOMICS_BASELINE_DIR";

    public const string ExamplesVariable = "PYRADIOMICS_EXAMPLES_DIR";

    /// <summary>The baseline folder, or null.</summary>
    public static string? BaselineDir
    {
        get
        {
            var env = Environment.GetEnvironmentVariable(BaselineVariable);
            if (!string.IsNullOrWhiteSpace(env))
            {
                return Directory.Exists(env) ? env : null;
            }

            var shared = SharedData.Root is { } root ? System.IO.Path.Combine(root, "pyradiomics", "baseline") : null;
            return shared is not null && Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>The exampleSettings folder, or null.</summary>
    public static string? ExamplesDir
    {
        get
        {
            var env = Environment.GetEnvironmentVariable(ExamplesVariable);
            return !string.IsNullOrWhiteSpace(env) && Directory.Exists(env) ? env : null;
        }
    }

    public static string BaselineSkipReason =>
        $"PyRadiomics baseline CSVs not found: set {BaselineVariable} to pyradiomics' data/baseline folder (or place it at $TOOLKIT_SHARED_DIR/pyradiomics/baseline).";

    public static string ExamplesSkipReason =>
        $"PyRadiomics example params files not found: set {ExamplesVariable} to pyradiomics' examples/exampleSettings folder.";

    /// <summary>One column of a baseline CSV: a test case under one configuration.</summary>
    /// <param name="Column">The column name, e.g. <c>brain1_FBN</c>.</param>
    /// <param name="TestCase">The image, e.g. <c>brain1</c>.</param>
    /// <param name="Settings">The settings dict as recorded (Python literal).</param>
    /// <param name="Values">Feature values by PyRadiomics name (<c>original_glcm_JointEntropy</c>).</param>
    public sealed record Case(string Column, string TestCase, string Settings, IReadOnlyDictionary<string, double> Values)
    {
        /// <summary>
        /// A params file (JSON, which YAML readers accept) made of the recorded settings, the class and the Original image
        /// type — the procedure the issue describes for checking every test case.
        /// </summary>
        public string ParamsFile(string featureClass)
        {
            var json = Settings.Replace("'", "\"", StringComparison.Ordinal)
                .Replace("None", "null", StringComparison.Ordinal)
                .Replace("True", "true", StringComparison.Ordinal)
                .Replace("False", "false", StringComparison.Ordinal);
            return $"{{\"setting\": {json}, \"imageType\": {{\"Original\": {{}}}}, \"featureClass\": {{\"{featureClass}\": null}}}}";
        }
    }

    /// <summary>Reads baseline_&lt;class&gt;.csv.</summary>
    public static IReadOnlyList<Case> Read(string featureClass)
    {
        var dir = BaselineDir ?? throw new InvalidOperationException(BaselineSkipReason);
        var rows = File.ReadAllLines(System.IO.Path.Combine(dir, $"baseline_{featureClass}.csv")).Select(SplitCsv).ToList();
        var header = rows[0];
        var cases = new List<Case>();
        for (int c = 1; c < header.Count; c++)
        {
            string testCase = "", settings = "";
            var values = new Dictionary<string, double>();
            foreach (var row in rows.Skip(1))
            {
                if (row[0] == "diagnostics_Configuration_TestCase")
                {
                    testCase = row[c];
                }
                else if (row[0] == "diagnostics_Configuration_Settings")
                {
                    settings = row[c];
                }
                else if (!row[0].StartsWith("diagnostics_", StringComparison.Ordinal)
                    && double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    values[row[0]] = v;
                }
            }

            cases.Add(new Case(header[c], testCase, settings, values));
        }

        return cases;
    }

    /// <summary>The <c>diagnostics_*</c> rows of baseline_&lt;class&gt;.csv for one column, as written (empty cells left out).</summary>
    public static IReadOnlyDictionary<string, string> Diagnostics(string featureClass, string column)
    {
        var dir = BaselineDir ?? throw new InvalidOperationException(BaselineSkipReason);
        var rows = File.ReadAllLines(System.IO.Path.Combine(dir, $"baseline_{featureClass}.csv")).Select(SplitCsv).ToList();
        int c = rows[0].IndexOf(column);
        return rows.Skip(1).Where(r => r[0].StartsWith("diagnostics_", StringComparison.Ordinal) && c < r.Count && r[c].Length > 0)
            .ToDictionary(r => r[0], r => r[c]);
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
