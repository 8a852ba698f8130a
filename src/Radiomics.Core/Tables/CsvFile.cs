using System.Text;
using Radiomics.IO;

namespace Radiomics.Tables;

/// <summary>Writes CSV text (UTF-8 without byte order mark) atomically, for the tables of this namespace.</summary>
internal static class CsvFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });
    }
}
