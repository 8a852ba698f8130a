namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>A fact that needs external tools on the PATH; skipped with a message naming the missing tool and its Debian package.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    /// <param name="tool">The program the test runs.</param>
    /// <param name="package">The Debian package that installs it.</param>
    public ToolFactAttribute(string tool, string package)
    {
        if (!ExternalTool.Exists(tool))
        {
            Skip = $"{tool} is not installed (apt-get install {package}); this test is skipped.";
        }
    }
}
