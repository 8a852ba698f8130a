using System.Text;

namespace Radiomics.IO.Dicom;

/// <summary>
/// The text encodings of SpecificCharacterSet (0008,0005) for the strings the toolkit shows (patient name,
/// descriptions, ROI names). Code extension (ISO 2022 escapes) is read with the first named set's single-byte part.
/// </summary>
internal static class DicomCharacterSet
{
    static DicomCharacterSet()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The default repertoire (ISO-IR 6, ASCII); bytes above 127 are kept as Latin-1 rather than lost.</summary>
    public static Encoding Default { get; } = Encoding.Latin1;

    /// <summary>The encoding for a SpecificCharacterSet value (its terms separated by backslashes).</summary>
    public static Encoding FromTerms(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        foreach (var raw in value.Split('\\'))
        {
            var term = raw.Trim().ToUpperInvariant();
            if (term.Length == 0)
            {
                continue;
            }

            var codePage = term switch
            {
                "ISO_IR 192" => 65001,
                "ISO_IR 100" or "ISO 2022 IR 100" => 28591,
                "ISO_IR 101" or "ISO 2022 IR 101" => 28592,
                "ISO_IR 109" or "ISO 2022 IR 109" => 28593,
                "ISO_IR 110" or "ISO 2022 IR 110" => 28594,
                "ISO_IR 144" or "ISO 2022 IR 144" => 28595,
                "ISO_IR 127" or "ISO 2022 IR 127" => 28596,
                "ISO_IR 126" or "ISO 2022 IR 126" => 28597,
                "ISO_IR 138" or "ISO 2022 IR 138" => 28598,
                "ISO_IR 148" or "ISO 2022 IR 148" => 28599,
                "ISO_IR 203" or "ISO 2022 IR 203" => 28605,
                "ISO_IR 166" or "ISO 2022 IR 166" => 874,
                "ISO_IR 13" or "ISO 2022 IR 13" => 932,
                "ISO 2022 IR 87" or "ISO 2022 IR 159" => 50220,
                "ISO 2022 IR 149" => 949,
                "ISO 2022 IR 58" => 936,
                "GB18030" => 54936,
                "GBK" => 936,
                "ISO_IR 6" or "ISO 2022 IR 6" => 20127,
                _ => 0,
            };
            if (codePage == 0)
            {
                continue;
            }

            try
            {
                return codePage == 20127 ? Default : Encoding.GetEncoding(codePage);
            }
            catch (NotSupportedException)
            {
                return Default;
            }
            catch (ArgumentException)
            {
                return Default;
            }
        }

        return Default;
    }
}
