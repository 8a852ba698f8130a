namespace Radiomics.Tables;

/// <summary>One column of a record table: its header name and the cell a row writes (formatted by <see cref="CsvCells"/>).</summary>
public sealed record TableColumn<T>(string Name, Func<T, object?> Cell);
