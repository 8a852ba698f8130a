using Radiomics.Habitats.Workflows;
using Radiomics.IO;

namespace Radiomics.Cli.Commands;

/// <summary>The scans of <c>habitats</c>: <c>--images</c> with <c>--masks</c>, or multi-channel <c>--channel NAME=PATH …</c> groups.</summary>
internal static class HabitatScanOptions
{
    /// <summary>
    /// The scans from <c>--images</c>, or from the <c>--channel NAME=PATH PATH …</c> groups (a token with '=' starts a
    /// channel), one per mask.
    /// </summary>
    public static HabitatScan[] Scans(FileInfo[]? images, string[]? channelTokens, FileInfo[] masks)
    {
        if ((images is { Length: > 0 }) == (channelTokens is { Length: > 0 }))
        {
            throw new InvalidInputException("give the scans either as --images or as --channel NAME=PATH … (one per channel), not both or neither.");
        }

        var channels = new List<(string Name, List<string> Paths)>();
        foreach (var token in channelTokens ?? [])
        {
            int eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                channels.Add((SafePath.RequireId("channel", token[..eq], "--channel"), [token[(eq + 1)..]]));
            }
            else if (channels.Count == 0)
            {
                throw new InvalidInputException($"--channel {token}: name the channel first, as NAME=PATH.");
            }
            else
            {
                channels[^1].Paths.Add(token);
            }
        }

        if (images is { Length: > 0 } && images.Length != masks.Length)
        {
            throw new InvalidInputException($"{images.Length} image(s) but {masks.Length} mask(s); give one mask per image, in the same order.");
        }

        foreach (var (name, paths) in channels)
        {
            if (paths.Count != masks.Length || channels.Count(c => c.Name == name) > 1)
            {
                throw new InvalidInputException($"--channel {name}: {paths.Count} image(s) but {masks.Length} mask(s), or the channel named twice; give each channel once, one image per mask, in the same order.");
            }
        }

        return images is { Length: > 0 }
            ? [.. images.Zip(masks, (i, m) => new HabitatScan(i.FullName, m.FullName))]
            : [.. masks.Select((m, s) => new HabitatScan(Path.GetFullPath(channels[0].Paths[s]), m.FullName)
            {
                Channels = [.. channels.Select(c => new HabitatChannel(c.Name, Path.GetFullPath(c.Paths[s])))],
            })];
    }
}
