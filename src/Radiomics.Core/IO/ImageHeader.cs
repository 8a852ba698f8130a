using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>What an image file's header says, read without the voxel data: enough to check a study before any work starts.</summary>
/// <param name="Geometry">The grid, LPS millimetres.</param>
/// <param name="PixelType">The voxel type <see cref="ImageFile.Read(string)"/> will return (scaled NIfTI data are floating point).</param>
/// <param name="Components">Values per voxel.</param>
public sealed record ImageHeader(ImageGeometry Geometry, PixelType PixelType, int Components);
