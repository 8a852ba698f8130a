using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO;

/// <summary>
/// Every image of the shared reference data reads with the geometry and voxel values that nibabel (NIfTI) and an
/// independent numpy NRRD reader report; the expected values were computed once with those tools (LPS axes, as
/// ITK reports them) and are listed here.
/// </summary>
public class SharedFileReadTests
{
    public static TheoryData<string> Files => new(Expected.Select(e => e.Path));

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Shared_file_reads_with_reference_geometry_and_checksum(string relativePath)
    {
        var e = Expected.Single(x => x.Path == relativePath);
        var image = ImageFile.Read(SharedData.Path(relativePath.Split('/')));
        Assert.Equal(e.Type, image.PixelType);
        Assert.Equal(1, image.Components);
        Assert.Equal(new Size3(e.Nx, e.Ny, e.Nz), image.Geometry.Size);
        var g = image.Geometry;
        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(e.Spacing[a], g.Spacing[a], 1e-9);
            Assert.Equal(e.Origin[a], g.Origin[a], 1e-6);
        }

        var direction = g.Direction.ToRowMajorArray();
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(e.Direction[i], direction[i], 1e-9);
        }

        // The weighted sum depends on voxel order (weights cycle through 1..9973), so it catches transposed axes.
        var values = image.ConvertTo<double>().Voxels;
        double sum = 0, weighted = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            weighted += values[i] * (i % 9973 + 1);
        }

        Assert.Equal(e.Sum, sum, Math.Abs(e.Sum) * 1e-12 + 1e-6);
        Assert.Equal(e.WeightedSum, weighted, Math.Abs(e.WeightedSum) * 1e-12 + 1e-6);
    }

    private sealed record Reference(string Path, string NumpyType, int Nx, int Ny, int Nz, double[] Spacing, double[] Origin, double[] Direction, double Sum, double WeightedSum)
    {
        public PixelType Type => NumpyType switch
        {
            "float32" => PixelType.Float32,
            "uint8" => PixelType.UInt8,
            "int16" => PixelType.Int16,
            "uint16" => PixelType.UInt16,
            "int32" => PixelType.Int32,
            _ => throw new InvalidOperationException(NumpyType),
        };
    }

    private static readonly Reference[] Expected =
    [
        new("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz", "float32", 204, 201, 60, [0.9769999980926514, 0.9769999980926514, 3.0], [-174.39450073242188, -79.62550354003906, -100.4000015258789], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], -655581056.0, -3264343859641.0),
        new("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz", "uint8", 204, 201, 60, [0.9769999980926514, 0.9769999980926514, 3.0], [-174.39450073242188, -79.62550354003906, -100.4000015258789], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 125256.0, 619333089.0),
        new("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz", "int16", 5, 4, 4, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 173.0, 6186.0),
        new("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz", "int16", 5, 4, 4, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 74.0, 2938.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/checkerboard/image/checkerboard.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 33423360.0, 165390498450.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/checkerboard/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/empty/image/empty.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 0.0, 0.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/empty/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/impulse/image/impulse.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 255.0, 2375580.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/impulse/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/noise/image/noise.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 33290371.0, 164836201663.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/noise/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/orientation/image/orientation.nii.gz", "uint8", 32, 48, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 6930432.0, 34568510464.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/pattern_1/image/pattern_1.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 191760.0, 1015559940.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/pattern_1/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/pattern_2/image/pattern_2.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 195840.0, 1041712740.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/pattern_2/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/pattern_3/image/pattern_3.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 195840.0, 1153609800.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/pattern_3/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/sphere/image/sphere.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 13257195.0, 65907560100.0),
        new("ibsi/ibsi_2_digital_phantom/nifti/sphere/mask/mask.nii.gz", "uint8", 64, 64, 64, [2.0, 2.0, 2.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 262144.0, 1297170407.0),
        new("data/pyradiomics/brain1_image.nrrd", "int16", 256, 256, 25, [0.7812499999999999, 0.7812499999999999, 6.499999999999998], [-99.60937499999999, 99.60937499999999, -77.99999999999996], [1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0], 631859459.0, 3149966802551.0),
        new("data/pyradiomics/brain1_label.nrrd", "int32", 256, 256, 25, [0.7812499999999999, 0.7812499999999999, 6.499999999999998], [-99.60937499999999, 99.60937499999999, -77.99999999999996], [1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0], 4137.0, 20576856.0),
        new("data/pyradiomics/brain2_image.nrrd", "int16", 256, 256, 23, [0.7812499999999999, 0.7812499999999999, 6.499999999999998], [-109.99999999999999, 103.41874694824213, -62.70000076293943], [1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0], 356034155.0, 1777272773547.0),
        new("data/pyradiomics/brain2_label.nrrd", "int32", 256, 256, 23, [0.7812499999999999, 0.7812499999999999, 6.499999999999998], [-109.99999999999999, 103.41874694824213, -62.70000076293943], [1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0], 453.0, 2596396.0),
        new("data/pyradiomics/breast1_image.nrrd", "int16", 45, 120, 21, [0.664062, 0.664062, 2.1], [-116.54304, -48.14465400000001, 9.45000000000003], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 7187342.0, 35129244975.0),
        new("data/pyradiomics/breast1_label.nrrd", "int16", 45, 120, 21, [0.664062, 0.664062, 2.1], [-116.54304, -48.14465400000001, 9.45000000000003], [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 143.0, 580566.0),
        new("data/pyradiomics/prostate_phantom_subvolume-label.nrrd", "int16", 82, 67, 13, [0.5, 0.5, 3.0], [15.683382511138916, 76.5357608795166, -52.77613067626954], [-1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0], 107126.0, 488299560.0),
        new("data/pyradiomics/prostate_phantom_subvolume.nrrd", "uint16", 82, 67, 13, [0.5, 0.5, 3.0], [15.683382511138916, 76.5357608795166, -52.77613067626954], [-1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0], 27811967.0, 129263196864.0),
    ];
}
