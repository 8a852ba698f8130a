using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Radiomics.Notebooks;

/// <summary>
/// Resolves <c>#r "path/to/X.dll"</c> like Polyglot (relative to the notebook's folder), except that a file named
/// X.dll in one of the given assembly folders wins: notebooks reference the toolkit where a Debug build puts it,
/// and tests or CI run them against the assemblies they built, whatever the configuration.
/// </summary>
internal sealed class ToolkitMetadataResolver : MetadataReferenceResolver
{
    private readonly ScriptMetadataResolver _inner;
    private readonly ImmutableArray<string> _assemblyDirectories;

    public ToolkitMetadataResolver(string baseDirectory, IEnumerable<string> assemblyDirectories)
    {
        _inner = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);
        _assemblyDirectories = [.. assemblyDirectories.Select(Path.GetFullPath)];
    }

    public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            string name = Path.GetFileName(reference);
            foreach (var dir in _assemblyDirectories)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return [MetadataReference.CreateFromFile(candidate, properties)];
                }
            }
        }

        return _inner.ResolveReference(reference, baseFilePath, properties);
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _inner.ResolveMissingAssembly(definition, referenceIdentity);

    public override bool Equals(object? other) =>
        other is ToolkitMetadataResolver r && r._inner.Equals(_inner) && r._assemblyDirectories.SequenceEqual(_assemblyDirectories);

    public override int GetHashCode() => HashCode.Combine(_inner, _assemblyDirectories.Length);
}
