using System.Globalization;
using System.Text;
using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>Helpers for the text headers of NRRD and MetaImage.</summary>
internal static class HeaderText
{
    /// <summary>Text headers larger than this are not headers.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>
    /// Reads the text header at the start of a file up to the first empty line (NRRD) or up to a line for which
    /// <paramref name="isLastLine"/> holds (MetaImage); returns the header lines and the offset of the first data byte.
    /// </summary>
    public static (List<string> Lines, long DataOffset) ReadLines(
        string path, Stream s, Func<string, bool> isLastLine, bool blankLineEnds, ImageFileProblem binaryProblem = ImageFileProblem.InvalidHeader)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        long offset = 0;
        int b;
        while ((b = s.ReadByte()) >= 0)
        {
            offset++;
            if (offset > MaxHeaderBytes)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"no end of header within the first {MaxHeaderBytes} bytes.");
            }

            if (b == '\n')
            {
                string text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (blankLineEnds && text.Length == 0)
                {
                    return (lines, offset);
                }

                lines.Add(text);
                if (isLastLine(text))
                {
                    return (lines, offset);
                }
            }
            else
            {
                if (b == 0)
                {
                    throw new ImageFileException(path, binaryProblem, $"binary data (a NUL byte at offset {offset - 1}) where a text header was expected.");
                }

                line.Append((char)b);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd('\r'));
        }

        return (lines, -1);
    }

    public static double ParseDouble(string path, string field, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"'{field}' has '{text}', which is not a number.");
        }

        return v;
    }

    public static long ParseLong(string path, string field, string text)
    {
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"'{field}' has '{text}', which is not an integer.");
        }

        return v;
    }

    public static string[] Words(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string Vector(Vec3 v) => $"({Number(v.X)},{Number(v.Y)},{Number(v.Z)})";
}
