namespace Radiomics.IO;

/// <summary>
/// IDs are data, never paths. Subject, time point, region and channel IDs that become file or folder names are
/// checked here, and every output path is checked to stay under its output folder after normalisation.
/// </summary>
/// <remarks>
/// An ID is 1 to 128 characters: letters and digits (any script), <c>_</c>, <c>-</c>, <c>+</c>, <c>.</c>,
/// <c>=</c>, <c>@</c> and <c>,</c>. It may not start with <c>.</c> or <c>-</c> (no <c>.</c>, <c>..</c>, hidden
/// files or option-like names), may not end with <c>.</c>, and may not be a name Windows reserves (<c>CON</c>,
/// <c>NUL</c>, <c>COM1</c>, …, with or without an extension). Separators, spaces, control characters and absolute
/// paths are therefore never IDs.
/// </remarks>
public static class SafePath
{
    public const int MaxIdLength = 128;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Why <paramref name="id"/> is not a valid ID, in plain words; null when it is one.</summary>
    public static string? IdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "is empty";
        }

        if (id.Length > MaxIdLength)
        {
            return $"is {id.Length} characters long; at most {MaxIdLength} are allowed";
        }

        if (id[0] is '.' or '-')
        {
            return "starts with '.' or '-' (IDs such as '.', '..' or hidden names could name folders)";
        }

        if (id[^1] == '.')
        {
            return "ends with '.'";
        }

        foreach (char c in id)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '+' or '.' or '=' or '@' or ','))
            {
                return c is '/' or '\\' or ':'
                    ? $"contains the path separator '{c}'; IDs are names, never paths"
                    : $"contains the character '{Printable(c)}'; IDs use letters, digits and _ - + . = @ ,";
            }
        }

        string stem = id.Split('.')[0];
        if (Reserved.Contains(stem))
        {
            return $"is the reserved device name '{stem}'";
        }

        return null;
    }

    public static bool IsValidId(string? id) => IdProblem(id) is null;

    /// <summary>Throws an <see cref="InvalidInputException"/> naming the kind of ID and where it came from, unless <paramref name="id"/> is valid.</summary>
    /// <param name="kind">"subject", "time point", "region", "channel", …</param>
    /// <param name="id">The ID.</param>
    /// <param name="source">Where it came from (a manifest line, an option), or null.</param>
    public static string RequireId(string kind, string? id, string? source = null)
    {
        if (IdProblem(id) is { } problem)
        {
            throw new InvalidInputException($"{(source is null ? "" : source + ": ")}{kind} ID '{Printable(id ?? "")}' {problem}.");
        }

        return id!;
    }

    /// <summary>
    /// <paramref name="root"/> joined with <paramref name="parts"/>, after checking that the normalised result lies
    /// under the normalised root (an <see cref="InvalidInputException"/> otherwise).
    /// </summary>
    public static string Under(string root, params ReadOnlySpan<string> parts)
    {
        string fullRoot = Path.GetFullPath(root);
        string path = fullRoot;
        foreach (var part in parts)
        {
            if (Path.IsPathRooted(part))
            {
                throw new InvalidInputException($"the output name '{Printable(part)}' is an absolute path; outputs stay under {fullRoot}.");
            }

            path = Path.Combine(path, part);
        }

        string full = Path.GetFullPath(path);
        if (full == fullRoot || !DetachedData.IsUnder(full, fullRoot))
        {
            throw new InvalidInputException($"the output path {full} lies outside the output folder {fullRoot}.");
        }

        return full;
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

    private static string Printable(string s) =>
        string.Concat(s.Take(MaxIdLength + 8).Select(Printable)) + (s.Length > MaxIdLength + 8 ? "…" : "");
}
