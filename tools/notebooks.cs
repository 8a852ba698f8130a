#:property PublishAot=false
// Writes every notebook from its one source, the file-based app of the same name under examples/:
//   dotnet run tools/notebooks.cs             examples/NN-name.cs -> notebooks/NN-name.ipynb, for every NN-name.cs
//   dotnet run tools/notebooks.cs -- --check  writes nothing; exit 1 naming each notebook that differs from its example
//
// The example is split into cells at marker lines (the "percent" format of Jupytext and VS Code):
//   // %% [markdown]   a markdown cell: the comment lines that follow, without their leading "// "
//   // %%              a code cell: the lines that follow, up to the next marker
//   // %% [app]        code only the app runs (its output folder, its Show); not in the notebook
// Before the first marker, `#:project DIR/NAME.csproj` becomes `#r "../src/Cli/bin/Debug/net10.0/NAME.dll"` and
// `#:package NAME` becomes `#r "nuget: NAME, VERSION"` (VERSION from Directory.Packages.props), both put at the top of
// the first code cell together with the kernel's Show (display); other lines there are dropped. Cell ids come from the
// notebook's number and the cell's position, so regenerating an unchanged example gives the same file byte for byte.
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

string root = FindRoot();
bool check = args.Contains("--check");
var versions = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
    .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
var stale = new List<string>();
foreach (var example in Directory.GetFiles(Path.Combine(root, "examples"), "*.cs").Order(StringComparer.Ordinal))
{
    string stem = Path.GetFileNameWithoutExtension(example);
    if (!Regex.IsMatch(stem, "^[0-9]{2}-"))
    {
        continue;
    }

    string notebook = Path.Combine(root, "notebooks", stem + ".ipynb");
    string text = Notebook(stem, File.ReadAllLines(example), versions);
    string existing = File.Exists(notebook) ? File.ReadAllText(notebook) : "";
    if (existing == text)
    {
        continue;
    }

    stale.Add($"notebooks/{stem}.ipynb");
    if (!check)
    {
        File.WriteAllText(notebook + ".tmp", text);
        File.Move(notebook + ".tmp", notebook, overwrite: true);
        Console.WriteLine($"written notebooks/{stem}.ipynb");
    }
}

if (check && stale.Count > 0)
{
    Console.Error.WriteLine($"error: not what examples/ gives (run `dotnet run tools/notebooks.cs`): {string.Join(", ", stale)}");
    return 1;
}

return 0;

static string Notebook(string stem, string[] lines, Dictionary<string, string> versions)
{
    var references = new List<string>();
    var cells = new List<(string Kind, List<string> Lines)>();
    List<string>? current = null;
    string kind = "";
    foreach (var raw in lines)
    {
        string line = raw.TrimEnd();
        if (line.StartsWith("// %%", StringComparison.Ordinal))
        {
            kind = line[5..].Trim() switch
            {
                "" => "code",
                "[markdown]" => "markdown",
                "[app]" => "app",
                var other => throw new InvalidDataException($"examples/{stem}.cs: unknown cell marker '{other}'"),
            };
            current = [];
            cells.Add((kind, current));
        }
        else if (current is null)
        {
            if (line.StartsWith("#:project ", StringComparison.Ordinal))
            {
                references.Add($"#r \"../src/Cli/bin/Debug/net10.0/{Path.GetFileNameWithoutExtension(line[10..].Trim())}.dll\"");
            }
            else if (line.StartsWith("#:package ", StringComparison.Ordinal))
            {
                string name = line[10..].Trim().Split('@')[0];
                string version = versions.TryGetValue(name, out var v) ? v
                    : throw new InvalidDataException($"examples/{stem}.cs: package {name} has no version in Directory.Packages.props");
                references.Insert(0, $"#r \"nuget: {name}, {version}\"");
            }
        }
        else if (kind == "markdown")
        {
            current.Add(line is "//" or "" ? "" : line.StartsWith("// ", StringComparison.Ordinal) ? line[3..]
                : throw new InvalidDataException($"examples/{stem}.cs: a markdown cell line is not a // comment: {line}"));
        }
        else
        {
            current.Add(raw.TrimEnd());
        }
    }

    var kept = cells.Where(c => c.Kind != "app").Select(c => (c.Kind, Lines: Trim(c.Lines))).ToList();
    int first = kept.FindIndex(c => c.Kind == "code");
    if (first < 0)
    {
        throw new InvalidDataException($"examples/{stem}.cs: no code cell");
    }

    kept[first] = ("code",
    [
        .. references,
        .. kept[first].Lines,
        "",
        "// Show displays a value here; the app twin (examples/" + stem + ".cs) saves figures as HTML pages instead.",
        "void Show(object value, string name = \"\") => display(value);",
    ]);

    using var stream = new MemoryStream();
    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
    {
        json.WriteStartObject();
        json.WriteStartArray("cells");
        for (int i = 0; i < kept.Count; i++)
        {
            var (cellKind, source) = kept[i];
            json.WriteStartObject();
            json.WriteString("cell_type", cellKind);
            if (cellKind == "code")
            {
                json.WriteNull("execution_count");
            }

            json.WriteString("id", $"nb{stem[..2]}-cell{i:D2}");
            json.WriteStartObject("metadata");
            if (cellKind == "code")
            {
                json.WriteStartObject("dotnet_interactive");
                json.WriteString("language", "csharp");
                json.WriteEndObject();
                json.WriteStartObject("polyglot_notebook");
                json.WriteString("kernelName", "csharp");
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (cellKind == "code")
            {
                json.WriteStartArray("outputs");
                json.WriteEndArray();
            }

            json.WriteStartArray("source");
            for (int l = 0; l < source.Count; l++)
            {
                json.WriteStringValue(l < source.Count - 1 ? source[l] + "\n" : source[l]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("metadata");
        json.WriteStartObject("kernelspec");
        json.WriteString("display_name", ".NET (C#)");
        json.WriteString("language", "C#");
        json.WriteString("name", ".net-csharp");
        json.WriteEndObject();
        json.WriteStartObject("language_info");
        json.WriteString("name", "polyglot-notebook");
        json.WriteEndObject();
        json.WriteStartObject("polyglot_notebook");
        json.WriteStartObject("kernelInfo");
        json.WriteString("defaultKernelName", "csharp");
        json.WriteStartArray("items");
        json.WriteStartObject();
        json.WriteStartArray("aliases");
        json.WriteEndArray();
        json.WriteString("name", "csharp");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("radiomics_twin", stem + ".cs");
        json.WriteEndObject();
        json.WriteNumber("nbformat", 4);
        json.WriteNumber("nbformat_minor", 5);
        json.WriteEndObject();
    }

    return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
}

static List<string> Trim(List<string> lines)
{
    int start = 0, end = lines.Count;
    while (start < end && lines[start].Length == 0)
    {
        start++;
    }

    while (end > start && lines[end - 1].Length == 0)
    {
        end--;
    }

    return lines[start..end];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Toolkit.sln not found above the current folder; run from the repository.");
}
