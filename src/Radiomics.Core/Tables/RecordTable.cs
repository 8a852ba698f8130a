using System.Text;
using CsvHelper;

namespace Radiomics.Tables;

/// <summary>
/// The one writer and reader of the toolkit's tables: a header row from the columns, one line per record in the
/// <see cref="CsvCells"/> convention, written atomically; read back by column name (order and extra columns do not
/// matter, so tables written by older versions still read), with errors that name the file and line.
/// </summary>
public static class RecordTable
{
    public static string Header<T>(IReadOnlyList<TableColumn<T>> columns) => string.Join(',', columns.Select(c => CsvCells.Text(c.Name)));

    public static string Row<T>(IReadOnlyList<TableColumn<T>> columns, T record)
    {
        var cells = new string[columns.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = CsvCells.Cell(columns[i].Cell(record));
        }

        return string.Join(',', cells);
    }

    public static void Write<T>(TextWriter writer, IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write(Header(columns));
        writer.Write('\n');
        foreach (var record in records)
        {
            writer.Write(Row(columns, record));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the table atomically (readers never see a half-written file).</summary>
    public static void Write<T>(string path, IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> records) =>
        CsvFile.Write(path, writer => Write(writer, columns, records));

    public static string ToCsv<T>(IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> records)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(text, columns, records);
        return text.ToString();
    }

    /// <summary>Reads every row of a table file with <paramref name="parse"/>; the columns it asks for must be present.</summary>
    public static List<T> Read<T>(string path, Func<TableRow, T> parse)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, parse, path);
    }

    public static List<T> Read<T>(TextReader reader, Func<TableRow, T> parse, string source = "CSV")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(parse);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        var header = csv.Headers;
        if (header.Count == 0)
        {
            throw new TableFileException(source, null, "the file is empty; a table starts with a header row.");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        var records = new List<T>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var cells = new string[csv.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }

            records.Add(parse(new TableRow(source, csv.LineNumber, index, cells, texts)));
        }

        return records;
    }
}
