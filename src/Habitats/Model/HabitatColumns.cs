using Radiomics.Tables;

namespace Radiomics.Habitats.Model;

/// <summary>The CSV layout of a per-habitat table: its whole-tumour twin's columns with <c>habitat</c> inserted.</summary>
public static class HabitatColumns
{
    /// <summary>
    /// <paramref name="columns"/> (the whole-tumour table's CSV layout) read through <paramref name="inner"/>, with a
    /// <c>habitat</c> column after <c>channel</c> when there is one, else after <c>region</c>.
    /// </summary>
    public static IReadOnlyList<TableColumn<TRow>> Insert<TRow, TInner>(
        IReadOnlyList<TableColumn<TInner>> columns, Func<TRow, TInner> inner, Func<TRow, int> habitat)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(habitat);
        var result = columns.Select(c => new TableColumn<TRow>(c.Name, r => c.Cell(inner(r)))).ToList();
        int after = result.FindIndex(c => c.Name == "channel") is >= 0 and var channel ? channel : result.FindIndex(c => c.Name == "region");
        result.Insert(after + 1, new("habitat", r => habitat(r)));
        return result;
    }
}
