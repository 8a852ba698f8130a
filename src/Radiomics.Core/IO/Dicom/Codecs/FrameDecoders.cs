namespace Radiomics.IO.Dicom.Codecs;

/// <summary>The compressed transfer syntaxes the toolkit decodes, by UID.</summary>
public static class FrameDecoders
{
    private static readonly IFrameDecoder[] All = [new RleDecoder(), new JpegDecoder(), new JpegLsDecoder(), new Jpeg2000Decoder()];

    private static readonly Dictionary<string, IFrameDecoder> ByUid = All
        .SelectMany(d => d.TransferSyntaxUids.Select(uid => (uid, d)))
        .ToDictionary(p => p.uid, p => p.d, StringComparer.Ordinal);

    /// <summary>The decoder for an encapsulated transfer syntax, or null when the toolkit has none.</summary>
    public static IFrameDecoder? ForTransferSyntax(string transferSyntaxUid) =>
        ByUid.GetValueOrDefault(transferSyntaxUid.TrimEnd('\0', ' '));
}
