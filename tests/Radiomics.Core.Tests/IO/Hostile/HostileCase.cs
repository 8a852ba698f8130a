using Radiomics.IO;

namespace Radiomics.Core.Tests.IO.Hostile;

/// <summary>
/// One file of the hostile corpus and what reading it must give: a refusal with one of <see cref="Refusals"/>,
/// a successful read (<see cref="Refusals"/> empty), or, for random mutations, either (<see cref="Refusals"/> null).
/// </summary>
internal sealed record HostileCase(string Category, string Name, string Path, ImageFileProblem[]? Refusals)
{
    public static ImageFileProblem[] Reads => [];

    public override string ToString() => $"{Category}/{Name}";
}
