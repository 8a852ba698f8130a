namespace Radiomics.Processing;

/// <summary>Which voxels count as neighbours in 3D: those sharing a face, an edge or a vertex.</summary>
public enum Connectivity
{
    /// <summary>6 neighbours sharing a face (ITK <c>FullyConnected = false</c>).</summary>
    Face = 6,

    /// <summary>18 neighbours sharing a face or an edge.</summary>
    Edge = 18,

    /// <summary>26 neighbours sharing a face, an edge or a vertex (ITK <c>FullyConnected = true</c>).</summary>
    Vertex = 26,
}
