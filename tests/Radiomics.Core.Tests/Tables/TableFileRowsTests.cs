using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Tables;

/// <summary><see cref="TableFileRows{T}"/>: the count without reading, the rows read once, when first used.</summary>
public class TableFileRowsTests
{
    [Fact]
    public void Count_does_not_read_the_file_and_the_rows_are_read_once_on_first_use()
    {
        using var tmp = new TempDirectory();
        string path = Path.Combine(tmp.Path, "rows.csv");
        int reads = 0;
        var rows = new TableFileRows<string>(path, 2, p =>
        {
            reads++;
            return RecordTable.Read(p, r => r.Text("name"));
        });

        // The file does not exist yet: only reading the rows would notice.
        Assert.Equal(2, rows.Count);
        Assert.False(rows.IsRead);
        RecordTable.Write(path, [new TableColumn<string>("name", s => s)], ["first", "second", "third"]);
        Assert.Equal("second", rows[1]);
        Assert.Equal(["first", "second", "third"], rows);
        Assert.Equal(3, rows.Count);
        Assert.Equal(1, reads);
    }
}
