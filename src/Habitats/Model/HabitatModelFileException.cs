namespace Radiomics.Habitats.Model;

/// <summary>A habitat model file is missing or is not a valid model; names the file.</summary>
public sealed class HabitatModelFileException : RadiomicsException
{
    public HabitatModelFileException(string filePath, string detail, Exception? inner = null)
        : base($"{filePath}: {detail}", inner)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }
}
