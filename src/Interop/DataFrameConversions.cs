using System.Globalization;
using Microsoft.Data.Analysis;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Stability;
using Radiomics.Tables;

namespace Radiomics.Interop;

/// <summary>
/// The toolkit's tidy tables as <see cref="DataFrame"/>s (Microsoft.Data.Analysis): exactly the columns of the CSV
/// files the toolkit writes (built from the same column list, so a new column such as <c>channel</c> appears in both),
/// numbers as double columns (NaN where the CSV cell is empty), counts as integer columns, the rest as text.
/// </summary>
public static class DataFrameConversions
{
    /// <summary>Feature values, columns as in <c>features.csv</c>.</summary>
    public static DataFrame ToDataFrame(this FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromColumns(table.CsvLayout, table);
    }

    /// <summary>Deltas, columns as in <c>deltas.csv</c>.</summary>
    public static DataFrame ToDataFrame(this DeltaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromColumns(table.CsvLayout, table.Rows);
    }

    /// <summary>Feature stability, columns as in <c>stability.csv</c>.</summary>
    public static DataFrame ToDataFrame(this StabilityTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromColumns(StabilityTable.Columns, table.Rows);
    }

    /// <summary>Registrations of a study, columns as in <c>registration.csv</c>.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<RegistrationRecord> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        return FromColumns(RegistrationRecord.Columns, registrations.ToList());
    }

    /// <summary>Habitat transitions of a study, columns as in <c>habitat_transitions.csv</c>.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<TransitionRecord> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        return FromColumns(TransitionRecord.Columns, transitions.ToList());
    }

    /// <summary>Per-habitat features, columns as in <c>habitat_features.csv</c>.</summary>
    public static DataFrame ToDataFrame(this Habitats.Model.HabitatFeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromColumns(table.CsvLayout, table);
    }

    /// <summary>Per-habitat deltas, columns as in <c>habitat_deltas.csv</c>.</summary>
    public static DataFrame ToDataFrame(this HabitatDeltaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromColumns(table.CsvLayout, table.Rows.ToList());
    }

    /// <summary>Any record table as a DataFrame, one column per table column, typed by the cells it holds.</summary>
    public static DataFrame FromColumns<T>(IReadOnlyList<TableColumn<T>> columns, IReadOnlyCollection<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return new DataFrame(columns.Select(c => Column(c, rows)));
    }

    private static DataFrameColumn Column<T>(TableColumn<T> column, IReadOnlyCollection<T> rows)
    {
        var cells = rows.Select(column.Cell).ToList();
        return cells.FirstOrDefault(c => c is not null) switch
        {
            double or float => new DoubleDataFrameColumn(column.Name, cells.Select(c => c is null ? double.NaN : Convert.ToDouble(c, CultureInfo.InvariantCulture))),
            int => new Int32DataFrameColumn(column.Name, cells.Select(c => (int?)c)),
            long => new Int64DataFrameColumn(column.Name, cells.Select(c => (long?)c)),
            _ => new StringDataFrameColumn(column.Name, cells.Select(c => c is null ? null : Convert.ToString(c, CultureInfo.InvariantCulture))),
        };
    }
}
