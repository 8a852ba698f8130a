using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Radiomics.Tables;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Radiomics.Cli;

/// <summary>How a command prints its table: aligned for reading, or CSV / JSON for other programs.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>
/// The one printer of the commands' tables (<c>--format table|csv|json</c>). Without <c>--format</c>, a terminal gets
/// an aligned table and redirected output (a file, a pipe, a log) gets CSV, one line per row, never wrapped. In CSV and
/// JSON, standard output holds only the table; the command's other messages go to standard error.
/// </summary>
internal static class TableOutput
{
    public static Option<string?> CreateOption() => CreateOption("How the table is printed: table (aligned), csv or json. Default: table on a terminal, csv when output is redirected.");

    private static Option<string?> CreateOption(string description)
    {
        var option = new Option<string?>("--format") { Description = description };
        option.AcceptOnlyFromAmong("table", "csv", "json");
        return option;
    }

    /// <summary>The format asked for, or the default for this console: a table when interactive, CSV when redirected.</summary>
    public static OutputFormat Resolve(IAnsiConsole console, string? format) => format switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => console.Profile.Capabilities.Interactive ? OutputFormat.Table : OutputFormat.Csv,
    };

    /// <summary>Prints <paramref name="table"/> in the format; as a table, <paramref name="pretty"/> when given (else the cells aligned).</summary>
    public static void Print(IAnsiConsole console, OutputFormat format, ResultTable table, IRenderable? pretty = null)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                table.WriteCsv(console.Profile.Out.Writer);
                break;
            case OutputFormat.Json:
                console.Profile.Out.Writer.WriteLine(ToJson(table));
                break;
            default:
                console.Write(pretty ?? Aligned(table));
                break;
        }
    }

    /// <summary>A message beside the table: on standard output with a table, on standard error (plain text) with CSV or JSON.</summary>
    public static void Message(IAnsiConsole console, OutputFormat format, string markup)
    {
        if (format == OutputFormat.Table)
        {
            console.MarkupLine(markup);
        }
        else
        {
            CommandAction.Error.WriteLine(Markup.Remove(markup));
        }
    }

    /// <summary>The rows as a JSON array of objects keyed by column; numbers stay numbers and NaN or infinities become null.</summary>
    public static string ToJson(ResultTable table)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in table)
            {
                json.WriteStartObject();
                for (int c = 0; c < table.Columns.Count; c++)
                {
                    json.WritePropertyName(table.Columns[c]);
                    WriteCell(json, row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCell(Utf8JsonWriter json, object? cell)
    {
        switch (cell)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d when !double.IsFinite(d):
                json.WriteNullValue();
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case float f when !float.IsFinite(f):
                json.WriteNullValue();
                break;
            case float f:
                json.WriteNumberValue(f);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            default:
                json.WriteStringValue(ResultTable.FormatCell(cell));
                break;
        }
    }

    private static Table Aligned(ResultTable table)
    {
        var aligned = new Table().Border(TableBorder.Rounded);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            bool numeric = table.Count > 0 && table.All(r => r[c] is double or float or int or long);
            aligned.AddColumn(new TableColumn(Markup.Escape(table.Columns[c])) { Alignment = numeric ? Justify.Right : Justify.Left });
        }

        foreach (var row in table)
        {
            aligned.AddRow(row.Select(cell => (IRenderable)new Text(cell switch
            {
                double d => d.ToString("G6", CultureInfo.InvariantCulture),
                float f => f.ToString("G6", CultureInfo.InvariantCulture),
                _ => ResultTable.FormatCell(cell),
            })).ToArray());
        }

        return aligned;
    }
}
